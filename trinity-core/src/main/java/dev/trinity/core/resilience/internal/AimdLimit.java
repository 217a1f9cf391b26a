package dev.trinity.core.resilience.internal;

import dev.trinity.core.resilience.ConcurrencyLimitConfig;
import dev.trinity.core.resilience.ConcurrencyLimiter.Outcome;

/**
 * Additive increase, multiplicative decrease, after Netflix's concurrency-limits {@code AIMDLimit}
 * and TCP congestion avoidance (the rules are spelled out on {@link ConcurrencyLimitConfig}).
 *
 * <ul>
 *   <li>Grow by one after {@code limit} successes at the current limit, counting only calls that
 *       started with the limiter at least half used.
 *   <li>Shrink to {@code floor(limit × backoffRatio)} on a drop, or on a success slower than {@code
 *       latencyTolerance ×} the fastest success seen (but at least 1 ms); only a call granted in
 *       the current {@link #generation()} can shrink it, so one congestion episode shrinks it once.
 *   <li>Stay within [{@code minLimit}, {@code maxLimit}].
 * </ul>
 */
final class AimdLimit implements LimitAlgorithm {
  /**
   * Latencies are compared with at least this baseline, so instant answers do not make all slow.
   */
  private static final long SHORTEST_BASELINE_NANOS = 1_000_000;

  private final int minLimit;
  private final int maxLimit;
  private final double backoffRatio;
  private final double latencyTolerance;

  private int limit;
  private long generation;
  private int successesAtLimit;
  private long fastestNanos = Long.MAX_VALUE;

  AimdLimit(ConcurrencyLimitConfig config) {
    this.minLimit = config.minLimit();
    this.maxLimit = config.maxLimit();
    this.backoffRatio = config.backoffRatio();
    this.latencyTolerance = config.latencyTolerance();
    this.limit = config.initialLimit();
  }

  @Override
  public int limit() {
    return limit;
  }

  @Override
  public long generation() {
    return generation;
  }

  @Override
  public void onOutcome(Outcome outcome, long startGeneration, int inFlightAtStart) {
    switch (outcome.kind()) {
      case DROPPED -> decrease(startGeneration);
      case SUCCESS -> onSuccess(outcome.latency().toNanos(), startGeneration, inFlightAtStart);
      case IGNORED -> {}
    }
  }

  private void onSuccess(long latencyNanos, long startGeneration, int inFlightAtStart) {
    fastestNanos = Math.min(fastestNanos, latencyNanos);
    if (latencyNanos > latencyTolerance * Math.max(fastestNanos, SHORTEST_BASELINE_NANOS)) {
      decrease(startGeneration);
      return;
    }
    if (inFlightAtStart * 2 < limit) {
      return; // the limiter was mostly idle: no evidence that a higher limit is safe
    }
    if (++successesAtLimit >= limit) {
      successesAtLimit = 0;
      limit = Math.min(maxLimit, limit + 1);
    }
  }

  private void decrease(long startGeneration) {
    if (startGeneration != generation) {
      return; // started before the last decrease, which already answered this congestion
    }
    limit = Math.max(minLimit, (int) Math.floor(limit * backoffRatio));
    generation++;
    successesAtLimit = 0;
  }
}
