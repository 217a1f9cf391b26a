package dev.trinity.core.internal.providers.ollama;

import dev.trinity.api.LlmChunk;
import dev.trinity.api.Usage;
import dev.trinity.core.internal.providers.JsonBody;
import dev.trinity.core.internal.providers.StreamDecoder;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads Ollama's streamed answer: one JSON object per line (NDJSON), each with a piece of {@code
 * message.content} (chat) or {@code response} (generate); the line with {@code "done": true}
 * carries {@code done_reason}, {@code prompt_eval_count} and {@code eval_count}. A line {@code
 * {"error": "..."}} fails the stream.
 */
final class OllamaStreamDecoder implements StreamDecoder {
  private final OllamaApi api;
  private final @Nullable String secret;

  OllamaStreamDecoder(OllamaApi api, @Nullable String secret) {
    this.api = api;
    this.secret = secret;
  }

  @Override
  public List<LlmChunk> line(String line) {
    if (line.isBlank()) {
      return List.of();
    }
    JsonBody body = JsonBody.parse(OllamaProviderFactory.NAME, 200, line, secret);
    StreamDecoder.throwIfError(body);
    List<LlmChunk> out = new ArrayList<>(2);
    String text = body.text(api.textPointer).orElse("");
    if (!text.isEmpty()) {
      out.add(LlmChunk.text(text));
    }
    if (body.flag("/done")) {
      out.add(
          LlmChunk.last(
              new Usage(body.count("/prompt_eval_count"), body.count("/eval_count")),
              body.text("/done_reason").orElse(null),
              body.text("/model").orElse(null)));
    }
    return out;
  }
}
