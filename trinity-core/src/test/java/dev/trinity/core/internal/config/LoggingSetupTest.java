package dev.trinity.core.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.trinity.api.ConfigurationException;
import dev.trinity.core.LoggingConfig;
import dev.trinity.logging.TrinityLogging;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/** What happens when the {@code logging:} section cannot be applied as asked. */
class LoggingSetupTest {
  private final Logger log = (Logger) LoggerFactory.getLogger(LoggingSetup.class);
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();
  private final List<Map<String, String>> calls = new ArrayList<>();

  @BeforeEach
  void capture() {
    events.start();
    log.addAppender(events);
  }

  @AfterEach
  void release() {
    log.detachAppender(events);
  }

  private static final LoggingConfig PRODUCTION_DEBUG =
      new LoggingConfig(TrinityLogging.Profile.PRODUCTION, LoggingConfig.Level.DEBUG, null);

  @Test
  void anEmptySectionTouchesNothing() {
    LoggingSetup.apply(LoggingConfig.none(), calls::add);

    assertThat(calls).isEmpty();
    assertThat(events.list).isEmpty();
  }

  @Test
  void theSetPartsAreHandedToTrinityLoggingAsItsVariables() {
    LoggingSetup.apply(PRODUCTION_DEBUG, v -> calls.add(v));

    assertThat(calls).containsExactly(Map.of("LOG_PROFILE", "production", "LOG_LEVEL", "DEBUG"));
    assertThat(events.list).isEmpty();
  }

  @Test
  void withoutLogbackTheSettingsAreReportedAsIgnoredAndTrinityGoesOn() {
    LoggingSetup.apply(PRODUCTION_DEBUG, v -> false);

    assertThat(events.list).hasSize(1);
    ILoggingEvent e = events.list.get(0);
    assertThat(e.getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
    assertThat(e.getMessage()).isEqualTo("logging_settings_ignored");
    assertThat(e.getKeyValuePairs())
        .extracting((KeyValuePair p) -> p.key + "=" + p.value)
        .contains("settings=logging.profile=production, logging.level=DEBUG")
        .anyMatch(s -> s.startsWith("error=SLF4J is not bound to Logback"));
  }

  @Test
  void aProfileLogbackCannotLoadIsAConfigurationErrorNamingTheSection() {
    assertThatThrownBy(
            () ->
                LoggingSetup.apply(
                    LoggingConfig.none().withFormat(LoggingConfig.Format.JSON),
                    v -> {
                      throw new IllegalStateException(
                          "the development profile with json output needs"
                              + " net.logstash.logback:logstash-logback-encoder on the classpath");
                    }))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("logging: cannot apply logging.format=json")
        .hasMessageContaining("logstash-logback-encoder");
  }
}
