package dev.trinity.core.resilience.internal;

import java.util.concurrent.atomic.AtomicInteger;

/** Opens after {@code threshold} failures in a row; a success starts the count again. */
final class ConsecutiveFailures implements FailureTracker {
  private final int threshold;
  private final AtomicInteger failures = new AtomicInteger();

  ConsecutiveFailures(int threshold) {
    this.threshold = threshold;
  }

  @Override
  public boolean recordSuccess() {
    failures.set(0);
    return false;
  }

  @Override
  public boolean recordFailure() {
    return failures.incrementAndGet() >= threshold;
  }
}
