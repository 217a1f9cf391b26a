package dev.trinity.core.internal.providers.ollama;

import dev.trinity.api.Capability;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.ProviderConfig;
import dev.trinity.api.ProviderContext;
import dev.trinity.core.internal.providers.JsonBody;
import dev.trinity.core.internal.providers.JsonEndpoint;
import dev.trinity.core.internal.providers.JsonHttpProvider;
import dev.trinity.core.internal.providers.ProviderSupport;
import dev.trinity.core.internal.providers.RequestJson;
import dev.trinity.core.internal.providers.StreamDecoder;
import java.util.EnumSet;
import org.jspecify.annotations.Nullable;

/** Talks to an Ollama server; one {@code POST /api/chat} (or {@code /api/generate}) per call. */
final class OllamaProvider extends JsonHttpProvider {
  private final OllamaApi api;
  private final OllamaRequestEncoder encoder;

  OllamaProvider(ProviderConfig config, ProviderContext context) {
    this(config, context, OllamaApi.from(config));
  }

  private OllamaProvider(ProviderConfig config, ProviderContext context, OllamaApi api) {
    super(
        OllamaProviderFactory.NAME,
        config,
        EnumSet.of(Capability.JSON_MODE, Capability.JSON_SCHEMA, Capability.STREAMING),
        new JsonEndpoint(
            context,
            OllamaProviderFactory.NAME,
            ProviderSupport.resolve(config.baseUrl(), api.path),
            null));
    this.api = api;
    this.encoder = new OllamaRequestEncoder(config, api);
  }

  @Override
  protected void encode(LlmRequest request, String model, boolean stream, RequestJson out) {
    encoder.encode(request, model, stream, out);
  }

  @Override
  protected StreamDecoder streamDecoder(String model, @Nullable String secret) {
    return new OllamaStreamDecoder(api, secret);
  }

  @Override
  protected String streamMediaType() {
    return "application/x-ndjson";
  }

  @Override
  protected LlmResponse.Builder decode(JsonBody body, String model) {
    return OllamaResponseDecoder.decode(body, api, model);
  }
}
