package dev.trinity.core.resilience.internal;

import dev.trinity.core.resilience.CircuitBreakerConfig;

/** Decides, from the outcomes a closed breaker records, when it should open. Thread-safe. */
interface FailureTracker {

  /** Records a success. A success never opens the breaker: the service just answered. */
  void recordSuccess();

  /**
   * Records a counted failure.
   *
   * @param othersInFlight calls the closed breaker admitted that have not ended yet
   * @return true when the breaker should now open
   */
  boolean recordFailure(int othersInFlight);

  /**
   * Why the breaker opens, for the refusal's message: {@code "5 consecutive failures"}, {@code "10
   * failures in 10 calls"}. Read right after a record call returned true.
   */
  String describe();

  /** A fresh tracker for the configuration's mode. */
  static FailureTracker of(CircuitBreakerConfig config) {
    return switch (config.mode()) {
      case CONSECUTIVE_FAILURES -> new ConsecutiveFailures(config.failureThreshold());
      case FAILURE_RATE ->
          new FailureRateWindow(
              config.slidingWindowSize(),
              config.minimumNumberOfCalls(),
              config.failureRateThreshold());
    };
  }
}
