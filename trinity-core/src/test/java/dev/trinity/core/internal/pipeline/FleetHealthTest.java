package dev.trinity.core.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.logging.LogEvents;
import dev.trinity.test.LogCapture;
import dev.trinity.test.VirtualTime;
import java.net.ConnectException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FleetHealthTest {
  @RegisterExtension
  final LogCapture logs = LogCapture.of(FleetHealth.class).atLevel(org.slf4j.event.Level.INFO);

  private final VirtualTime time = new VirtualTime();
  private final FleetHealth health = new FleetHealth(time.clock());

  @Test
  void healthyAdmitsEveryRequest() {
    assertThat(health.admits()).isTrue();
    assertThat(health.admits()).isTrue();
    assertThat(health.isDegraded()).isFalse();
  }

  @Test
  void theFirstFailureDegradesOnceAndLogsOnce() {
    health.failed(new ConnectException("Connection refused"));
    health.failed("the redis cache tier is down");

    assertThat(health.isDegraded()).isTrue();
    assertThat(logs.events(LogEvents.FLEET_DEGRADED)).hasSize(1);
    assertThat(logs.keyValues(LogEvents.FLEET_DEGRADED).get(0))
        .containsEntry(LogEvents.Keys.ERROR, "ConnectException: Connection refused");
  }

  @Test
  void whileDegradedOneRequestPerSecondProbesRedis() {
    health.failed("down");

    assertThat(health.admits()).isFalse();
    time.advance(FleetHealth.PROBE_INTERVAL.minusMillis(1));
    assertThat(health.admits()).isFalse();
    time.advance(Duration.ofMillis(1));
    assertThat(health.admits()).isTrue(); // the probe
    assertThat(health.admits()).isFalse(); // the others still go local
    time.advance(FleetHealth.PROBE_INTERVAL);
    assertThat(health.admits()).isTrue();
  }

  @Test
  void failuresWhileClosingAreNotReported() {
    health.close();
    health.failed("connection closed");

    assertThat(health.isDegraded()).isFalse();
    assertThat(logs.events(LogEvents.FLEET_DEGRADED)).isEmpty();
  }

  @Test
  void aSuccessRestoresAndLogsOnce() {
    health.failed("down");
    health.succeeded();
    health.succeeded();

    assertThat(health.isDegraded()).isFalse();
    assertThat(health.admits()).isTrue();
    assertThat(logs.events(LogEvents.FLEET_RESTORED)).hasSize(1);
    health.failed("down again");
    assertThat(logs.events(LogEvents.FLEET_DEGRADED)).hasSize(2);
  }
}
