package dev.trinity.core.resilience.internal;

import dev.trinity.core.resilience.ConcurrencyLimitConfig;
import dev.trinity.core.resilience.ConcurrencyLimiter.Outcome;

/**
 * Decides a {@link DefaultConcurrencyLimiter}'s limit from the outcomes of its calls. Not
 * thread-safe: the limiter calls it under its lock.
 */
interface LimitAlgorithm {

  /** The limit now, at least 1. */
  int limit();

  /** Counts the limit's decreases; a permit remembers the value it was granted under. */
  long generation();

  /**
   * Learns from a released permit.
   *
   * @param outcome how the call went
   * @param startGeneration {@link #generation()} when the permit was granted
   * @param inFlightAtStart permits out, this one included, when it was granted
   */
  void onOutcome(Outcome outcome, long startGeneration, int inFlightAtStart);

  /** The algorithm for the configuration's mode. */
  static LimitAlgorithm of(ConcurrencyLimitConfig config) {
    return switch (config.mode()) {
      case FIXED -> new FixedLimit(config.maxConcurrency());
      case ADAPTIVE -> new AimdLimit(config);
    };
  }
}
