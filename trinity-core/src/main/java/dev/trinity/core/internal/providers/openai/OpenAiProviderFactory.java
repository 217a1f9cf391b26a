package dev.trinity.core.internal.providers.openai;

import dev.trinity.api.LlmProvider;
import dev.trinity.api.LlmProviderFactory;
import dev.trinity.api.ProviderConfig;
import dev.trinity.api.ProviderContext;
import java.net.URI;
import java.util.Optional;

/**
 * Creates the {@code openai} provider, which speaks the OpenAI chat-completions API: OpenAI itself
 * and compatible servers such as LM Studio ({@code http://localhost:1234/v1}), vLLM and llama.cpp
 * server.
 *
 * <p>Requests go to {@code {base_url}/v1/chat/completions}; a base URL that already ends with
 * {@code /v1} is not given a second one. The API key, when configured, is sent as {@code
 * Authorization: Bearer}; local servers usually need none. Answers stream when asked through {@code
 * stream()}.
 */
public final class OpenAiProviderFactory implements LlmProviderFactory {
  /** The name configuration selects this provider by. */
  public static final String NAME = "openai";

  /** OpenAI's API. */
  public static final URI DEFAULT_BASE_URL = URI.create("https://api.openai.com");

  /** The model used when none is configured. */
  public static final String DEFAULT_MODEL = "gpt-4o-mini";

  /** Creates the factory; {@link java.util.ServiceLoader} calls this. */
  public OpenAiProviderFactory() {}

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
    return new OpenAiProvider(config, context);
  }
}
