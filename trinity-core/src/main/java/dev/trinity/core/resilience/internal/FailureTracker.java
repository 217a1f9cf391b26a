package dev.trinity.core.resilience.internal;

import dev.trinity.core.resilience.CircuitBreakerConfig;

/** Decides, from the outcomes a closed breaker records, when it should open. Thread-safe. */
interface FailureTracker {

  /**
   * Records a success.
   *
   * @return true when the breaker should now open (a failure rate can reach its threshold on a
   *     success, when the window first holds enough calls)
   */
  boolean recordSuccess();

  /**
   * Records a counted failure.
   *
   * @return true when the breaker should now open
   */
  boolean recordFailure();

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
