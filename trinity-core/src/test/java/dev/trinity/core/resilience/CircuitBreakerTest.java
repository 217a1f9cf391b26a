package dev.trinity.core.resilience;

import static dev.trinity.core.resilience.ProviderFailures.busy;
import static dev.trinity.core.resilience.ProviderFailures.cancelled;
import static dev.trinity.core.resilience.ProviderFailures.clientError;
import static dev.trinity.core.resilience.ProviderFailures.invalidInput;
import static dev.trinity.core.resilience.ProviderFailures.ioError;
import static dev.trinity.core.resilience.ProviderFailures.serverError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trinity.api.CircuitOpenException;
import dev.trinity.api.ProviderException;
import dev.trinity.api.ProviderException.Kind;
import dev.trinity.core.resilience.CircuitBreaker.State;
import dev.trinity.test.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CircuitBreakerTest {
  private static final Duration OPEN = CircuitBreakerConfig.DEFAULT_OPEN_DURATION;

  private final VirtualTime time = new VirtualTime();

  private CircuitBreaker breaker(CircuitBreakerConfig config) {
    return CircuitBreaker.of("ollama", config, time.clock());
  }

  private CircuitBreaker openBreaker(Door door) {
    CircuitBreaker breaker = breaker(ProviderFailures.pipelineBreaker().build());
    for (int i = 0; i < 5; i++) {
      door.fail(breaker, serverError());
    }
    assertThat(breaker.state()).isEqualTo(State.OPEN);
    return breaker;
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void staysClosedAfterFourFailuresAndOpensOnTheFifth(Door door) {
    CircuitBreaker breaker = breaker(CircuitBreakerConfig.consecutiveFailures());

    for (int i = 0; i < 4; i++) {
      assertThat(door.fail(breaker, serverError())).isInstanceOf(ProviderException.class);
    }
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
    assertThat(breaker.status().consecutiveFailures()).isEqualTo(4);

    door.fail(breaker, ioError());

    assertThat(breaker.state()).isEqualTo(State.OPEN);
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void aSuccessBetweenFailuresStartsTheCountAgain(Door door) {
    CircuitBreaker breaker = breaker(CircuitBreakerConfig.consecutiveFailures());

    for (int i = 0; i < 4; i++) {
      door.fail(breaker, serverError());
    }
    assertThat(door.succeed(breaker)).isNull();
    door.fail(breaker, serverError());

    assertThat(breaker.state()).isEqualTo(State.CLOSED);
    assertThat(breaker.status().consecutiveFailures()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void clientErrorsABusyServerInvalidInputAndCancellationsDoNotCount(Door door) {
    CircuitBreaker breaker = breaker(ProviderFailures.pipelineBreaker().build());

    for (int i = 0; i < 10; i++) {
      assertThat(door.fail(breaker, clientError())).isInstanceOf(ProviderException.class);
      door.fail(breaker, busy());
      door.fail(breaker, invalidInput());
      door.fail(breaker, cancelled());
    }

    assertThat(breaker.state()).isEqualTo(State.CLOSED);
    CircuitBreakerStatus status = breaker.status();
    assertThat(status.totalCalls()).isEqualTo(40);
    assertThat(status.totalFailures()).isZero();
    assertThat(status.totalSuccesses()).isZero();
    assertThat(status.consecutiveFailures()).isZero();
  }

  @Test
  void cancellationNeverCountsEvenWhenTheRecordPredicateSaysEverythingCounts() {
    CircuitBreakerConfig config =
        CircuitBreakerConfig.consecutiveFailures().toBuilder().failureThreshold(1).build();

    assertThat(config.countsAsFailure(cancelled())).isFalse();
    assertThat(config.countsAsFailure(new CompletionException(cancelled()))).isFalse();
    assertThat(config.countsAsFailure(serverError())).isTrue();
  }

  @Test
  void wrappedFailuresAreUnwrappedBeforeTheyAreClassified() {
    CircuitBreakerConfig config = ProviderFailures.pipelineBreaker().build();

    assertThat(
            config.countsAsFailure(new CompletionException(new ExecutionException(clientError()))))
        .isFalse();
    assertThat(config.countsAsFailure(new ExecutionException(serverError()))).isTrue();
  }

  @Test
  void theRecordPredicateChoosesWhatCounts() {
    CircuitBreaker breaker =
        breaker(
            CircuitBreakerConfig.consecutiveFailures().toBuilder()
                .failureThreshold(1)
                .recordFailurePredicate(
                    t -> t instanceof ProviderException p && p.kind() == Kind.SERVER)
                .build());

    breaker.onError(new IllegalStateException("a bug, not an outage"));
    assertThat(breaker.state()).isEqualTo(State.CLOSED);

    breaker.onError(serverError());
    assertThat(breaker.state()).isEqualTo(State.OPEN);
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void whileOpenAThousandCallsAreRejectedWithoutInvokingTheCall(Door door) {
    CircuitBreaker breaker = openBreaker(door);
    AtomicInteger invocations = new AtomicInteger();

    for (int i = 0; i < 1000; i++) {
      Throwable failure =
          door.pass(
              breaker,
              () -> {
                invocations.incrementAndGet();
                return "should not run";
              });
      assertThat(failure).isInstanceOf(CircuitOpenException.class);
    }

    assertThat(invocations).hasValue(0);
    assertThat(breaker.status().totalRejected()).isEqualTo(1000);
    assertThat(breaker.status().totalCalls()).isEqualTo(5);
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void admitsAProbeExactlyWhenTheOpenDurationHasPassed(Door door) {
    CircuitBreaker breaker = openBreaker(door);

    time.advance(OPEN.minusMillis(1));
    assertThat(door.succeed(breaker)).isInstanceOf(CircuitOpenException.class);
    assertThat(breaker.state()).isEqualTo(State.OPEN);

    time.advance(Duration.ofMillis(1));
    AtomicReference<State> stateDuringProbe = new AtomicReference<>();
    Throwable failure =
        door.pass(
            breaker,
            () -> {
              stateDuringProbe.set(breaker.state());
              return "fine";
            });

    assertThat(failure).isNull();
    assertThat(stateDuringProbe).hasValue(State.HALF_OPEN);
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void aFailedProbeReopensForAFreshOpenDuration(Door door) {
    CircuitBreaker breaker = openBreaker(door);
    time.advance(Duration.ofMinutes(5));

    door.fail(breaker, serverError());
    assertThat(breaker.state()).isEqualTo(State.OPEN);

    time.advance(OPEN.minusMillis(1));
    assertThat(door.succeed(breaker))
        .isInstanceOfSatisfying(
            CircuitOpenException.class,
            e -> assertThat(e.remainingOpen()).isEqualTo(Duration.ofMillis(1)));
    time.advance(Duration.ofMillis(1));
    assertThat(door.succeed(breaker)).isNull();
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void anIgnoredFailureInHalfOpenGivesItsProbePlaceBack(Door door) {
    CircuitBreaker breaker = openBreaker(door);
    time.advance(OPEN);

    assertThat(door.fail(breaker, clientError())).isInstanceOf(ProviderException.class);
    assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
    door.fail(breaker, cancelled());
    assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);

    AtomicInteger invocations = new AtomicInteger();
    door.pass(
        breaker,
        () -> {
          invocations.incrementAndGet();
          return "fine";
        });
    assertThat(invocations).hasValue(1);
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void closesOnlyAfterSuccessThresholdProbesSucceed(Door door) {
    CircuitBreaker breaker =
        breaker(ProviderFailures.pipelineBreaker().failureThreshold(1).successThreshold(3).build());
    door.fail(breaker, serverError());
    time.advance(OPEN);

    door.succeed(breaker);
    door.succeed(breaker);
    assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
    door.succeed(breaker);

    assertThat(breaker.state()).isEqualTo(State.CLOSED);
  }

  @Test
  void aProbeThatNeverReturnsDoesNotWedgeTheBreaker() {
    CircuitBreaker breaker = openBreaker(Door.ASYNC);
    time.advance(OPEN);
    CompletableFuture<String> hungProbe = new CompletableFuture<>();
    CompletableFuture<String> probe = breaker.callAsync(() -> hungProbe);
    assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);

    CompletableFuture<String> refused =
        breaker.callAsync(() -> CompletableFuture.completedFuture(""));
    assertThat(refused)
        .failsWithin(Duration.ZERO)
        .withThrowableOfType(ExecutionException.class)
        .havingCause()
        .isInstanceOfSatisfying(
            CircuitOpenException.class,
            e -> {
              assertThat(e.remainingOpen()).isZero();
              assertThat(e).hasMessageContaining("half-open");
            });

    time.advance(CircuitBreakerConfig.DEFAULT_MAX_WAIT_IN_HALF_OPEN);
    assertThatThrownBy(breaker::acquirePermission)
        .isInstanceOfSatisfying(
            CircuitOpenException.class, e -> assertThat(e.remainingOpen()).isEqualTo(OPEN));
    assertThat(breaker.state()).isEqualTo(State.OPEN);

    time.advance(OPEN);
    assertThat(Door.ASYNC.succeed(breaker)).isNull();
    assertThat(breaker.state()).isEqualTo(State.CLOSED);

    hungProbe.completeExceptionally(serverError());
    assertThat(probe).isCompletedExceptionally();
    assertThat(breaker.state())
        .as("a late outcome from a state the breaker has left changes nothing")
        .isEqualTo(State.CLOSED);
  }

  @Test
  void aPermissionTakenByHandAndNeverReportedDoesNotWedgeTheBreaker() {
    CircuitBreaker breaker =
        breaker(CircuitBreakerConfig.consecutiveFailures().toBuilder().failureThreshold(1).build());
    breaker.onError(serverError());
    time.advance(OPEN);

    assertThat(breaker.tryAcquirePermission()).isTrue();
    assertThat(breaker.tryAcquirePermission()).isFalse();

    time.advance(CircuitBreakerConfig.DEFAULT_MAX_WAIT_IN_HALF_OPEN);
    assertThat(breaker.tryAcquirePermission()).isFalse();
    assertThat(breaker.state()).isEqualTo(State.OPEN);
    time.advance(OPEN);
    assertThat(breaker.tryAcquirePermission()).isTrue();
    breaker.onSuccess();
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
  }

  @Test
  void cancellingAnAsyncProbeGivesItsPlaceBackAndCancelsTheCall() {
    CircuitBreaker breaker = openBreaker(Door.ASYNC);
    time.advance(OPEN);
    CompletableFuture<String> inner = new CompletableFuture<>();
    CompletableFuture<String> probe = breaker.callAsync(() -> inner);

    probe.cancel(true);

    assertThat(inner).isCancelled();
    assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
    assertThat(breaker.status().totalFailures()).isEqualTo(5);
    assertThat(Door.ASYNC.succeed(breaker)).isNull();
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
  }

  @Test
  void callAsyncNeverThrowsEvenWhenTheCallDoes() {
    CircuitBreaker breaker =
        breaker(CircuitBreakerConfig.consecutiveFailures().toBuilder().failureThreshold(2).build());

    CompletableFuture<String> threw =
        breaker.callAsync(
            () -> {
              throw serverError();
            });
    CompletableFuture<String> returnedNull = breaker.callAsync(() -> null);

    assertThat(threw).isCompletedExceptionally();
    assertThat(returnedNull).isCompletedExceptionally();
    assertThat(breaker.state()).isEqualTo(State.OPEN);
    assertThat(breaker.callAsync(() -> CompletableFuture.completedFuture("x")))
        .isCompletedExceptionally();
  }

  @Test
  void callRethrowsTheCallsOwnExceptionUnchanged() {
    CircuitBreaker breaker = breaker(CircuitBreakerConfig.consecutiveFailures());
    ProviderException failure = serverError();

    assertThatThrownBy(
            () ->
                breaker.call(
                    () -> {
                      throw failure;
                    }))
        .isSameAs(failure);
  }

  @Test
  void theOpenCircuitExceptionNamesTheBreakerAndTheRemainingWait() {
    CircuitBreaker breaker = openBreaker(Door.SYNC);
    time.advance(Duration.ofSeconds(10));

    assertThatThrownBy(breaker::acquirePermission)
        .isInstanceOfSatisfying(
            CircuitOpenException.class,
            e -> {
              assertThat(e.breakerName()).isEqualTo("ollama");
              assertThat(e.remainingOpen()).isEqualTo(Duration.ofSeconds(50));
              assertThat(e.isRetryable()).isTrue();
              assertThat(e).hasMessageContaining("'ollama'").hasMessageContaining("50s");
            });
    assertThat(breaker.callAsync(() -> CompletableFuture.completedFuture("x")))
        .failsWithin(Duration.ZERO)
        .withThrowableOfType(ExecutionException.class)
        .havingCause()
        .isInstanceOf(CircuitOpenException.class)
        .withMessageContaining("50s");
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void listenersSeeClosedOpenHalfOpenClosed(Door door) {
    CircuitBreaker breaker =
        breaker(CircuitBreakerConfig.consecutiveFailures().toBuilder().failureThreshold(2).build());
    List<String> changes = new ArrayList<>();
    breaker.addListener((name, from, to) -> changes.add(name + ": " + from + " -> " + to));

    door.fail(breaker, serverError());
    door.fail(breaker, serverError());
    time.advance(OPEN);
    door.succeed(breaker);

    assertThat(changes)
        .containsExactly(
            "ollama: CLOSED -> OPEN", "ollama: OPEN -> HALF_OPEN", "ollama: HALF_OPEN -> CLOSED");
    assertThat(breaker.status().stateChanges()).isEqualTo(3);
  }

  @Test
  void aListenerThatThrowsDoesNotStopTheTransitionOrOtherListeners() {
    CircuitBreaker breaker =
        breaker(CircuitBreakerConfig.consecutiveFailures().toBuilder().failureThreshold(1).build());
    List<State> seen = new ArrayList<>();
    breaker.addListener(
        (name, from, to) -> {
          throw new IllegalStateException("listener bug");
        });
    breaker.addListener((name, from, to) -> seen.add(to));

    breaker.onError(serverError());

    assertThat(breaker.state()).isEqualTo(State.OPEN);
    assertThat(seen).containsExactly(State.OPEN);
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void statusCountsCallsOutcomesRejectionsAndTimes(Door door) {
    CircuitBreaker breaker =
        breaker(ProviderFailures.pipelineBreaker().failureThreshold(2).build());
    Instant start = time.now();

    door.succeed(breaker);
    time.advance(Duration.ofSeconds(1));
    door.fail(breaker, clientError());
    door.fail(breaker, serverError());
    time.advance(Duration.ofSeconds(1));
    door.fail(breaker, serverError());
    door.succeed(breaker);
    door.succeed(breaker);

    assertThat(breaker.status())
        .isEqualTo(
            new CircuitBreakerStatus(
                "ollama",
                State.OPEN,
                2,
                4,
                2,
                1,
                2,
                2 * 100.0 / 3,
                1,
                start.plusSeconds(2),
                start));
  }

  @Test
  void resetClosesTheBreakerAndRestartsTheFailureCountButKeepsTotals() {
    CircuitBreaker breaker = openBreaker(Door.SYNC);
    List<State> seen = new ArrayList<>();
    breaker.addListener((name, from, to) -> seen.add(to));

    breaker.reset();

    assertThat(breaker.state()).isEqualTo(State.CLOSED);
    assertThat(seen).containsExactly(State.CLOSED);
    CircuitBreakerStatus status = breaker.status();
    assertThat(status.state()).isEqualTo(State.CLOSED);
    assertThat(status.consecutiveFailures()).isZero();
    assertThat(status.totalFailures()).isEqualTo(5);
    assertThat(status.totalCalls()).isEqualTo(5);
    assertThat(Door.SYNC.succeed(breaker)).isNull();
  }

  @Test
  void operatorsCanForceTheBreakerOpenAndClosed() {
    CircuitBreaker breaker = breaker(CircuitBreakerConfig.consecutiveFailures());
    List<String> changes = new ArrayList<>();
    breaker.addListener((name, from, to) -> changes.add(from + " -> " + to));

    breaker.transitionToOpen();
    assertThat(breaker.tryAcquirePermission()).isFalse();
    breaker.transitionToClosed();
    assertThat(breaker.tryAcquirePermission()).isTrue();
    breaker.onSuccess();
    breaker.transitionToClosed();

    assertThat(changes).containsExactly("CLOSED -> OPEN", "OPEN -> CLOSED");
  }

  @Test
  void handReportedOutcomesFollowTheSameRules() {
    CircuitBreaker breaker =
        breaker(ProviderFailures.pipelineBreaker().failureThreshold(2).build());

    breaker.acquirePermission();
    breaker.onError(new CompletionException(clientError()));
    breaker.acquirePermission();
    breaker.releasePermission();
    assertThat(breaker.state()).isEqualTo(State.CLOSED);

    breaker.acquirePermission();
    breaker.onError(serverError());
    breaker.acquirePermission();
    breaker.onError(new CompletionException(ioError()));
    assertThat(breaker.state()).isEqualTo(State.OPEN);
    assertThat(breaker.tryAcquirePermission()).isFalse();
  }
}
