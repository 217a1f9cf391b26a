package dev.trinity.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trinity.api.ConcurrencyLimitExceededException.Reason;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ResilienceExceptionsTest {
  @Test
  void anOpenCircuitNamesTheBreakerAndTheWaitAndIsRetryable() {
    CircuitOpenException e = new CircuitOpenException("ollama", Duration.ofSeconds(50));

    assertThat(e).isInstanceOf(TrinityException.class);
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.breakerName()).isEqualTo("ollama");
    assertThat(e.remainingOpen()).isEqualTo(Duration.ofSeconds(50));
    assertThat(e)
        .hasMessage("Circuit breaker 'ollama' is open; call not permitted, next probe in 50s");
  }

  @Test
  void subSecondWaitsKeepTheirMilliseconds() {
    assertThat(new CircuitOpenException("ollama", Duration.ofMillis(1250)))
        .hasMessageEndingWith("next probe in 1.250s");
  }

  @Test
  void aHalfOpenRefusalSaysTheProbesAreInFlight() {
    CircuitOpenException e = new CircuitOpenException("openai", Duration.ZERO);

    assertThat(e).hasMessageContaining("'openai' is half-open");
    assertThat(e.remainingOpen()).isZero();
  }

  @Test
  void aNegativeWaitIsRejected() {
    assertThatThrownBy(() -> new CircuitOpenException("ollama", Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("remainingOpen");
  }

  @Test
  void aConcurrencyRefusalSaysWhyAndCarriesTheLimits() {
    ConcurrencyLimitExceededException full =
        new ConcurrencyLimitExceededException(
            "ollama", Reason.QUEUE_FULL, 8, 1000, Duration.ofSeconds(30));
    ConcurrencyLimitExceededException late =
        new ConcurrencyLimitExceededException(
            "ollama", Reason.WAIT_EXCEEDED, 8, 1000, Duration.ofSeconds(30));

    assertThat(full.isRetryable()).isTrue();
    assertThat(full.limiterName()).isEqualTo("ollama");
    assertThat(full.reason()).isEqualTo(Reason.QUEUE_FULL);
    assertThat(full.maxConcurrent()).isEqualTo(8);
    assertThat(full.queueCapacity()).isEqualTo(1000);
    assertThat(full)
        .hasMessage(
            "Concurrency limiter 'ollama' refused the call: all permits are in use and the wait"
                + " queue is full (max 8 in flight, queue capacity 1000)");
    assertThat(late.maxWait()).isEqualTo(Duration.ofSeconds(30));
    assertThat(late).hasMessageContaining("no permit within its maximum wait of 30000 ms");
  }
}
