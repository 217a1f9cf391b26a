package dev.trinity.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.trinity.logging.TrinityLogging.Profile;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** {@link TrinityLogging#configure(Map)}: settings held by the caller win, the rest fall back. */
class ConfigureFromSettingsTest {
  private static Logger root() {
    return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
  }

  @AfterEach
  void quietAgain() {
    System.clearProperty(TrinityLogging.LEVEL);
    TrinityLogging.configure(Profile.TESTING);
  }

  @Test
  void givenSettingsWinOverTheSystemProperty() {
    System.setProperty(TrinityLogging.LEVEL, "ERROR");

    boolean configured =
        TrinityLogging.configure(
            Map.of(TrinityLogging.PROFILE, "testing", TrinityLogging.LEVEL, "info"));

    assertThat(configured).isTrue();
    assertThat(root().getLevel()).isEqualTo(Level.INFO);
    assertThat(root().getAppender("TRINITY_CONSOLE")).isNotNull();
  }

  @Test
  void aSettingLeftOutIsReadFromTheSystemProperty() {
    System.setProperty(TrinityLogging.LEVEL, "ERROR");

    TrinityLogging.configure(Map.of(TrinityLogging.PROFILE, "development"));

    assertThat(root().getLevel()).isEqualTo(Level.ERROR);
  }

  @Test
  void anUnknownValueIsRejectedNamingTheVariable() {
    assertThatThrownBy(() -> TrinityLogging.configure(Map.of(TrinityLogging.FORMAT, "xml")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LOG_FORMAT");
  }
}
