package dev.trinity.logging.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import dev.trinity.logging.TrinityLogging;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The top-level {@code logback-trinity.xml}, which picks a profile from {@code LOG_PROFILE}. */
class TrinityConfigurationFileTest {
  @TempDir Path logDir;
  private LoggerContext context;

  @BeforeEach
  void newContext() {
    context = TestContexts.newContext();
  }

  @AfterEach
  void stopContext() {
    TestContexts.assertNoErrors(context);
    context.stop();
  }

  private void load() throws JoranException {
    URL resource = getClass().getClassLoader().getResource(TrinityLogging.CONFIGURATION_RESOURCE);
    assertThat(resource).isNotNull();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(resource);
  }

  private List<String> rootAppenders() {
    List<String> names = new ArrayList<>();
    root().iteratorForAppenders().forEachRemaining(a -> names.add(a.getName()));
    return names;
  }

  private Logger root() {
    return context.getLogger(Logger.ROOT_LOGGER_NAME);
  }

  @Test
  void picksTheProfileNamedByALogbackProperty() throws JoranException {
    context.putProperty("LOG_PROFILE", "testing");

    load();

    assertThat(root().getLevel()).isEqualTo(Level.WARN);
    assertThat(rootAppenders()).containsExactly("TRINITY_CONSOLE");
  }

  @Test
  void picksTheProfileNamedByASystemProperty() throws JoranException {
    System.setProperty("LOG_PROFILE", "production");
    System.setProperty("LOG_DIR", logDir.toString());
    try {
      load();
    } finally {
      System.clearProperty("LOG_PROFILE");
      System.clearProperty("LOG_DIR");
    }

    assertThat(root().getLevel()).isEqualTo(Level.INFO);
    assertThat(rootAppenders())
        .containsExactly(
            "TRINITY_CONSOLE", "TRINITY_FILE", "TRINITY_ERRORS", "TRINITY_PERFORMANCE");
    assertThat(logDir.resolve("trinity.log")).exists();
  }

  @Test
  void defaultsToDevelopmentWithDebug() throws JoranException {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        System.getenv("LOG_PROFILE") == null && System.getenv("LOG_LEVEL") == null,
        "LOG_PROFILE or LOG_LEVEL is set in the environment");

    load();

    assertThat(root().getLevel()).isEqualTo(Level.DEBUG);
    assertThat(rootAppenders()).containsExactly("TRINITY_CONSOLE");
  }

  @Test
  void logLevelOverridesTheProfilesLevel() throws JoranException {
    context.putProperty("LOG_PROFILE", "development");
    context.putProperty("LOG_LEVEL", "ERROR");

    load();

    assertThat(root().getLevel()).isEqualTo(Level.ERROR);
  }
}
