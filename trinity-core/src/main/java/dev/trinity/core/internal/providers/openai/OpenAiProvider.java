package dev.trinity.core.internal.providers.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trinity.api.Capability;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.ProviderConfig;
import dev.trinity.api.ProviderContext;
import dev.trinity.core.internal.providers.JsonBody;
import dev.trinity.core.internal.providers.JsonEndpoint;
import dev.trinity.core.internal.providers.JsonHttpProvider;
import dev.trinity.core.internal.providers.ProviderSupport;
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
  protected ObjectNode encode(LlmRequest request, String model) {
    return encoder.encode(request, model);
  }

  /**
   * {@code "stream": true}, and the usage in a last event ({@code stream_options.include_usage}).
   */
  @Override
  protected void streaming(ObjectNode body) {
    body.put("stream", true);
    body.putObject("stream_options").put("include_usage", true);
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
