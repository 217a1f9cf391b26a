package dev.trinity.logging.logback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.trinity.logging.TrinityLogging.Profile;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LogbackProfilesTest {
  private LoggerContext context;

  @BeforeEach
  void newContext() {
    context = TestContexts.newContext();
  }

  @AfterEach
  void stopContext() {
    context.stop();
  }

  @Test
  void eachProfileLivesInAResourceNamedAfterIt() {
    for (Profile profile : Profile.values()) {
      assertThat(getClass().getClassLoader().getResource(profile.resource()))
          .as(profile.resource())
          .isNotNull();
    }
    assertThat(Profile.PRODUCTION.resource())
        .isEqualTo("dev/trinity/logging/logback-production.xml");
  }

  @Test
  void reconfiguringReplacesWhatWasThere() {
    LogbackProfiles.configure(context, Profile.DEVELOPMENT, Map.of("LOG_COLOR", "never"));
    LogbackProfiles.configure(context, Profile.TESTING, Map.of("LOG_COLOR", "never"));

    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel()).isEqualTo(Level.WARN);
    assertThat(root.getAppender("TRINITY_CONSOLE")).isNotNull();
    TestContexts.assertNoErrors(context);
  }

  @Test
  void variablesAreEscapedIntoTheGeneratedConfiguration() {
    String xml = LogbackProfiles.configurationXml(Profile.TESTING, Map.of("LOG_DIR", "a\"b<c>&'d"));

    assertThat(xml)
        .contains("<property name=\"LOG_DIR\" value=\"a&quot;b&lt;c&gt;&amp;&apos;d\"/>")
        .contains("<include resource=\"dev/trinity/logging/logback-testing.xml\"/>");
  }

  @Test
  void anUnknownFormatFailsWithLogbacksErrors() {
    assertThatThrownBy(
            () -> LogbackProfiles.configure(context, Profile.TESTING, Map.of("LOG_FORMAT", "yaml")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("logback-testing.xml")
        .hasMessageContaining("TRINITY_CONSOLE");
  }

  @Test
  void aBlankVariableNameIsRejected() {
    assertThatThrownBy(() -> LogbackProfiles.configure(context, Profile.TESTING, Map.of(" ", "x")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
