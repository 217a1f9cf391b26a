package dev.trinity.core.internal.providers.llamacpp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trinity.api.LlmRequest;
import dev.trinity.core.internal.providers.ProviderSupport;

/**
 * Writes an {@link LlmRequest} as a llama.cpp {@code /completion} body.
 *
 * <pre>{@code
 * {"prompt": "...", "stop": ["\nUser:"], "stream": false, "cache_prompt": true,
 *  "n_predict", "temperature", "top_p", "seed",       // only those set
 *  "json_schema": {schema} | {"type": "object"}}        // JSON_SCHEMA | JSON
 * }</pre>
 *
 * <p>The model is not sent: a llama.cpp server serves the one model it was started with.
 */
final class LlamaCppRequestEncoder {
  ObjectNode encode(LlmRequest request) {
    ObjectNode body = ProviderSupport.JSON.createObjectNode();
    body.put("prompt", LlamaCppPrompt.render(request));
    body.putArray("stop").add(LlamaCppPrompt.STOP);
    body.put("stream", false);
    body.put("cache_prompt", true);
    ProviderSupport.putIfPresent(body, "n_predict", request.maxTokens());
    ProviderSupport.putIfPresent(body, "temperature", request.temperature());
    ProviderSupport.putIfPresent(body, "top_p", request.topP());
    ProviderSupport.putIfPresent(body, "seed", request.seed());
    switch (request.responseFormat().kind()) {
      case JSON:
        body.putObject("json_schema").put("type", "object");
        break;
      case JSON_SCHEMA:
        body.set("json_schema", ProviderSupport.schema(request.responseFormat()));
        break;
      case TEXT:
      default:
        break;
    }
    return body;
  }
}
