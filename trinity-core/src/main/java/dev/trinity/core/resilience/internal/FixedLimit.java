package dev.trinity.core.resilience.internal;

import dev.trinity.core.resilience.ConcurrencyLimiter.Outcome;

/** A limit that never changes. */
final class FixedLimit implements LimitAlgorithm {
  private final int limit;

  FixedLimit(int limit) {
    this.limit = limit;
  }

  @Override
  public int limit() {
    return limit;
  }

  @Override
  public long generation() {
    return 0;
  }

  @Override
  public void onOutcome(Outcome outcome, long startGeneration, int inFlightAtStart) {}
}
