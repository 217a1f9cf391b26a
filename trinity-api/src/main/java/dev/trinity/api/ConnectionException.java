package dev.trinity.api;

/**
 * The provider could not be reached or the connection broke mid-exchange (refused, reset, DNS,
 * TLS). Retryable; its {@linkplain #kind() kind} is {@link ProviderException.Kind#TRANSPORT}.
 */
public final class ConnectionException extends ProviderException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates a connection failure.
   *
   * @param provider the provider's name
   * @param message what failed, naming the endpoint
   * @param cause the I/O failure
   */
  public ConnectionException(String provider, String message, Throwable cause) {
    super(provider, Kind.TRANSPORT, NO_STATUS, message, true, null, cause);
  }
}
