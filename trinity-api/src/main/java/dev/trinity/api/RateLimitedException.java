package dev.trinity.api;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The provider refused the request because of a rate limit (HTTP 429). Always retryable; its
 * {@linkplain #kind() kind} is {@link ProviderException.Kind#RATE_LIMITED}.
 */
public final class RateLimitedException extends ProviderException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates a rate-limit failure.
   *
   * @param provider the provider's name
   * @param message what the provider said, without secrets
   * @param retryAfter how long the provider asked to wait, if it said
   */
  public RateLimitedException(String provider, String message, @Nullable Duration retryAfter) {
    super(provider, Kind.RATE_LIMITED, 429, message, true, retryAfter, null);
  }
}
