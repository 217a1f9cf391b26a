package dev.trinity.core.resilience.internal;

import dev.trinity.core.resilience.CircuitBreaker.State;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admits every call, keeps count of the calls it admitted that are still in flight, and feeds
 * outcomes to a {@link FailureTracker} that decides when to open.
 */
final class ClosedState extends BreakerState {
  private final FailureTracker tracker;
  private final AtomicInteger inFlight = new AtomicInteger();

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
    inFlight.incrementAndGet();
    return true;
  }

  /** One admitted call ended; the calls still in flight. Outcomes reported by hand may exceed. */
  private int ended() {
    return Math.max(0, inFlight.decrementAndGet());
  }

  @Override
  void onSuccess() {
    ended();
    tracker.recordSuccess();
  }

  @Override
  void onFailure(Throwable failure) {
    if (tracker.recordFailure(ended())) {
      machine.toOpen(this, tracker.describe(), failure);
    }
  }

  @Override
  void onRelease() {
    ended();
  }

  @Override
  Duration remainingOpen(Instant now) {
    return Duration.ZERO;
  }
}
