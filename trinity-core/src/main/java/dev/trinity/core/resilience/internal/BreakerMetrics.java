package dev.trinity.core.resilience.internal;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/** A breaker's statistics since its creation or last reset. Thread-safe, lock-free. */
final class BreakerMetrics {
  final LongAdder calls = new LongAdder();
  final LongAdder failures = new LongAdder();
  final LongAdder successes = new LongAdder();
  final LongAdder rejected = new LongAdder();
  final LongAdder stateChanges = new LongAdder();
  final AtomicInteger consecutiveFailures = new AtomicInteger();
  volatile @Nullable Instant lastFailureTime;
  volatile @Nullable Instant lastSuccessTime;

  void onPermitted() {
    calls.increment();
  }

  void onRejected() {
    rejected.increment();
  }

  void onSuccess(Instant now) {
    successes.increment();
    consecutiveFailures.set(0);
    lastSuccessTime = now;
  }

  void onFailure(Instant now) {
    failures.increment();
    consecutiveFailures.incrementAndGet();
    lastFailureTime = now;
  }
}
