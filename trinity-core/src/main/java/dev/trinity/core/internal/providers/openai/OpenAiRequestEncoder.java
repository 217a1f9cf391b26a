package dev.trinity.core.internal.providers.openai;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.ResponseFormat;
import dev.trinity.core.internal.providers.ProviderSupport;
import java.io.IOException;

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
  void encode(LlmRequest request, String model, boolean stream, JsonGenerator out)
      throws IOException {
    out.writeStartObject();
    out.writeStringField("model", model);
    ProviderSupport.writeChatMessages(request, out);
    out.writeBooleanField("stream", stream);
    if (stream) {
      out.writeObjectFieldStart("stream_options");
      out.writeBooleanField("include_usage", true);
      out.writeEndObject();
    }
    ProviderSupport.writeIfPresent(out, "temperature", request.temperature());
    ProviderSupport.writeIfPresent(out, "top_p", request.topP());
    ProviderSupport.writeIfPresent(out, "max_tokens", request.maxTokens());
    ProviderSupport.writeIfPresent(out, "seed", request.seed());
    ResponseFormat format = request.responseFormat();
    switch (format.kind()) {
      case JSON:
        out.writeObjectFieldStart("response_format");
        out.writeStringField("type", "json_object");
        out.writeEndObject();
        break;
      case JSON_SCHEMA:
        out.writeObjectFieldStart("response_format");
        out.writeStringField("type", "json_schema");
        out.writeObjectFieldStart("json_schema");
        out.writeStringField("name", format.schemaName().orElse("response"));
        out.writeFieldName("schema");
        out.writeTree(ProviderSupport.schema(format));
        out.writeBooleanField("strict", true);
        out.writeEndObject();
        out.writeEndObject();
        break;
      case TEXT:
      default:
        break;
    }
    out.writeEndObject();
  }
}
