package dev.trinity.core.resilience.internal;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Resilience4j's count-based sliding window, without a lock, and judged against the calls still in
 * flight: the outcomes of the last {@code size} counted calls in a ring of slots, and the number of
 * calls and failures in the ring kept in one atomic long (calls in the high 32 bits, failures in
 * the low 32), so that each update yields a consistent pair.
 *
 * <p>After every outcome it opens when at least {@code minimumCalls} outcomes are recorded and
 * failures make up at least {@code thresholdPercent} of the recorded outcomes plus the calls still
 * in flight (at most {@code size} of them). A call in flight has not failed: counting it keeps
 * failures that end in microseconds (a reset connection) from outvoting the slower calls that
 * started with them and are still running, which arrival order alone would let them do. When the
 * service is down every call fails fast, nothing stays in flight, and the rule is Resilience4j's.
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
  private volatile long lastOpening;

  FailureRateWindow(int size, int minimumCalls, double thresholdPercent) {
    this.size = size;
    this.minimumCalls = minimumCalls;
    this.thresholdPercent = thresholdPercent;
    this.slots = new AtomicIntegerArray(size);
  }

  @Override
  public void recordSuccess() {
    record(SUCCESS); // an answer says the service is up: never the moment to open
  }

  @Override
  public boolean recordFailure(int othersInFlight) {
    return thresholdReached(record(FAILURE), othersInFlight);
  }

  @Override
  public String describe() {
    long packed = lastOpening;
    int failures = (int) packed;
    long calls = (packed - failures) >> 32;
    return failures + " failures in " + calls + " calls";
  }

  private boolean thresholdReached(long packed, int othersInFlight) {
    int failures = (int) packed;
    long calls = (packed - failures) >> 32;
    long judged = calls + Math.min(Math.max(othersInFlight, 0), size);
    if (calls >= minimumCalls && failures * 100.0 >= thresholdPercent * judged) {
      lastOpening = packed;
      return true;
    }
    return false;
  }

  private long record(int outcome) {
    int slot = (int) (next.getAndIncrement() % size);
    int previous = slots.getAndSet(slot, outcome);
    long callsDelta = (previous == EMPTY ? 1 : 0);
    long failuresDelta = (outcome == FAILURE ? 1 : 0) - (previous == FAILURE ? 1 : 0);
    return counts.addAndGet((callsDelta << 32) + failuresDelta);
  }
}
