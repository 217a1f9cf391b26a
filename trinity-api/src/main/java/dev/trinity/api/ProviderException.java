package dev.trinity.api;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A failure while talking to an LLM provider: an HTTP error status, a connection failure, a timeout
 * or an answer that could not be read.
 *
 * <p>The mapping from HTTP status and provider error bodies to subtypes lives in one place in the
 * core module; see the README's status table.
 */
public class ProviderException extends TrinityException {
  private static final long serialVersionUID = 1L;

  /** The value of {@link #statusCode()} when no HTTP response was received. */
  public static final int NO_STATUS = 0;

  private final String provider;
  private final int statusCode;
  private final @Nullable Duration retryAfter;

  /**
   * Creates a provider failure.
   *
   * @param provider the provider's name, such as {@code ollama}
   * @param statusCode the HTTP status, or {@link #NO_STATUS}
   * @param message what failed, without secrets
   * @param retryable whether a later retry could succeed
   * @param cause the underlying failure, if any
   */
  public ProviderException(
      String provider,
      int statusCode,
      String message,
      boolean retryable,
      @Nullable Throwable cause) {
    this(provider, statusCode, message, retryable, null, cause);
  }

  /**
   * Creates a provider failure that says how long to wait before retrying.
   *
   * @param provider the provider's name, such as {@code ollama}
   * @param statusCode the HTTP status, or {@link #NO_STATUS}
   * @param message what failed, without secrets
   * @param retryable whether a later retry could succeed
   * @param retryAfter the server's {@code Retry-After}, if it sent one
   * @param cause the underlying failure, if any
   */
  public ProviderException(
      String provider,
      int statusCode,
      String message,
      boolean retryable,
      @Nullable Duration retryAfter,
      @Nullable Throwable cause) {
    super(message, cause, retryable);
    this.provider = provider;
    this.statusCode = statusCode;
    this.retryAfter = retryAfter;
  }

  /**
   * How long the server asked the client to wait ({@code Retry-After}, in seconds or as an HTTP
   * date); the retry stage honours it, capped by the request's time left.
   *
   * @return the wait, or empty when the server did not say
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /**
   * The provider that failed.
   *
   * @return the provider's name, such as {@code ollama} or {@code openai}
   */
  public String provider() {
    return provider;
  }

  /**
   * The HTTP status the provider answered with.
   *
   * @return the status, or {@link #NO_STATUS} when no HTTP response was received
   */
  public int statusCode() {
    return statusCode;
  }
}
