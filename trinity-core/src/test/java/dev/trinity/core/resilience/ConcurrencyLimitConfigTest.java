package dev.trinity.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trinity.core.resilience.ConcurrencyLimitConfig.Mode;
import org.junit.jupiter.api.Test;

class ConcurrencyLimitConfigTest {
  @Test
  void defaultsAreAFixedLimitOfEight() {
    ConcurrencyLimitConfig c = ConcurrencyLimitConfig.ofDefaults();

    assertThat(c.mode()).isEqualTo(Mode.FIXED);
    assertThat(c.maxConcurrency()).isEqualTo(8);
    assertThat(c.queueCapacity()).isEqualTo(1000);
    assertThat(c.latencyTolerance()).isInfinite();
  }

  @Test
  void settersNameTheFieldTheyReject() {
    ConcurrencyLimitConfig.Builder b = ConcurrencyLimitConfig.builder();

    assertThatThrownBy(() -> b.maxConcurrency(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("max_concurrency");
    assertThatThrownBy(() -> b.queueCapacity(-1)).hasMessageContaining("queue_capacity");
    assertThatThrownBy(() -> b.initialLimit(0)).hasMessageContaining("initial_limit");
    assertThatThrownBy(() -> b.minLimit(0)).hasMessageContaining("min_limit");
    assertThatThrownBy(() -> b.maxLimit(0)).hasMessageContaining("max_limit");
    assertThatThrownBy(() -> b.backoffRatio(1.0)).hasMessageContaining("backoff_ratio");
    assertThatThrownBy(() -> b.latencyTolerance(0.5)).hasMessageContaining("latency_tolerance");
    assertThatThrownBy(() -> b.latencyTolerance(Double.NaN))
        .hasMessageContaining("latency_tolerance");
  }

  @Test
  void adaptiveLimitsMustBeOrdered() {
    assertThatThrownBy(() -> ConcurrencyLimitConfig.builder().minLimit(10).maxLimit(5).build())
        .hasMessageContaining("min_limit")
        .hasMessageContaining("max_limit");
    assertThatThrownBy(
            () -> ConcurrencyLimitConfig.builder().minLimit(2).initialLimit(1).maxLimit(5).build())
        .hasMessageContaining("initial_limit");
  }

  @Test
  void toBuilderRoundTrips() {
    ConcurrencyLimitConfig c =
        ConcurrencyLimitConfig.builder()
            .mode(Mode.ADAPTIVE)
            .initialLimit(4)
            .minLimit(2)
            .maxLimit(16)
            .backoffRatio(0.5)
            .latencyTolerance(2.0)
            .build();

    assertThat(c.toBuilder().build()).isEqualTo(c).hasSameHashCodeAs(c);
    assertThat(c.toBuilder().queueCapacity(3).build()).isNotEqualTo(c);
  }
}
