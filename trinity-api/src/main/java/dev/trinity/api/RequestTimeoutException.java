package dev.trinity.api;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A request did not complete in time: either one HTTP exchange timed out, or the request's deadline
 * (covering every attempt and back-off) passed.
 */
public final class RequestTimeoutException extends ProviderException {
  private static final long serialVersionUID = 1L;

  private final Duration timeout;
  private final boolean deadlineExceeded;

  /**
   * Creates a timeout failure.
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
    super(provider, NO_STATUS, message, !deadlineExceeded, cause);
    this.timeout = timeout;
    this.deadlineExceeded = deadlineExceeded;
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
