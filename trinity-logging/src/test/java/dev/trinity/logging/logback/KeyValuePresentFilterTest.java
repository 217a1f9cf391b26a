package dev.trinity.logging.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

class KeyValuePresentFilterTest {
  private final LoggerContext context = TestContexts.newContext();

  private LoggingEvent event(String... keys) {
    LoggingEvent event =
        new LoggingEvent(
            getClass().getName(), context.getLogger("x"), Level.INFO, "msg", null, null);
    for (String key : keys) {
      event.addKeyValuePair(new KeyValuePair(key, 1));
    }
    return event;
  }

  private KeyValuePresentFilter started(String key) {
    KeyValuePresentFilter filter = new KeyValuePresentFilter();
    filter.setContext(context);
    filter.setKey(key);
    filter.start();
    return filter;
  }

  @Test
  void passesEventsCarryingTheKeyAndDeniesTheRest() {
    KeyValuePresentFilter filter = started("duration_ms");

    assertThat(filter.decide(event("cache_hit", "duration_ms"))).isEqualTo(FilterReply.NEUTRAL);
    assertThat(filter.decide(event("cache_hit"))).isEqualTo(FilterReply.DENY);
    assertThat(filter.decide(event())).isEqualTo(FilterReply.DENY);
  }

  @Test
  void onMatchAndOnMismatchCanBeChanged() {
    KeyValuePresentFilter filter = started("duration_ms");
    filter.setOnMatch(FilterReply.ACCEPT);
    filter.setOnMismatch(FilterReply.NEUTRAL);

    assertThat(filter.decide(event("duration_ms"))).isEqualTo(FilterReply.ACCEPT);
    assertThat(filter.decide(event())).isEqualTo(FilterReply.NEUTRAL);
  }

  @Test
  void doesNotStartWithoutAKeyAndThenLetsEverythingThrough() {
    KeyValuePresentFilter filter = new KeyValuePresentFilter();
    filter.setContext(context);
    filter.start();

    assertThat(filter.isStarted()).isFalse();
    assertThat(filter.decide(event())).isEqualTo(FilterReply.NEUTRAL);
  }
}
