package dev.trinity.core.internal.providers.llamacpp;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.trinity.api.LlmRequest;
import dev.trinity.core.internal.providers.ProviderSupport;
import java.io.IOException;

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
  void encode(LlmRequest request, boolean stream, JsonGenerator out) throws IOException {
    out.writeStartObject();
    out.writeStringField("prompt", LlamaCppPrompt.render(request));
    out.writeArrayFieldStart("stop");
    out.writeString(LlamaCppPrompt.STOP);
    out.writeEndArray();
    out.writeBooleanField("stream", stream);
    out.writeBooleanField("cache_prompt", true);
    ProviderSupport.writeIfPresent(out, "n_predict", request.maxTokens());
    ProviderSupport.writeIfPresent(out, "temperature", request.temperature());
    ProviderSupport.writeIfPresent(out, "top_p", request.topP());
    ProviderSupport.writeIfPresent(out, "seed", request.seed());
    switch (request.responseFormat().kind()) {
      case JSON:
        out.writeObjectFieldStart("json_schema");
        out.writeStringField("type", "object");
        out.writeEndObject();
        break;
      case JSON_SCHEMA:
        out.writeFieldName("json_schema");
        out.writeTree(ProviderSupport.schema(request.responseFormat()));
        break;
      case TEXT:
      default:
        break;
    }
    out.writeEndObject();
  }
}
