package dev.trinity.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Every documented range of the resilience configurations, at and just past its ends. */
class ConfigBoundariesTest {

  @Test
  void circuitBreakerRangesIncludeTheirEnds() {
    CircuitBreakerConfig c =
        CircuitBreakerConfig.builder()
            .slidingWindowSize(CircuitBreakerConfig.MAX_SLIDING_WINDOW_SIZE)
            .failureRateThreshold(100.0)
            .build();
    assertThat(c.slidingWindowSize()).isEqualTo(10_000);
    assertThat(c.failureRateThreshold()).isEqualTo(100.0);
    assertThat(
            CircuitBreakerConfig.builder()
                .slidingWindowSize(1)
                .minimumNumberOfCalls(1)
                .build()
                .slidingWindowSize())
        .isEqualTo(1);

    assertThatThrownBy(() -> CircuitBreakerConfig.builder().slidingWindowSize(10_001))
        .hasMessage("sliding_window_size must be in [1, 10000], was 10001");
    assertThatThrownBy(() -> CircuitBreakerConfig.builder().failureRateThreshold(100.5))
        .hasMessage("failure_rate_threshold must be in (0, 100], was 100.5");
    assertThatThrownBy(() -> CircuitBreakerConfig.builder().failureRateThreshold(0.0))
        .hasMessage("failure_rate_threshold must be in (0, 100], was 0.0");
  }

  @Test
  void circuitBreakerConfigsDifferingInOneSettingAreNotEqual() {
    CircuitBreakerConfig a = CircuitBreakerConfig.ofDefaults();
    CircuitBreakerConfig b = a.toBuilder().minimumNumberOfCalls(11).build();

    assertThat(a).isEqualTo(a.toBuilder().build()).hasSameHashCodeAs(a.toBuilder().build());
    assertThat(a).isNotEqualTo(b);
    assertThat(a.hashCode()).isNotEqualTo(b.hashCode());
    assertThat(a.toString()).contains("mode=FAILURE_RATE", "slidingWindowSize=50");
  }

  @Test
  void retryRangesIncludeTheirEnds() {
    RetryConfig c =
        RetryConfig.builder()
            .maxAttempts(20)
            .multiplier(10.0)
            .initialBackoff(Duration.ofSeconds(2))
            .maxBackoff(Duration.ofSeconds(2))
            .build();
    assertThat(c.maxAttempts()).isEqualTo(20);
    assertThat(c.multiplier()).isEqualTo(10.0);
    assertThat(RetryConfig.builder().multiplier(1.0).build().multiplier()).isEqualTo(1.0);
    assertThat(RetryConfig.builder().jitter(0.3).build().jitter()).isEqualTo(0.3);

    assertThatThrownBy(() -> RetryConfig.builder().maxAttempts(21))
        .hasMessage("max_attempts must be in [1, 20], was 21");
    assertThatThrownBy(() -> RetryConfig.builder().multiplier(10.5))
        .hasMessage("multiplier must be in [1, 10], was 10.5");
    assertThatThrownBy(() -> RetryConfig.builder().multiplier(0.5))
        .hasMessage("multiplier must be in [1, 10], was 0.5");
    assertThatThrownBy(
            () ->
                RetryConfig.builder()
                    .initialBackoff(Duration.ofSeconds(2))
                    .maxBackoff(Duration.ofMillis(1999))
                    .build())
        .hasMessageStartingWith("max_backoff (PT1.999S) must not be below initial_backoff");
  }

  @Test
  void theFirstBackoffIsTheInitialOneAndAttemptZeroIsRejected() {
    RetryConfig c = RetryConfig.builder().jitter(0.0).build();

    assertThat(c.backoff(1, 0.0)).isEqualTo(Duration.ofSeconds(1));
    assertThatThrownBy(() -> c.backoff(0, 0.0)).hasMessage("failedAttempt must be >= 1, was 0");
  }

  @Test
  void retryConfigsDifferingInOneSettingAreNotEqual() {
    RetryConfig a = RetryConfig.ofDefaults();
    RetryConfig b = a.toBuilder().jitter(0.1).build();

    assertThat(a).isEqualTo(a.toBuilder().build()).hasSameHashCodeAs(a.toBuilder().build());
    assertThat(a).isNotEqualTo(b);
    assertThat(a.hashCode()).isNotEqualTo(b.hashCode());
    assertThat(a.toString()).contains("maxAttempts=3");
  }

  @Test
  void concurrencyLimitRangesIncludeTheirEnds() {
    ConcurrencyLimitConfig c =
        ConcurrencyLimitConfig.builder()
            .backoffRatio(0.1)
            .latencyTolerance(1.0)
            .minLimit(4)
            .initialLimit(4)
            .maxLimit(4)
            .build();
    assertThat(c.backoffRatio()).isEqualTo(0.1);
    assertThat(c.latencyTolerance()).isEqualTo(1.0);
    assertThat(c.initialLimit()).isEqualTo(4);

    assertThatThrownBy(() -> ConcurrencyLimitConfig.builder().backoffRatio(1.0))
        .hasMessage("backoff_ratio must be in [0.1, 1), was 1.0");
    assertThatThrownBy(() -> ConcurrencyLimitConfig.builder().latencyTolerance(0.99))
        .hasMessage("latency_tolerance must be >= 1, was 0.99");
    assertThatThrownBy(
            () -> ConcurrencyLimitConfig.builder().minLimit(5).initialLimit(5).maxLimit(4).build())
        .hasMessageStartingWith("min_limit (5) must not exceed max_limit (4)");
    assertThatThrownBy(
            () -> ConcurrencyLimitConfig.builder().minLimit(2).maxLimit(8).initialLimit(9).build())
        .hasMessageStartingWith("initial_limit (9) must be in [min_limit, max_limit]");
  }

  @Test
  void concurrencyLimitConfigsDifferingInOneSettingAreNotEqual() {
    ConcurrencyLimitConfig a = ConcurrencyLimitConfig.ofDefaults();
    ConcurrencyLimitConfig b = a.toBuilder().queueCapacity(7).build();

    assertThat(a).isNotEqualTo(b);
    assertThat(a.hashCode()).isNotEqualTo(b.hashCode());
    assertThat(a.toString()).contains("queueCapacity=");
    assertThat(ConcurrencyLimitConfig.DEFAULT_DROP_PREDICATE.test(new TimeoutException())).isTrue();
    assertThat(ConcurrencyLimitConfig.DEFAULT_DROP_PREDICATE.test(new IllegalStateException()))
        .isFalse();
  }
}
