package dev.trinity.core.internal.providers.ollama;

import dev.trinity.api.ConfigurationException;
import dev.trinity.api.LlmProvider;
import dev.trinity.api.LlmProviderFactory;
import dev.trinity.api.ProviderConfig;
import dev.trinity.api.ProviderContext;
import java.net.URI;
import java.util.Optional;

/**
 * Creates the {@code ollama} provider, which talks to an <a href="https://ollama.com">Ollama</a>
 * server's native API.
 *
 * <p>Options ({@code llm.options}):
 *
 * <ul>
 *   <li>{@code api}: {@code chat} (the default, {@code POST /api/chat}) or {@code generate} ({@code
 *       POST /api/generate}, one prompt built from the messages);
 *   <li>{@code keep_alive}: how long Ollama keeps the model loaded after a call, as seconds ({@code
 *       300}, {@code -1} for ever) or a duration ({@code 5m}); Ollama's default when unset.
 * </ul>
 *
 * <p>Every request is sent with {@code "stream": false}; JSON mode and JSON Schema use Ollama's
 * {@code format} field.
 */
public final class OllamaProviderFactory implements LlmProviderFactory {
  /** The name configuration selects this provider by. */
  public static final String NAME = "ollama";

  /** Where Ollama listens by default. */
  public static final URI DEFAULT_BASE_URL = URI.create("http://localhost:11434");

  /** The model used when none is configured: small enough for a laptop. */
  public static final String DEFAULT_MODEL = "llama3.2:3b";

  /** Creates the factory; {@link java.util.ServiceLoader} calls this. */
  public OllamaProviderFactory() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Optional<URI> defaultBaseUrl() {
    return Optional.of(DEFAULT_BASE_URL);
  }

  @Override
  public Optional<String> defaultModel() {
    return Optional.of(DEFAULT_MODEL);
  }

  /**
   * {@inheritDoc}
   *
   * @throws ConfigurationException when {@code llm.options.api} or {@code llm.options.keep_alive}
   *     has a value Ollama does not accept
   */
  @Override
  public LlmProvider create(ProviderConfig config, ProviderContext context) {
    return new OllamaProvider(config, context);
  }
}
