package dev.trinity.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class LogCaptureTest {
  private static final String NAME = "dev.trinity.test.sample";
  private final Logger log = LoggerFactory.getLogger(NAME + ".Child");

  @RegisterExtension final LogCapture registered = LogCapture.of("dev.trinity.test.registered");

  @Test
  void recordsEventsOfTheLoggerAndItsChildrenWithTheirKeyValues() {
    try (LogCapture logs = LogCapture.of(NAME).start()) {
      log.atInfo().setMessage("cache_hit").addKeyValue("tier", "memory").log();
      log.atWarn().setMessage("cache_hit").addKeyValue("tier", "redis").addKeyValue("n", 2).log();
      log.info("other {}", "thing");
      LoggerFactory.getLogger("dev.trinity.test.elsewhere").info("cache_hit");

      assertThat(logs.events()).hasSize(3);
      assertThat(logs.events("cache_hit"))
          .extracting(ILoggingEvent::getLevel)
          .containsExactly(Level.INFO, Level.WARN);
      assertThat(logs.keyValues("cache_hit"))
          .containsExactly(Map.of("tier", "memory"), Map.of("tier", "redis", "n", "2"));
      assertThat(LogCapture.value(logs.events("cache_hit").get(1), "n")).isEqualTo(2);
      assertThat(logs.events("other {}"))
          .singleElement()
          .satisfies(e -> assertThat(e.getFormattedMessage()).isEqualTo("other thing"));
    }
  }

  @Test
  void keepsTheMdcOfTheThreadThatLogged() {
    try (LogCapture logs = LogCapture.of(NAME).start()) {
      CompletableFuture.runAsync(
              () -> {
                MDC.put("correlation_id", "req-7");
                try {
                  log.info("on_pool");
                } finally {
                  MDC.clear();
                }
              })
          .join();

      assertThat(logs.events("on_pool"))
          .singleElement()
          .satisfies(
              e -> assertThat(e.getMDCPropertyMap()).containsEntry("correlation_id", "req-7"));
    }
  }

  @Test
  void atLevelLowersTheLevelWhileRecordingAndCloseRestoresIt() {
    ch.qos.logback.classic.Logger logger =
        (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(NAME);
    logger.setLevel(Level.WARN);
    try {
      try (LogCapture logs = LogCapture.of(NAME).atLevel(org.slf4j.event.Level.DEBUG).start()) {
        log.debug("debug_event");
        assertThat(logs.events("debug_event")).hasSize(1);
      }
      assertThat(logger.getLevel()).isEqualTo(Level.WARN);

      try (LogCapture logs = LogCapture.of(NAME).start()) {
        log.debug("debug_event");
        log.info("info_event");
        log.warn("warn_event");
        assertThat(logs.events())
            .extracting(ILoggingEvent::getMessage)
            .containsExactly("warn_event");
      }
    } finally {
      logger.setLevel(null);
    }
  }

  @Test
  void stopsRecordingWhenClosedAndForgetsOnRestart() {
    LogCapture logs = LogCapture.of(NAME).start();
    log.info("before_close");
    logs.close();
    log.info("after_close");
    logs.close();

    assertThat(logs.events()).extracting(ILoggingEvent::getMessage).containsExactly("before_close");

    logs.start();
    log.info("after_restart");
    assertThat(logs.events())
        .extracting(ILoggingEvent::getMessage)
        .containsExactly("after_restart");
    logs.clear();
    assertThat(logs.events()).isEmpty();
    logs.close();
  }

  @Test
  void everythingRendersMessagesKeyValuesMdcAndEveryCause() {
    try (LogCapture logs = LogCapture.of(NAME).start()) {
      MDC.put("tenant", "acme");
      try {
        log.atError()
            .setMessage("failed {}")
            .addArgument("call")
            .addKeyValue("endpoint", "ollama")
            .setCause(new IllegalStateException("outer", new RuntimeException("inner secret")))
            .log();
      } finally {
        MDC.remove("tenant");
      }

      assertThat(logs.everything())
          .contains("failed call", "endpoint=ollama", "tenant=acme", "outer", "inner secret");
      assertThat(LogCapture.render(logs.events().get(0))).isEqualTo(logs.everything());
    }
  }

  @Test
  void asAnExtensionItRecordsDuringEachTest() {
    LoggerFactory.getLogger("dev.trinity.test.registered").info("during_test");

    assertThat(registered.events("during_test")).hasSize(1);
  }

  @Test
  void misuseIsRefusedClearly() {
    assertThatThrownBy(() -> LogCapture.of(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("loggerName");
    assertThatThrownBy(() -> LogCapture.of((String) null)).isInstanceOf(NullPointerException.class);
    try (LogCapture logs = LogCapture.of(LogCaptureTest.class).start()) {
      assertThatThrownBy(logs::start)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("already started")
          .hasMessageContaining(LogCaptureTest.class.getName());
      assertThatThrownBy(() -> logs.atLevel(org.slf4j.event.Level.DEBUG))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("before start()");
    }
    try (LogCapture logs = LogCapture.of(NAME).start()) {
      log.info("no_pairs");
      ILoggingEvent e = logs.events("no_pairs").get(0);
      assertThat(LogCapture.keyValues(e)).isEmpty();
      assertThatThrownBy(() -> LogCapture.value(e, "tier"))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("no key tier in no_pairs");
    }
  }
}
