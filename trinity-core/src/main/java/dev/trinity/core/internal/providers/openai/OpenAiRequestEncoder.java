package dev.trinity.core.internal.providers.openai;

import dev.trinity.api.LlmRequest;
import dev.trinity.api.ResponseFormat;
import dev.trinity.core.internal.providers.ProviderSupport;
import dev.trinity.core.internal.providers.RequestJson;

/**
 * Writes an {@link LlmRequest} as a {@code /v1/chat/completions} body.
 *
 * <pre>{@code
 * {"model": "...", "messages": [{"role": "system", ...}, ...],
 *  "stream": false | true, "stream_options": {"include_usage": true},   // the latter when streaming
 *  "temperature", "top_p", "max_tokens", "seed",            // only those set
 *  "response_format": {"type": "json_object"}
 *                   | {"type": "json_schema",
 *                      "json_schema": {"name": "...", "schema": {...}, "strict": true}}}
 * }</pre>
 */
final class OpenAiRequestEncoder {
  void encode(LlmRequest request, String model, boolean stream, RequestJson out) {
    out.startObject().field("model", model);
    ProviderSupport.writeChatMessages(request, out);
    out.field("stream", stream);
    if (stream) {
      out.field("stream_options").startObject().field("include_usage", true).endObject();
    }
    out.fieldIfPresent("temperature", request.temperature())
        .fieldIfPresent("top_p", request.topP())
        .fieldIfPresent("max_tokens", request.maxTokens())
        .fieldIfPresent("seed", request.seed());
    ResponseFormat format = request.responseFormat();
    switch (format.kind()) {
      case JSON:
        out.field("response_format").startObject().field("type", "json_object").endObject();
        break;
      case JSON_SCHEMA:
        out.field("response_format")
            .startObject()
            .field("type", "json_schema")
            .field("json_schema")
            .startObject()
            .field("name", format.schemaName().orElse("response"))
            .field("schema")
            .rawValue(
                ProviderSupport.jsonText(
                    OpenAiProviderFactory.NAME, ProviderSupport.schema(format)))
            .field("strict", true)
            .endObject()
            .endObject();
        break;
      case TEXT:
      default:
        break;
    }
    out.endObject();
  }
}
