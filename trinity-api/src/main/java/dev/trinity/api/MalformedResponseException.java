package dev.trinity.api;

import org.jspecify.annotations.Nullable;

/**
 * The provider answered with a success status but a body that could not be read: not JSON, or JSON
 * without the expected fields. Not retryable; its {@linkplain #kind() kind} is {@link
 * ProviderException.Kind#MALFORMED}.
 */
public class MalformedResponseException extends ProviderException {
  private static final long serialVersionUID = 1L;

  private final String bodyExcerpt;

  /**
   * Creates a malformed-response failure.
   *
   * @param provider the provider's name
   * @param statusCode the HTTP status of the response
   * @param message what was wrong with the body
   * @param bodyExcerpt the start of the body (at most a few hundred characters), for diagnosis
   * @param cause the parse failure, if any
   */
  public MalformedResponseException(
      String provider,
      int statusCode,
      String message,
      String bodyExcerpt,
      @Nullable Throwable cause) {
    super(provider, Kind.MALFORMED, statusCode, message, false, null, cause);
    this.bodyExcerpt = bodyExcerpt;
  }

  /**
   * The start of the response body that could not be read. It is model output: log it only at
   * DEBUG.
   *
   * @return at most a few hundred characters of the body
   */
  public String bodyExcerpt() {
    return bodyExcerpt;
  }
}
