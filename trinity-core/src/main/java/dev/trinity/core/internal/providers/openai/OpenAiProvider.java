package dev.trinity.core.internal.providers.openai;

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
import java.net.URI;
import java.util.EnumSet;
import org.jspecify.annotations.Nullable;

/** Talks to an OpenAI-compatible server; one {@code POST /v1/chat/completions} per call. */
final class OpenAiProvider extends JsonHttpProvider {
  private final OpenAiRequestEncoder encoder;

  OpenAiProvider(ProviderConfig config, ProviderContext context) {
    super(
        OpenAiProviderFactory.NAME,
        config,
        EnumSet.of(Capability.JSON_MODE, Capability.JSON_SCHEMA, Capability.STREAMING),
        new JsonEndpoint(
            context,
            OpenAiProviderFactory.NAME,
            completionsUrl(config.baseUrl()),
            config.apiKey().orElse(null)));
    this.encoder = new OpenAiRequestEncoder();
  }

  /** {@code {base}/v1/chat/completions}, without doubling a {@code /v1} the base already has. */
  static URI completionsUrl(URI baseUrl) {
    String path = baseUrl.getPath();
    boolean hasVersion = path != null && path.endsWith("/v1");
    return ProviderSupport.resolve(
        baseUrl, hasVersion ? "/chat/completions" : "/v1/chat/completions");
  }

  @Override
  protected void encode(LlmRequest request, String model, boolean stream, RequestJson out) {
    encoder.encode(request, model, stream, out);
  }

  @Override
  protected StreamDecoder streamDecoder(String model, @Nullable String secret) {
    return new OpenAiStreamDecoder(secret);
  }

  @Override
  protected LlmResponse.Builder decode(JsonBody body, String model) {
    return OpenAiResponseDecoder.decode(body, model);
  }
}
