package dev.trinity.core.resilience.internal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens after {@code threshold} failures in a row, in the order they are reported; a success starts
 * the count again. Calls in flight play no part.
 */
final class ConsecutiveFailures implements FailureTracker {
  private final int threshold;
  private final AtomicInteger failures = new AtomicInteger();

  ConsecutiveFailures(int threshold) {
    this.threshold = threshold;
  }

  @Override
  public void recordSuccess() {
    failures.set(0);
  }

  @Override
  public boolean recordFailure(int othersInFlight) {
    return failures.incrementAndGet() >= threshold;
  }

  @Override
  public String describe() {
    return threshold + " consecutive failures";
  }
}
