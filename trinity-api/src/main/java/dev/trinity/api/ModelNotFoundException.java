package dev.trinity.api;

/**
 * The provider does not have the requested model (for example Ollama's {@code model 'x' not
 * found}). Not retryable: pull the model or fix {@code llm.model}. Its {@linkplain #kind() kind} is
 * {@link ProviderException.Kind#CLIENT}.
 */
public final class ModelNotFoundException extends ProviderException {
  private static final long serialVersionUID = 1L;

  private final String model;

  /**
   * Creates a model-not-found failure.
   *
   * @param provider the provider's name
   * @param statusCode the HTTP status the provider answered with
   * @param model the model that was asked for
   * @param message what the provider said
   */
  public ModelNotFoundException(String provider, int statusCode, String model, String message) {
    super(provider, Kind.CLIENT, statusCode, message, false, null, null);
    this.model = model;
  }

  /**
   * The model that the provider does not have.
   *
   * @return the model name as sent
   */
  public String model() {
    return model;
  }
}
