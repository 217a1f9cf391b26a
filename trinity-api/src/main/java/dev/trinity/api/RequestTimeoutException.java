package dev.trinity.api;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A request did not complete in time: either one HTTP exchange timed out, or the request's deadline
 * (covering every attempt and back-off) passed.
 *
 * <p>Its {@linkplain #kind() kind} is {@link ProviderException.Kind#TIMEOUT} when the provider did
 * not answer an exchange in time (which counts against the endpoint, even when the request's
 * deadline passed with it), and {@link ProviderException.Kind#DEADLINE} when the deadline passed
 * while no exchange was running (before sending, during a back-off).
 */
public final class RequestTimeoutException extends ProviderException {
  private static final long serialVersionUID = 1L;

  private final Duration timeout;
  private final boolean deadlineExceeded;

  /**
   * Creates a timeout failure whose kind follows from {@code deadlineExceeded}: {@link
   * ProviderException.Kind#DEADLINE} when the deadline passed, {@link
   * ProviderException.Kind#TIMEOUT} when one exchange timed out.
   *
   * @param provider the provider's name
   * @param message what timed out
   * @param timeout the timeout or deadline that passed
   * @param deadlineExceeded true when the whole request's deadline passed (not retryable), false
   *     when one exchange timed out (retryable)
   * @param cause the underlying failure, if any
   */
  public RequestTimeoutException(
      String provider,
      String message,
      Duration timeout,
      boolean deadlineExceeded,
      @Nullable Throwable cause) {
    this(
        provider,
        deadlineExceeded ? Kind.DEADLINE : Kind.TIMEOUT,
        message,
        timeout,
        deadlineExceeded,
        cause);
  }

  /**
   * Creates a timeout failure of a given kind: {@link ProviderException.Kind#TIMEOUT} for an
   * exchange that ran out of time (also when that used up the request's deadline), {@link
   * ProviderException.Kind#DEADLINE} for a deadline that passed while no exchange was running.
   *
   * @param provider the provider's name
   * @param kind {@link ProviderException.Kind#TIMEOUT} or {@link ProviderException.Kind#DEADLINE}
   * @param message what timed out
   * @param timeout the timeout or deadline that passed
   * @param deadlineExceeded true when the whole request's deadline passed (not retryable), false
   *     when one exchange timed out and time is left for another (retryable)
   * @param cause the underlying failure, if any
   * @throws IllegalArgumentException when {@code kind} is another kind, or {@link
   *     ProviderException.Kind#DEADLINE} without {@code deadlineExceeded}
   */
  public RequestTimeoutException(
      String provider,
      Kind kind,
      String message,
      Duration timeout,
      boolean deadlineExceeded,
      @Nullable Throwable cause) {
    super(
        provider,
        checked(kind, deadlineExceeded),
        NO_STATUS,
        message,
        !deadlineExceeded,
        null,
        cause);
    this.timeout = timeout;
    this.deadlineExceeded = deadlineExceeded;
  }

  private static Kind checked(Kind kind, boolean deadlineExceeded) {
    if (kind == Kind.TIMEOUT || (kind == Kind.DEADLINE && deadlineExceeded)) {
      return kind;
    }
    throw new IllegalArgumentException(
        "a request timeout is of kind TIMEOUT, or DEADLINE when the deadline passed; was "
            + kind
            + (deadlineExceeded ? "" : " without the deadline passing"));
  }

  /**
   * The timeout that passed.
   *
   * @return the per-exchange timeout or the request deadline
   */
  public Duration timeout() {
    return timeout;
  }

  /**
   * Whether the request's overall deadline passed, as opposed to a single exchange timing out.
   *
   * @return true when the deadline covering all attempts passed
   */
  public boolean isDeadlineExceeded() {
    return deadlineExceeded;
  }
}
