package dev.trinity.logging.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.trinity.logging.TrinityLogging.Profile;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TestingProfileTest {
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

  @Test
  void dropsInfoAndKeepsWarningsAndErrors() {
    LogbackProfiles.configure(context, Profile.TESTING, Map.of("LOG_COLOR", "never"));
    Logger log = context.getLogger("dev.trinity.core.Brain");
    try (TestContexts.Stdout stdout = new TestContexts.Stdout()) {
      log.debug("debug_line");
      log.info("info_line");
      log.warn("warn_line");
      log.error("error_line");

      assertThat(stdout.lines())
          .satisfiesExactly(
              line -> assertThat(line).startsWith("WARN     ").endsWith("] warn_line"),
              line -> assertThat(line).startsWith("ERROR    ").endsWith("] error_line"));
    }
    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.WARN);
  }

  @Test
  void logLevelOverridesTheDefaultWarn() {
    LogbackProfiles.configure(context, Profile.TESTING, Map.of("LOG_LEVEL", "ERROR"));

    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.ERROR);
  }
}
