package dev.trinity.cache;

import java.time.Duration;
import java.util.Objects;

/**
 * A snapshot of one tier's counters since it was built. Immutable and thread-safe; counters are
 * read one by one, so a snapshot taken under load may be off by the calls in flight.
 *
 * @param tier the tier's {@linkplain CacheTier#name() name}
 * @param hits gets that found a live entry
 * @param misses gets that found nothing, an expired entry or an entry that could not be decoded
 * @param puts values stored (or, for a promotion, copied in)
 * @param evictions entries removed to respect a size bound or because they expired
 * @param errors operations that failed (I/O error, Redis timeout, a tier's exception); each one was
 *     answered as a miss or a dropped write
 * @param skipped operations answered at once, without touching the backend, because the tier was
 *     not {@linkplain TierHealth.Status#UP up}
 * @param averageLatency mean time of the operations that reached the backend
 * @param p99Latency an upper bound of the 99th percentile of that time (power-of-two buckets, so at
 *     most twice the true value)
 */
public record TierStats(
    String tier,
    long hits,
    long misses,
    long puts,
    long evictions,
    long errors,
    long skipped,
    Duration averageLatency,
    Duration p99Latency) {

  /** Checks the arguments. */
  public TierStats {
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(averageLatency, "averageLatency");
    Objects.requireNonNull(p99Latency, "p99Latency");
  }

  /**
   * A snapshot with every counter at zero.
   *
   * @param tier the tier's name
   * @return the empty snapshot
   */
  public static TierStats empty(String tier) {
    return new TierStats(tier, 0, 0, 0, 0, 0, 0, Duration.ZERO, Duration.ZERO);
  }

  /**
   * Gets answered, hit or miss.
   *
   * @return {@code hits + misses}
   */
  public long requests() {
    return hits + misses;
  }

  /**
   * The share of gets that hit.
   *
   * @return a ratio in [0, 1]; 0 when there was no get
   */
  public double hitRatio() {
    long requests = requests();
    return requests == 0 ? 0.0 : (double) hits / requests;
  }

  /**
   * This snapshot with more errors counted, for failures seen by the caller of the tier.
   *
   * @param more errors to add; zero or positive
   * @return the snapshot with {@code errors + more}
   */
  public TierStats plusErrors(long more) {
    return more == 0
        ? this
        : new TierStats(
            tier,
            hits,
            misses,
            puts,
            evictions,
            errors + more,
            skipped,
            averageLatency,
            p99Latency);
  }
}
