package dev.trinity.core.internal.providers.openai;

import dev.trinity.api.Capability;
import dev.trinity.api.LlmProvider;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.ProviderConfig;
import dev.trinity.api.ProviderContext;
import dev.trinity.core.internal.providers.JsonEndpoint;
import dev.trinity.core.internal.providers.ProviderSupport;
import java.net.URI;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** Talks to an OpenAI-compatible server; one {@code POST /v1/chat/completions} per call. */
final class OpenAiProvider implements LlmProvider {
  private static final Set<Capability> CAPABILITIES =
      Collections.unmodifiableSet(
          EnumSet.of(Capability.JSON_MODE, Capability.JSON_SCHEMA, Capability.STREAMING));

  private final ProviderConfig config;
  private final OpenAiRequestEncoder encoder;
  private final JsonEndpoint endpoint;

  OpenAiProvider(ProviderConfig config, ProviderContext context) {
    this.config = config;
    this.encoder = new OpenAiRequestEncoder(config);
    this.endpoint =
        new JsonEndpoint(
            context,
            OpenAiProviderFactory.NAME,
            completionsUrl(config.baseUrl()),
            config.apiKey().orElse(null));
  }

  /** {@code {base}/v1/chat/completions}, without doubling a {@code /v1} the base already has. */
  static URI completionsUrl(URI baseUrl) {
    String path = baseUrl.getPath();
    boolean hasVersion = path != null && path.endsWith("/v1");
    return ProviderSupport.resolve(
        baseUrl, hasVersion ? "/chat/completions" : "/v1/chat/completions");
  }

  @Override
  public String name() {
    return OpenAiProviderFactory.NAME;
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
          body -> OpenAiResponseDecoder.decode(body, model));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public String toString() {
    return "OpenAiProvider[" + endpoint.uri() + ", model=" + config.model() + "]";
  }
}
