package dev.trinity.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trinity.core.resilience.CircuitBreakerConfig.Mode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerConfigTest {
  @Test
  void defaultsMatchTheDocumentedConfiguration() {
    CircuitBreakerConfig c = CircuitBreakerConfig.ofDefaults();

    assertThat(c.mode()).isEqualTo(Mode.FAILURE_RATE);
    assertThat(c.failureThreshold()).isEqualTo(5);
    assertThat(c.openDuration()).isEqualTo(Duration.ofSeconds(60));
    assertThat(c.halfOpenMaxCalls()).isEqualTo(1);
    assertThat(c.successThreshold()).isEqualTo(1);
    assertThat(c.maxWaitInHalfOpen()).isEqualTo(Duration.ofSeconds(60));
    assertThat(c.slidingWindowSize()).isEqualTo(50);
    assertThat(c.minimumNumberOfCalls()).isEqualTo(10);
    assertThat(c.failureRateThreshold()).isEqualTo(50.0);
  }

  @Test
  void theConsecutiveFailuresPresetIsTheOriginalFiveFailuresSixtySeconds() {
    CircuitBreakerConfig c = CircuitBreakerConfig.consecutiveFailures();

    assertThat(c.mode()).isEqualTo(Mode.CONSECUTIVE_FAILURES);
    assertThat(c.failureThreshold()).isEqualTo(5);
    assertThat(c.openDuration()).isEqualTo(Duration.ofSeconds(60));
    assertThat(c.toBuilder().mode(Mode.FAILURE_RATE).build().openDuration())
        .isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void settersNameTheFieldTheyReject() {
    CircuitBreakerConfig.Builder b = CircuitBreakerConfig.builder();

    assertThatThrownBy(() -> b.failureThreshold(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("failure_threshold");
    assertThatThrownBy(() -> b.openDuration(Duration.ZERO)).hasMessageContaining("open_duration");
    assertThatThrownBy(() -> b.halfOpenMaxCalls(0)).hasMessageContaining("half_open_max_calls");
    assertThatThrownBy(() -> b.successThreshold(0)).hasMessageContaining("success_threshold");
    assertThatThrownBy(() -> b.maxWaitInHalfOpen(Duration.ofSeconds(-1)))
        .hasMessageContaining("max_wait_in_half_open");
    assertThatThrownBy(() -> b.slidingWindowSize(0)).hasMessageContaining("sliding_window_size");
    assertThatThrownBy(() -> b.minimumNumberOfCalls(0))
        .hasMessageContaining("minimum_number_of_calls");
    assertThatThrownBy(() -> b.failureRateThreshold(0))
        .hasMessageContaining("failure_rate_threshold");
    assertThatThrownBy(() -> b.failureRateThreshold(100.5))
        .hasMessageContaining("failure_rate_threshold");
  }

  @Test
  void theMinimumNumberOfCallsMustFitInTheWindow() {
    assertThatThrownBy(
            () ->
                CircuitBreakerConfig.builder().slidingWindowSize(5).minimumNumberOfCalls(6).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minimum_number_of_calls")
        .hasMessageContaining("sliding_window_size");
  }

  @Test
  void toBuilderRoundTrips() {
    CircuitBreakerConfig c =
        CircuitBreakerConfig.builder()
            .mode(Mode.FAILURE_RATE)
            .slidingWindowSize(10)
            .minimumNumberOfCalls(5)
            .failureRateThreshold(25)
            .openDuration(Duration.ofSeconds(5))
            .ignoreExceptionPredicate(
                ProviderFailures.pipelineBreaker().build().ignoreExceptionPredicate())
            .build();

    assertThat(c.toBuilder().build()).isEqualTo(c).hasSameHashCodeAs(c);
    assertThat(c.toBuilder().failureThreshold(9).build()).isNotEqualTo(c);
  }
}
