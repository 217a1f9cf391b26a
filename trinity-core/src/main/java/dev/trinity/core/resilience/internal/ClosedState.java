package dev.trinity.core.resilience.internal;

import dev.trinity.core.resilience.CircuitBreaker.State;
import java.time.Duration;
import java.time.Instant;

/** Admits every call and feeds outcomes to a {@link FailureTracker} that decides when to open. */
final class ClosedState extends BreakerState {
  private final FailureTracker tracker;

  ClosedState(CircuitBreakerStateMachine machine, BreakerMetrics metrics, FailureTracker tracker) {
    super(machine, metrics);
    this.tracker = tracker;
  }

  @Override
  State state() {
    return State.CLOSED;
  }

  @Override
  boolean tryAcquire(Instant now) {
    return true;
  }

  @Override
  void onSuccess() {
    if (tracker.recordSuccess()) {
      machine.toOpen(this);
    }
  }

  @Override
  void onFailure() {
    if (tracker.recordFailure()) {
      machine.toOpen(this);
    }
  }

  @Override
  void onRelease() {}

  @Override
  Duration remainingOpen(Instant now) {
    return Duration.ZERO;
  }
}
