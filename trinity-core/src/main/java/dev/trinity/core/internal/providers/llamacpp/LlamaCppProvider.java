package dev.trinity.core.internal.providers.llamacpp;

import dev.trinity.api.Capability;
import dev.trinity.api.LlmProvider;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.ProviderConfig;
import dev.trinity.api.ProviderContext;
import dev.trinity.core.internal.providers.JsonEndpoint;
import dev.trinity.core.internal.providers.ProviderSupport;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** Talks to a llama.cpp server's native API; one {@code POST /completion} per call. */
final class LlamaCppProvider implements LlmProvider {
  private static final Set<Capability> CAPABILITIES =
      Collections.unmodifiableSet(EnumSet.of(Capability.JSON_MODE, Capability.JSON_SCHEMA));

  private final ProviderConfig config;
  private final LlamaCppRequestEncoder encoder;
  private final JsonEndpoint endpoint;

  LlamaCppProvider(ProviderConfig config, ProviderContext context) {
    this.config = config;
    this.encoder = new LlamaCppRequestEncoder(config);
    this.endpoint =
        new JsonEndpoint(
            context,
            LlamaCppProviderFactory.NAME,
            ProviderSupport.resolve(config.baseUrl(), "/completion"),
            null);
  }

  @Override
  public String name() {
    return LlamaCppProviderFactory.NAME;
  }

  @Override
  public String endpoint() {
    return config.baseUrl().toString();
  }

  @Override
  public String defaultModel() {
    return config.model();
  }

  @Override
  public Set<Capability> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public CompletableFuture<LlmResponse> generate(LlmRequest request) {
    String model = ProviderSupport.model(request, config);
    try {
      return endpoint.post(
          encoder.encode(request),
          model,
          request.timeout(),
          body -> LlamaCppResponseDecoder.decode(body, model));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public String toString() {
    return "LlamaCppProvider[" + endpoint.uri() + ", model=" + config.model() + "]";
  }
}
