package dev.trinity.core.resilience.internal;

import dev.trinity.core.resilience.CircuitBreaker.State;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Refuses every call until {@code openUntil}; the first call at or after it moves the breaker to
 * half-open. Outcomes of calls admitted by earlier states are ignored.
 */
final class OpenState extends BreakerState {
  private static final Duration SHORTEST_REPORTED_WAIT = Duration.ofMillis(1);

  private final Instant openUntil;
  private final String openedBecause;
  private final @Nullable Throwable lastFailure;

  OpenState(
      CircuitBreakerStateMachine machine,
      BreakerMetrics metrics,
      Instant openUntil,
      String openedBecause,
      @Nullable Throwable lastFailure) {
    super(machine, metrics);
    this.openUntil = openUntil;
    this.openedBecause = openedBecause;
    this.lastFailure = lastFailure;
  }

  @Override
  String openedBecause() {
    return openedBecause;
  }

  @Override
  @Nullable Throwable lastFailure() {
    return lastFailure;
  }

  @Override
  State state() {
    return State.OPEN;
  }

  @Override
  boolean tryAcquire(Instant now) {
    if (!now.isBefore(openUntil)) {
      machine.toHalfOpen(this);
    }
    return false;
  }

  @Override
  void onSuccess() {}

  @Override
  void onFailure(Throwable failure) {}

  @Override
  void onRelease() {}

  @Override
  Duration remainingOpen(Instant now) {
    Duration left = Duration.between(now, openUntil);
    return left.compareTo(SHORTEST_REPORTED_WAIT) < 0 ? SHORTEST_REPORTED_WAIT : left;
  }
}
