package dev.trinity.api;

import org.jspecify.annotations.Nullable;

/**
 * The root of every failure Trinity reports to its host. Unchecked.
 *
 * <p>Synchronous methods throw it (or a subtype) unwrapped; futures complete exceptionally with it.
 * Messages never contain API keys, passwords, prompts or model output.
 */
public class TrinityException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean retryable;
  private volatile int attempts = 1;

  /**
   * Creates an exception.
   *
   * @param message what failed and where, without secrets
   * @param cause the underlying failure, if any
   * @param retryable whether sending the same request again later could succeed
   */
  public TrinityException(String message, @Nullable Throwable cause, boolean retryable) {
    super(message, cause);
    this.retryable = retryable;
  }

  /**
   * Creates an exception that is not retryable and has no cause.
   *
   * @param message what failed and where, without secrets
   */
  public TrinityException(String message) {
    this(message, null, false);
  }

  /**
   * Whether the same request could succeed if sent again later: true for rate limits, server
   * errors, timeouts and I/O failures; false for bad input, bad configuration and client errors.
   *
   * @return true when a later retry could help
   */
  public boolean isRetryable() {
    return retryable;
  }

  /**
   * How many calls reached, or tried to reach, the provider before the pipeline gave up with this
   * exception: 1 when it was not retried, 0 when the request was refused before any call (an open
   * breaker, a full queue). An attempt that the breaker refused is not a call. Earlier attempts'
   * failures are attached as {@linkplain #getSuppressed() suppressed} exceptions.
   *
   * @return the number of calls, 0 or more
   */
  public int attempts() {
    return attempts;
  }

  /**
   * Records how many attempts were made. Called by the request pipeline when it gives up; hosts do
   * not need it.
   *
   * @param attempts the number of calls, 0 or more
   * @return this exception
   */
  public TrinityException withAttempts(int attempts) {
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts must be >= 0, was " + attempts);
    }
    this.attempts = attempts;
    return this;
  }
}
