package dev.trinity.cache.internal;

import dev.trinity.cache.TierStats;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * Thread-safe counters behind {@link TierStats}. Latency goes into 64 power-of-two buckets of
 * nanoseconds, so recording costs two adds and the 99th percentile is read as a bucket's upper
 * bound.
 */
public final class StatsRecorder {
  private static final int BUCKETS = 64;

  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder puts = new LongAdder();
  private final LongAdder evictions = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final LongAdder skipped = new LongAdder();
  private final LongAdder latencyTotalNanos = new LongAdder();
  private final LongAdder[] latencyBuckets = new LongAdder[BUCKETS];

  /** Counters at zero. */
  public StatsRecorder() {
    for (int i = 0; i < BUCKETS; i++) {
      latencyBuckets[i] = new LongAdder();
    }
  }

  /** Counts a hit. */
  public void hit() {
    hits.increment();
  }

  /** Counts a miss. */
  public void miss() {
    misses.increment();
  }

  /** Counts a stored value. */
  public void put() {
    puts.increment();
  }

  /**
   * Counts evicted entries.
   *
   * @param n how many
   */
  public void evicted(long n) {
    evictions.add(n);
  }

  /** Counts a failed operation. */
  public void error() {
    errors.increment();
  }

  /** Counts an operation answered without touching the backend. */
  public void skipped() {
    skipped.increment();
  }

  /**
   * Records the time of one operation that reached the backend.
   *
   * @param startNanos {@link System#nanoTime()} when the operation started
   */
  public void latencySince(long startNanos) {
    long nanos = Math.max(0L, System.nanoTime() - startNanos);
    latencyTotalNanos.add(nanos);
    latencyBuckets[bucket(nanos)].increment();
  }

  /**
   * The errors counted so far.
   *
   * @return the count
   */
  public long errors() {
    return errors.sum();
  }

  /**
   * A snapshot of the counters.
   *
   * @param tier the tier's name
   * @return the snapshot
   */
  public TierStats snapshot(String tier) {
    long[] counts = new long[BUCKETS];
    long total = 0;
    for (int i = 0; i < BUCKETS; i++) {
      counts[i] = latencyBuckets[i].sum();
      total += counts[i];
    }
    Duration average =
        total == 0 ? Duration.ZERO : Duration.ofNanos(latencyTotalNanos.sum() / total);
    return new TierStats(
        tier,
        hits.sum(),
        misses.sum(),
        puts.sum(),
        evictions.sum(),
        errors.sum(),
        skipped.sum(),
        average,
        percentile(counts, total, 0.99));
  }

  private static int bucket(long nanos) {
    // bucket i holds [2^(i-1), 2^i) nanoseconds; bucket 0 holds 0
    return BUCKETS - Long.numberOfLeadingZeros(nanos);
  }

  private static Duration percentile(long[] counts, long total, double p) {
    if (total == 0) {
      return Duration.ZERO;
    }
    long rank = (long) Math.ceil(p * total);
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return Duration.ofNanos(i == 0 ? 0 : (i >= 63 ? Long.MAX_VALUE : 1L << i));
      }
    }
    return Duration.ofNanos(Long.MAX_VALUE);
  }
}
