package dev.trinity.core.internal.providers.llamacpp;

import dev.trinity.api.LlmRequest;
import dev.trinity.core.internal.providers.ProviderSupport;
import dev.trinity.core.internal.providers.RequestJson;

/**
 * Writes an {@link LlmRequest} as a llama.cpp {@code /completion} body.
 *
 * <pre>{@code
 * {"prompt": "...", "stop": ["\nUser:"], "stream": false | true, "cache_prompt": true,
 *  "n_predict", "temperature", "top_p", "seed",       // only those set
 *  "json_schema": {schema} | {"type": "object"}}        // JSON_SCHEMA | JSON
 * }</pre>
 *
 * <p>The model is not sent: a llama.cpp server serves the one model it was started with.
 */
final class LlamaCppRequestEncoder {
  void encode(LlmRequest request, boolean stream, RequestJson out) {
    out.startObject()
        .field("prompt", LlamaCppPrompt.render(request))
        .field("stop")
        .startArray()
        .value(LlamaCppPrompt.STOP)
        .endArray()
        .field("stream", stream)
        .field("cache_prompt", true)
        .fieldIfPresent("n_predict", request.maxTokens())
        .fieldIfPresent("temperature", request.temperature())
        .fieldIfPresent("top_p", request.topP())
        .fieldIfPresent("seed", request.seed());
    switch (request.responseFormat().kind()) {
      case JSON:
        out.field("json_schema").startObject().field("type", "object").endObject();
        break;
      case JSON_SCHEMA:
        out.field("json_schema")
            .rawValue(
                ProviderSupport.jsonText(
                    LlamaCppProviderFactory.NAME,
                    ProviderSupport.schema(request.responseFormat())));
        break;
      case TEXT:
      default:
        break;
    }
    out.endObject();
  }
}
