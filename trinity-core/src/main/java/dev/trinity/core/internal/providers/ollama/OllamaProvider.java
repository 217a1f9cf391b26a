package dev.trinity.core.internal.providers.ollama;

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

/** Talks to an Ollama server; one {@code POST /api/chat} (or {@code /api/generate}) per call. */
final class OllamaProvider implements LlmProvider {
  private static final Set<Capability> CAPABILITIES =
      Collections.unmodifiableSet(
          EnumSet.of(Capability.JSON_MODE, Capability.JSON_SCHEMA, Capability.STREAMING));

  private final ProviderConfig config;
  private final OllamaApi api;
  private final OllamaRequestEncoder encoder;
  private final JsonEndpoint endpoint;

  OllamaProvider(ProviderConfig config, ProviderContext context) {
    this.config = config;
    this.api = OllamaApi.from(config);
    this.encoder = new OllamaRequestEncoder(config, api);
    this.endpoint =
        new JsonEndpoint(
            context,
            OllamaProviderFactory.NAME,
            ProviderSupport.resolve(config.baseUrl(), api.path),
            null);
  }

  @Override
  public String name() {
    return OllamaProviderFactory.NAME;
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
          encoder.encode(request, model),
          model,
          request.timeout(),
          body -> OllamaResponseDecoder.decode(body, api, model));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public String toString() {
    return "OllamaProvider[" + endpoint.uri() + ", model=" + config.model() + "]";
  }
}
