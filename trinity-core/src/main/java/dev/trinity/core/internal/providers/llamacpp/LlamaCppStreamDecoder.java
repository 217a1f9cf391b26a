package dev.trinity.core.internal.providers.llamacpp;

import dev.trinity.api.LlmChunk;
import dev.trinity.api.Usage;
import dev.trinity.core.internal.providers.JsonBody;
import dev.trinity.core.internal.providers.SseEvents;
import dev.trinity.core.internal.providers.StreamDecoder;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads llama.cpp's streamed {@code /completion}: server-sent events whose data has a piece of
 * {@code content}; the event with {@code "stop": true} carries {@code tokens_evaluated}, {@code
 * tokens_predicted} and the stop type, read as {@link LlamaCppResponseDecoder} reads them, and ends
 * the stream. An event carrying {@code {"error": ...}} fails it.
 */
final class LlamaCppStreamDecoder implements StreamDecoder {
  private final SseEvents events = new SseEvents();
  private final @Nullable String secret;

  LlamaCppStreamDecoder(@Nullable String secret) {
    this.secret = secret;
  }

  @Override
  public List<LlmChunk> line(String line) {
    String data = events.line(line);
    return data == null ? List.of() : event(data);
  }

  @Override
  public List<LlmChunk> end() {
    String data = events.end();
    return data == null ? List.of() : event(data);
  }

  private List<LlmChunk> event(String data) {
    JsonBody body = JsonBody.parse(LlamaCppProviderFactory.NAME, 200, data, secret);
    StreamDecoder.throwIfError(body);
    List<LlmChunk> out = new ArrayList<>(2);
    String text = body.text("/content").orElse("");
    if (!text.isEmpty()) {
      out.add(LlmChunk.text(text));
    }
    if (body.flag("/stop")) {
      out.add(
          LlmChunk.last(
              new Usage(body.count("/tokens_evaluated"), body.count("/tokens_predicted")),
              LlamaCppResponseDecoder.finishReason(body),
              body.text("/model").filter(m -> !m.isBlank()).orElse(null)));
    }
    return out;
  }
}
