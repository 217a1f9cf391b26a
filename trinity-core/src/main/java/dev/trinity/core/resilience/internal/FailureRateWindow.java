package dev.trinity.core.resilience.internal;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Resilience4j's count-based sliding window, without a lock: the outcomes of the last {@code size}
 * counted calls in a ring of slots, and the number of calls and failures in the ring kept in one
 * atomic long (calls in the high 32 bits, failures in the low 32), so that each update yields a
 * consistent pair. After every outcome, as in Resilience4j, it opens when at least {@code
 * minimumCalls} are recorded and failures make up at least {@code thresholdPercent} of them.
 */
final class FailureRateWindow implements FailureTracker {
  private static final int EMPTY = 0;
  private static final int SUCCESS = 1;
  private static final int FAILURE = 2;

  private final int size;
  private final int minimumCalls;
  private final double thresholdPercent;
  private final AtomicIntegerArray slots;
  private final AtomicLong next = new AtomicLong();
  private final AtomicLong counts = new AtomicLong();

  FailureRateWindow(int size, int minimumCalls, double thresholdPercent) {
    this.size = size;
    this.minimumCalls = minimumCalls;
    this.thresholdPercent = thresholdPercent;
    this.slots = new AtomicIntegerArray(size);
  }

  @Override
  public boolean recordSuccess() {
    return thresholdReached(record(SUCCESS));
  }

  @Override
  public boolean recordFailure() {
    return thresholdReached(record(FAILURE));
  }

  private boolean thresholdReached(long packed) {
    int failures = (int) packed;
    long calls = (packed - failures) >> 32;
    return calls >= minimumCalls && failures * 100.0 >= thresholdPercent * calls;
  }

  private long record(int outcome) {
    int slot = (int) (next.getAndIncrement() % size);
    int previous = slots.getAndSet(slot, outcome);
    long callsDelta = (previous == EMPTY ? 1 : 0);
    long failuresDelta = (outcome == FAILURE ? 1 : 0) - (previous == FAILURE ? 1 : 0);
    return counts.addAndGet((callsDelta << 32) + failuresDelta);
  }
}
