package dev.trinity.core.resilience.internal;

import dev.trinity.core.resilience.CircuitBreaker.State;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admits at most {@code maxCalls} probes at a time, taken from an atomic counter. Enough successes
 * close the breaker; a counted failure re-opens it; a probe without a counted outcome gives its
 * place back, as does each success short of the threshold. A call arriving at or after {@code
 * deadline} re-opens the breaker, so a probe that never returns cannot keep it half-open.
 */
final class HalfOpenState extends BreakerState {
  private final int maxCalls;
  private final int successThreshold;
  private final Instant deadline;
  private final AtomicInteger freePermits;
  private final AtomicInteger successes = new AtomicInteger();

  HalfOpenState(
      CircuitBreakerStateMachine machine,
      BreakerMetrics metrics,
      int maxCalls,
      int successThreshold,
      Instant deadline) {
    super(machine, metrics);
    this.maxCalls = maxCalls;
    this.successThreshold = successThreshold;
    this.deadline = deadline;
    this.freePermits = new AtomicInteger(maxCalls);
  }

  @Override
  State state() {
    return State.HALF_OPEN;
  }

  @Override
  boolean tryAcquire(Instant now) {
    if (!now.isBefore(deadline)) {
      machine.toOpen(this, "a probe that did not end in time", null);
      return false;
    }
    while (true) {
      int free = freePermits.get();
      if (free <= 0) {
        return false;
      }
      if (freePermits.compareAndSet(free, free - 1)) {
        return true;
      }
    }
  }

  @Override
  void onSuccess() {
    if (successes.incrementAndGet() >= successThreshold) {
      machine.toClosed(this);
    } else {
      onRelease();
    }
  }

  @Override
  void onFailure(Throwable failure) {
    machine.toOpen(this, "a failed probe", failure);
  }

  @Override
  void onRelease() {
    // capped, so a release reported by hand for a call this state never admitted cannot add places
    freePermits.updateAndGet(free -> Math.min(free + 1, maxCalls));
  }

  @Override
  Duration remainingOpen(Instant now) {
    return Duration.ZERO;
  }
}
