package dev.trinity.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.trinity.logging.TrinityLogging.Profile;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class TrinityLoggingTest {

  @AfterAll
  static void quietAgain() {
    TrinityLogging.configure(Profile.TESTING, settings(Map.of()));
  }

  private static java.util.function.Function<String, @Nullable String> settings(
      Map<String, String> values) {
    Map<String, String> copy = new HashMap<>(values);
    return copy::get;
  }

  private static LoggerContext boundContext() {
    return (LoggerContext) LoggerFactory.getILoggerFactory();
  }

  @Test
  void profileNamesIgnoreCaseAndSurroundingBlanks() {
    assertThat(Profile.fromName(" Production ")).isEqualTo(Profile.PRODUCTION);
    assertThat(Profile.fromName("testing")).isEqualTo(Profile.TESTING);
    assertThat(Profile.DEVELOPMENT.id()).isEqualTo("development");
  }

  @Test
  void anUnknownProfileIsRejectedNamingTheVariable() {
    assertThatThrownBy(() -> TrinityLogging.configure(settings(Map.of("LOG_PROFILE", "prod"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LOG_PROFILE")
        .hasMessageContaining("'prod'");
  }

  @Test
  void anUnknownLevelOrFormatIsRejectedNamingTheVariable() {
    assertThatThrownBy(() -> TrinityLogging.variables(settings(Map.of("LOG_LEVEL", "WARNING"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LOG_LEVEL");
    assertThatThrownBy(() -> TrinityLogging.variables(settings(Map.of("LOG_FORMAT", "xml"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LOG_FORMAT");
  }

  @Test
  void levelAndFormatAreNormalisedForLogback() {
    assertThat(
            TrinityLogging.variables(settings(Map.of("LOG_LEVEL", " info", "LOG_FORMAT", "JSON"))))
        .containsExactlyInAnyOrderEntriesOf(Map.of("LOG_LEVEL", "INFO", "LOG_FORMAT", "json"));
    assertThat(TrinityLogging.variables(settings(Map.of()))).isEmpty();
  }

  @Test
  void configureLoadsTheNamedProfileIntoTheContextSlf4jIsBoundTo() {
    boolean configured =
        TrinityLogging.configure(settings(Map.of("LOG_PROFILE", "Testing", "LOG_LEVEL", "error")));

    assertThat(configured).isTrue();
    Logger root = boundContext().getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel()).isEqualTo(Level.ERROR);
    assertThat(root.getAppender("TRINITY_CONSOLE")).isNotNull();
  }

  @Test
  void configureWithAProfileIgnoresLogProfile() {
    TrinityLogging.configure(
        Profile.DEVELOPMENT, settings(Map.of("LOG_PROFILE", "production", "LOG_FORMAT", "human")));

    Logger root = boundContext().getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel()).isEqualTo(Level.DEBUG);
    assertThat(root.getAppender("TRINITY_FILE")).isNull();
  }

  /**
   * Loads this module's classes and slf4j-api, but not Logback, in a class loader of their own, as
   * in a host that uses another SLF4J backend or none.
   */
  @Test
  void withoutLogbackConfigureDoesNothingAndReturnsFalse() throws Exception {
    URL[] classpath = {
      location(TrinityLogging.class), location(LoggerFactory.class), location(Nullable.class)
    };
    try (URLClassLoader isolated =
        new URLClassLoader(classpath, ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(() -> isolated.loadClass("ch.qos.logback.classic.LoggerContext"))
          .isInstanceOf(ClassNotFoundException.class);
      Class<?> entry = isolated.loadClass(TrinityLogging.class.getName());
      Class<?> profile = isolated.loadClass(Profile.class.getName());
      Method configure = entry.getMethod("configure", profile);
      Object production = profile.getMethod("valueOf", String.class).invoke(null, "PRODUCTION");

      assertThat(configure.invoke(null, production)).isEqualTo(false);
      assertThat(entry.getMethod("configure").invoke(null)).isEqualTo(false);

      // the MDC helpers work too, against SLF4J's no-op MDC
      Class<?> propagation = isolated.loadClass(MdcPropagation.class.getName());
      Callable<?> wrapped =
          (Callable<?>)
              propagation
                  .getMethod("callable", Callable.class)
                  .invoke(null, (Callable<String>) () -> "ran");
      assertThat(wrapped.call()).isEqualTo("ran");
    }
  }

  private static URL location(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation();
  }
}
