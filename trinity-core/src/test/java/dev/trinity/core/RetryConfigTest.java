package dev.trinity.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trinity.core.resilience.RetryConfig;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetryConfigTest {
  @Test
  void backoffGrowsExponentiallyWithoutJitter() {
    RetryConfig c = RetryConfig.builder().jitter(0).build();

    assertThat(c.backoff(1, 0.3)).isEqualTo(Duration.ofSeconds(1));
    assertThat(c.backoff(2, 0.3)).isEqualTo(Duration.ofSeconds(2));
    assertThat(c.backoff(3, 0.3)).isEqualTo(Duration.ofSeconds(4));
    assertThat(c.backoff(10, 0.3)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void jitterSurvivesAtTheCap() {
    RetryConfig c = RetryConfig.ofDefaults();
    Set<Duration> atCap = new HashSet<>();
    for (int i = 0; i < 10; i++) {
      atCap.add(c.backoff(12, i / 10.0));
    }

    assertThat(atCap).hasSize(10);
    assertThat(atCap)
        .allSatisfy(d -> assertThat(d).isBetween(Duration.ofSeconds(24), Duration.ofSeconds(36)));
  }

  @Test
  void jitterSpreadsBothWaysAroundTheBaseDelay() {
    RetryConfig c = RetryConfig.builder().jitter(0.2).build();

    assertThat(c.backoff(1, 0.0)).isEqualTo(Duration.ofMillis(800));
    assertThat(c.backoff(1, 0.5)).isEqualTo(Duration.ofSeconds(1));
    assertThat(c.backoff(1, 0.75)).isEqualTo(Duration.ofMillis(1100));
  }

  @Test
  void settersNameTheFieldTheyReject() {
    assertThatThrownBy(() -> RetryConfig.builder().maxAttempts(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("max_attempts");
    assertThatThrownBy(() -> RetryConfig.builder().jitter(1.0)).hasMessageContaining("jitter");
    assertThatThrownBy(() -> RetryConfig.builder().multiplier(0.5))
        .hasMessageContaining("multiplier");
    assertThatThrownBy(
            () ->
                RetryConfig.builder()
                    .initialBackoff(Duration.ofSeconds(10))
                    .maxBackoff(Duration.ofSeconds(1))
                    .build())
        .hasMessageContaining("max_backoff");
  }

  @Test
  void toBuilderRoundTrips() {
    RetryConfig c = RetryConfig.builder().maxAttempts(5).jitter(0.1).build();

    assertThat(c.toBuilder().build()).isEqualTo(c);
  }
}
