package dev.trinity.core.content.internal.offline;

import dev.trinity.api.LlmProvider;
import dev.trinity.api.LlmProviderFactory;
import dev.trinity.api.ProviderConfig;
import dev.trinity.api.ProviderContext;
import java.net.URI;
import java.util.Optional;

/**
 * Creates the {@code offline} provider ({@code llm.provider: offline}): rule-based content without
 * a model, the zero-setup default of the examples. Needs no base URL or model; {@code llm.base_url}
 * and {@code llm.model} are ignored. Called directly through the LLM client, the provider reads the
 * request's last message as the portfolio; the content engine feeds it the portfolio and the
 * theme's limits itself.
 */
public final class OfflineProviderFactory implements LlmProviderFactory {
  /** The name configuration selects this provider by. */
  public static final String NAME = OfflineExtractor.NAME;

  /** A placeholder: the provider sends nothing anywhere ({@code .invalid} never resolves). */
  static final URI NO_SERVER = URI.create("http://offline.invalid");

  /** Creates the factory; {@link java.util.ServiceLoader} calls this. */
  public OfflineProviderFactory() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Optional<URI> defaultBaseUrl() {
    return Optional.of(NO_SERVER);
  }

  @Override
  public Optional<String> defaultModel() {
    return Optional.of(OfflineExtractor.MODEL);
  }

  @Override
  public LlmProvider create(ProviderConfig config, ProviderContext context) {
    return OfflineProvider.reading(context.clock());
  }
}
