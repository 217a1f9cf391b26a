package dev.trinity.api;

/**
 * The provider's response body exceeded the configured size cap ({@code llm.max_response_size}, 16
 * MiB by default). Reading stopped at the cap; nothing larger was buffered. Not retryable; its
 * {@linkplain #kind() kind} is {@link ProviderException.Kind#MALFORMED}, whatever the status.
 */
public final class ResponseTooLargeException extends ProviderException {
  private static final long serialVersionUID = 1L;

  private final long limitBytes;

  /**
   * Creates a response-too-large failure.
   *
   * @param provider the provider's name
   * @param statusCode the HTTP status of the response
   * @param limitBytes the cap that was exceeded
   */
  public ResponseTooLargeException(String provider, int statusCode, long limitBytes) {
    super(
        provider,
        Kind.MALFORMED,
        statusCode,
        provider + " response body exceeded the " + limitBytes + "-byte limit",
        false,
        null,
        null);
    this.limitBytes = limitBytes;
  }

  /**
   * The cap that the body exceeded.
   *
   * @return the limit in bytes
   */
  public long limitBytes() {
    return limitBytes;
  }
}
