package dev.trinity.api;

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
   * Creates a provider.
   *
   * @param config the endpoint, model and options
   * @param context shared resources owned by Trinity
   * @return a new provider
   * @throws ConfigurationException when the configuration does not suit this provider
   */
  LlmProvider create(ProviderConfig config, ProviderContext context);
}
