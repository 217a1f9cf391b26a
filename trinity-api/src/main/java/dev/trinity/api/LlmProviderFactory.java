package dev.trinity.api;

import java.net.URI;
import java.util.Optional;

/**
 * Creates {@link LlmProvider}s; found with {@link java.util.ServiceLoader} and chosen by {@link
 * #name()} ({@code llm.provider} in configuration).
 *
 * <p>Implementations need a public no-argument constructor.
 */
public interface LlmProviderFactory {

  /**
   * The name configuration selects this factory by, lower case, such as {@code ollama}.
   *
   * @return the name
   */
  String name();

  /**
   * Where this provider's server usually listens, used when {@code llm.base_url} is not set.
   *
   * @return the default base URL, or empty when the host must always configure one
   */
  default Optional<URI> defaultBaseUrl() {
    return Optional.empty();
  }

  /**
   * The model used when {@code llm.model} is not set.
   *
   * @return the default model, or empty when the host must always configure one
   */
  default Optional<String> defaultModel() {
    return Optional.empty();
  }

  /**
   * Creates a provider.
   *
   * @param config the endpoint, model and options
   * @param context shared resources owned by Trinity
   * @return a new provider
   * @throws ConfigurationException when the configuration does not suit this provider
   */
  LlmProvider create(ProviderConfig config, ProviderContext context);
}
