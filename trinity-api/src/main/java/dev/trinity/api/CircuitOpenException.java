package dev.trinity.api;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A circuit breaker refused a call without trying it, because the service behind it failed
 * repeatedly and the breaker is open (or half-open with all its probe calls in flight).
 *
 * <p>Retryable: the breaker admits a probe once {@link #remainingOpen()} has passed. A retry stage
 * should wait at least that long, and give up at once when the wait is longer than the time its
 * request has left.
 */
public final class CircuitOpenException extends TrinityException {
  private static final long serialVersionUID = 1L;

  private final String breakerName;
  private final Duration remainingOpen;

  /**
   * Creates the failure.
   *
   * @param breakerName the breaker that refused the call
   * @param remainingOpen how long until the breaker admits a probe; {@link Duration#ZERO} when it
   *     is half-open and waiting for the probes already in flight
   * @throws IllegalArgumentException when {@code remainingOpen} is negative
   */
  public CircuitOpenException(String breakerName, Duration remainingOpen) {
    super(message(breakerName, remainingOpen), null, true);
    this.breakerName = breakerName;
    this.remainingOpen = remainingOpen;
  }

  private static String message(String breakerName, Duration remainingOpen) {
    Objects.requireNonNull(breakerName, "breakerName");
    Objects.requireNonNull(remainingOpen, "remainingOpen");
    if (remainingOpen.isNegative()) {
      throw new IllegalArgumentException(
          "remainingOpen must not be negative, was " + remainingOpen);
    }
    if (remainingOpen.isZero()) {
      return "Circuit breaker '"
          + breakerName
          + "' is half-open and its probe calls are in flight; call not permitted";
    }
    return "Circuit breaker '"
        + breakerName
        + "' is open; call not permitted, next probe in "
        + format(remainingOpen);
  }

  /** Formats as seconds, with milliseconds only when there are any: {@code 50s}, {@code 0.250s}. */
  private static String format(Duration d) {
    long millis = d.toMillis();
    if (millis % 1000 == 0) {
      return millis / 1000 + "s";
    }
    return String.format(Locale.ROOT, "%d.%03ds", millis / 1000, millis % 1000);
  }

  /**
   * The breaker that refused the call.
   *
   * @return the breaker's name, such as the provider it guards
   */
  public String breakerName() {
    return breakerName;
  }

  /**
   * How long until the breaker admits a probe call, measured when the call was refused.
   *
   * @return zero or positive; zero when the breaker is half-open and its probes are in flight
   */
  public Duration remainingOpen() {
    return remainingOpen;
  }
}
