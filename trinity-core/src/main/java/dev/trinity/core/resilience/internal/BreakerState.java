package dev.trinity.core.resilience.internal;

import dev.trinity.core.resilience.CircuitBreaker.State;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One state of a {@link CircuitBreakerStateMachine}. Instances are immutable apart from their own
 * atomic counters, and are replaced (never mutated) on a transition; every transition a state asks
 * for names itself as the expected current state, so outcomes reported to a state that is no longer
 * current change nothing.
 */
abstract class BreakerState {
  final CircuitBreakerStateMachine machine;
  final BreakerMetrics metrics;

  BreakerState(CircuitBreakerStateMachine machine, BreakerMetrics metrics) {
    this.machine = machine;
    this.metrics = metrics;
  }

  /** Which state this is. */
  abstract State state();

  /**
   * Tries to admit one call. May ask the machine for a time-driven transition, in which case it
   * returns false and the machine asks the new state.
   */
  abstract boolean tryAcquire(Instant now);

  /** A call this state admitted succeeded. */
  abstract void onSuccess();

  /** A call this state admitted failed, and the failure counts. */
  abstract void onFailure(Throwable failure);

  /** A call this state admitted ended without a counted outcome. */
  abstract void onRelease();

  /** Time until this state admits a probe: zero unless open. */
  abstract Duration remainingOpen(Instant now);

  /** Why the breaker opened ({@code "5 consecutive failures"}); null unless open. */
  @Nullable String openedBecause() {
    return null;
  }

  /** The counted failure that opened the breaker; null unless open, or when none did. */
  @Nullable Throwable lastFailure() {
    return null;
  }
}
