package dev.trinity.core.internal.providers.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.ResponseFormat;
import dev.trinity.core.internal.providers.ProviderSupport;

/**
 * Writes an {@link LlmRequest} as a {@code /v1/chat/completions} body.
 *
 * <pre>{@code
 * {"model": "...", "messages": [{"role": "system", ...}, ...], "stream": false,
 *  "temperature", "top_p", "max_tokens", "seed",            // only those set
 *  "response_format": {"type": "json_object"}
 *                   | {"type": "json_schema",
 *                      "json_schema": {"name": "...", "schema": {...}, "strict": true}}}
 * }</pre>
 */
final class OpenAiRequestEncoder {
  ObjectNode encode(LlmRequest request, String model) {
    ObjectNode body = ProviderSupport.JSON.createObjectNode();
    body.put("model", model);
    body.set("messages", ProviderSupport.chatMessages(request));
    body.put("stream", false);
    ProviderSupport.putIfPresent(body, "temperature", request.temperature());
    ProviderSupport.putIfPresent(body, "top_p", request.topP());
    ProviderSupport.putIfPresent(body, "max_tokens", request.maxTokens());
    ProviderSupport.putIfPresent(body, "seed", request.seed());
    ResponseFormat format = request.responseFormat();
    switch (format.kind()) {
      case JSON:
        body.putObject("response_format").put("type", "json_object");
        break;
      case JSON_SCHEMA:
        ObjectNode schema = body.putObject("response_format").put("type", "json_schema");
        schema
            .putObject("json_schema")
            .put("name", format.schemaName().orElse("response"))
            .<ObjectNode>set("schema", ProviderSupport.schema(format))
            .put("strict", true);
        break;
      case TEXT:
      default:
        break;
    }
    return body;
  }
}
