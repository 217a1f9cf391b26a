package dev.trinity.core.resilience;

import static dev.trinity.core.resilience.ProviderFailures.serverError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.CircuitOpenException;
import dev.trinity.core.resilience.CircuitBreaker.State;
import dev.trinity.test.VirtualTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The failure-rate breaker judges fast failures against the calls still running. */
class CircuitBreakerInFlightTest {
  private final VirtualTime time = new VirtualTime();

  private CircuitBreaker breaker(CircuitBreakerConfig config) {
    return CircuitBreaker.of("ollama", config, time.clock());
  }

  /** Window 10, judged from 5 outcomes on, opening at 50 %. */
  private final CircuitBreaker rate =
      breaker(
          CircuitBreakerConfig.builder()
              .slidingWindowSize(10)
              .minimumNumberOfCalls(5)
              .failureRateThreshold(50)
              .build());

  private static void fail(CircuitBreaker b) {
    b.callAsync(() -> CompletableFuture.failedFuture(serverError()));
  }

  @Test
  void fiveFastFailuresDoNotOpenItWhileSixSlowCallsThatStartedWithThemAreStillRunning() {
    List<CompletableFuture<String>> slow = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      CompletableFuture<String> call = new CompletableFuture<>();
      slow.add(call);
      rate.callAsync(() -> call);
    }
    for (int i = 0; i < 5; i++) {
      fail(rate);
    }
    assertThat(rate.state())
        .as("5 failures of 5 outcomes + 6 running: 45 %")
        .isEqualTo(State.CLOSED);

    slow.get(0).completeExceptionally(serverError());

    assertThat(rate.state()).as("6 failures of 6 outcomes + 5 running: 55 %").isEqualTo(State.OPEN);
  }

  @Test
  void withNothingInFlightFiveFailuresOpenIt() {
    for (int i = 0; i < 5; i++) {
      fail(rate);
    }

    assertThat(rate.state()).isEqualTo(State.OPEN);
    CircuitOpenException refused =
        (CircuitOpenException)
            rate.callAsync(() -> CompletableFuture.completedFuture("x")).handle((v, e) -> e).join();
    assertThat(refused.openedBecause()).contains("5 failures in 5 calls");
  }

  @Test
  void theConsecutiveFailuresPresetSaysSoWhenItOpens() {
    CircuitBreaker b = breaker(CircuitBreakerConfig.consecutiveFailures());
    for (int i = 0; i < 5; i++) {
      fail(b);
    }

    Throwable t =
        b.callAsync(() -> CompletableFuture.completedFuture("x")).handle((v, e) -> e).join();
    assertThat(t)
        .hasMessage(
            "Circuit breaker 'ollama' is open after 5 consecutive failures; last: "
                + serverError().getMessage()
                + "; call not permitted, next probe in 60s");
  }

  @Test
  void aFailureWrappedByADependentStageReachesTheCallerAndTheMessageUnwrapped() {
    CircuitBreaker b =
        breaker(CircuitBreakerConfig.consecutiveFailures().toBuilder().failureThreshold(1).build());
    IllegalStateException boom = new IllegalStateException("boom");

    CompletableFuture<Integer> result =
        b.callAsync(
            () ->
                CompletableFuture.completedFuture(1)
                    .thenApply(
                        v -> {
                          throw boom;
                        }));

    assertThat(result.handle((v, e) -> e).join()).isSameAs(boom);
    Throwable refused =
        b.callAsync(() -> CompletableFuture.completedFuture(2)).handle((v, e) -> e).join();
    assertThat(refused).hasCause(boom);
    assertThat(refused.getMessage()).contains("; last: boom;");
    assertThat(refused).isNotInstanceOf(CompletionException.class);
  }

  @Test
  void aHalfOpenPermitReleasedByHandCanBeTakenAgain() {
    CircuitBreaker b =
        breaker(CircuitBreakerConfig.consecutiveFailures().toBuilder().failureThreshold(1).build());
    fail(b);
    time.advance(b.config().openDuration());

    assertThat(b.tryAcquirePermission()).isTrue();
    assertThat(b.tryAcquirePermission()).as("one probe at a time").isFalse();
    b.releasePermission();

    assertThat(b.tryAcquirePermission()).isTrue();
    assertThat(b.state()).isEqualTo(State.HALF_OPEN);
  }

  @Test
  void resetStartsTheFailureCountAgain() {
    CircuitBreaker b = breaker(CircuitBreakerConfig.consecutiveFailures());
    fail(b);
    fail(b);
    assertThat(b.status().consecutiveFailures()).isEqualTo(2);
    b.reset();
    assertThat(b.status().consecutiveFailures()).isZero();
    assertThat(b.status().stateChanges()).as("closed to closed is no change").isZero();

    for (int i = 0; i < 5; i++) {
      fail(b);
    }
    assertThat(b.state()).isEqualTo(State.OPEN);
    assertThat(b.status().stateChanges()).isEqualTo(1);

    b.reset();

    assertThat(b.state()).isEqualTo(State.CLOSED);
    assertThat(b.status().stateChanges()).as("reset counts as a change").isEqualTo(2);
    assertThat(b.status().consecutiveFailures()).isZero();
    assertThat(b.status().totalFailures()).isEqualTo(7);
  }

  @Test
  void removeListenerSaysWhetherTheListenerWasThere() {
    CircuitBreaker b = breaker(CircuitBreakerConfig.ofDefaults());
    CircuitBreaker.StateListener l = (name, from, to) -> {};
    CircuitBreakerRegistry registry =
        CircuitBreakerRegistry.of(CircuitBreakerConfig.ofDefaults(), time.clock());
    b.addListener(l);
    registry.addListener(l);

    assertThat(b.removeListener(l)).isTrue();
    assertThat(b.removeListener(l)).isFalse();
    assertThat(registry.removeListener(l)).isTrue();
    assertThat(registry.removeListener(l)).isFalse();
    assertThat(b.name()).isEqualTo("ollama");
    assertThat(b.toString()).isEqualTo("CircuitBreaker[ollama, CLOSED]");
  }
}
