package dev.trinity.core.internal.providers.llamacpp;

import dev.trinity.api.LlmProvider;
import dev.trinity.api.LlmProviderFactory;
import dev.trinity.api.ProviderConfig;
import dev.trinity.api.ProviderContext;
import java.net.URI;
import java.util.Optional;

/**
 * Creates the {@code llamacpp} provider, which talks to a <a
 * href="https://github.com/ggml-org/llama.cpp">llama.cpp</a> server's native {@code /completion}
 * endpoint. The chat is flattened into one prompt by a small plain-text template (see the
 * provider's prompt class); JSON mode and JSON Schema use the server's grammar-backed {@code
 * json_schema} field. The server serves the model it was started with, so {@code llm.model} only
 * labels answers whose body names no model.
 */
public final class LlamaCppProviderFactory implements LlmProviderFactory {
  /** The name configuration selects this provider by. */
  public static final String NAME = "llamacpp";

  /** Where {@code llama-server} listens by default. */
  public static final URI DEFAULT_BASE_URL = URI.create("http://localhost:8080");

  /** The label used when no model is configured. */
  public static final String DEFAULT_MODEL = "default";

  /** Creates the factory; {@link java.util.ServiceLoader} calls this. */
  public LlamaCppProviderFactory() {}

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

  @Override
  public LlmProvider create(ProviderConfig config, ProviderContext context) {
    return new LlamaCppProvider(config, context);
  }
}
