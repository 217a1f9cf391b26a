package dev.trinity.core.internal.providers.llamacpp;

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

/** Talks to a llama.cpp server's native API; one {@code POST /completion} per call. */
final class LlamaCppProvider extends JsonHttpProvider {
  private final LlamaCppRequestEncoder encoder;

  LlamaCppProvider(ProviderConfig config, ProviderContext context) {
    super(
        LlamaCppProviderFactory.NAME,
        config,
        EnumSet.of(Capability.JSON_MODE, Capability.JSON_SCHEMA, Capability.STREAMING),
        new JsonEndpoint(
            context,
            LlamaCppProviderFactory.NAME,
            ProviderSupport.resolve(config.baseUrl(), "/completion"),
            null));
    this.encoder = new LlamaCppRequestEncoder();
  }

  @Override
  protected void encode(LlmRequest request, String model, boolean stream, RequestJson out) {
    encoder.encode(request, stream, out); // the server runs one model: none is sent
  }

  @Override
  protected StreamDecoder streamDecoder(String model, @Nullable String secret) {
    return new LlamaCppStreamDecoder(secret);
  }

  @Override
  protected LlmResponse.Builder decode(JsonBody body, String model) {
    return LlamaCppResponseDecoder.decode(body, model);
  }
}
