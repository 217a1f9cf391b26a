package dev.trinity.api;

import dev.trinity.api.internal.Checks;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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
  private final @Nullable String openedBecause;

  /**
   * Creates the failure.
   *
   * @param breakerName the breaker that refused the call
   * @param remainingOpen how long until the breaker admits a probe; {@link Duration#ZERO} when it
   *     is half-open and waiting for the probes already in flight
   * @throws IllegalArgumentException when {@code remainingOpen} is negative
   */
  public CircuitOpenException(String breakerName, Duration remainingOpen) {
    this(breakerName, remainingOpen, null, null);
  }

  /**
   * Creates the failure, saying why the breaker opened and naming the failure that opened it, so
   * that the real cause is in the message and is this exception's {@linkplain #getCause() cause}:
   * {@code Circuit breaker 'ollama@http://localhost:11434' is open after 5 consecutive failures;
   * last: ollama could not be reached at http://localhost:11434/api/chat: connection refused; call
   * not permitted, next probe in 60s}.
   *
   * @param breakerName the breaker that refused the call
   * @param remainingOpen how long until the breaker admits a probe; {@link Duration#ZERO} when it
   *     is half-open and waiting for the probes already in flight
   * @param openedBecause why it opened, read after "is open after": {@code "5 consecutive
   *     failures"}; null when unknown or half-open
   * @param lastFailure the counted failure that opened it; null when none did (opened by hand, a
   *     probe that never ended)
   * @throws IllegalArgumentException when {@code remainingOpen} is negative
   */
  public CircuitOpenException(
      String breakerName,
      Duration remainingOpen,
      @Nullable String openedBecause,
      @Nullable Throwable lastFailure) {
    super(message(breakerName, remainingOpen, openedBecause, lastFailure), lastFailure, true);
    this.breakerName = breakerName;
    this.remainingOpen = remainingOpen;
    this.openedBecause = remainingOpen.isZero() ? null : openedBecause;
  }

  private static String message(
      String breakerName,
      Duration remainingOpen,
      @Nullable String openedBecause,
      @Nullable Throwable lastFailure) {
    Objects.requireNonNull(breakerName, "breakerName");
    Checks.requireNonNegative(remainingOpen, "remainingOpen");
    if (remainingOpen.isZero()) {
      return "Circuit breaker '"
          + breakerName
          + "' is half-open and its probe calls are in flight; call not permitted";
    }
    StringBuilder m =
        new StringBuilder("Circuit breaker '").append(breakerName).append("' is open");
    if (openedBecause != null) {
      m.append(" after ").append(openedBecause);
    }
    if (lastFailure != null) {
      String last = lastFailure.getMessage();
      m.append("; last: ")
          .append(last == null || last.isBlank() ? lastFailure.getClass().getSimpleName() : last);
    }
    return m.append("; call not permitted, next probe in ")
        .append(format(remainingOpen))
        .toString();
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
   * Why the breaker opened, as it reads after "is open after": {@code "5 consecutive failures"},
   * {@code "10 failures in 10 calls"}, {@code "a failed probe"}. The failure that opened it, if one
   * did, is the {@linkplain #getCause() cause}.
   *
   * @return the reason; empty when the breaker was half-open or the reason is unknown
   */
  public Optional<String> openedBecause() {
    return Optional.ofNullable(openedBecause);
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
