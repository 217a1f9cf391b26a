package dev.trinity.core.internal.providers.openai;

import dev.trinity.api.LlmChunk;
import dev.trinity.api.Usage;
import dev.trinity.core.internal.providers.JsonBody;
import dev.trinity.core.internal.providers.SseEvents;
import dev.trinity.core.internal.providers.StreamDecoder;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads a streamed chat completion: server-sent events whose data is a {@code
 * chat.completion.chunk} ({@code choices[0].delta.content}, {@code choices[0].finish_reason}),
 * then, asked for with {@code stream_options.include_usage}, one with empty choices and the {@code
 * usage}, then {@code [DONE]}, which ends the stream. An event carrying {@code {"error": ...}}
 * fails it.
 */
final class OpenAiStreamDecoder implements StreamDecoder {
  private final SseEvents events = new SseEvents();
  private final @Nullable String secret;
  private Usage usage = Usage.NONE;
  private @Nullable String finishReason;
  private @Nullable String model;

  OpenAiStreamDecoder(@Nullable String secret) {
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
    if (data.strip().equals("[DONE]")) {
      return List.of(LlmChunk.last(usage, finishReason, model));
    }
    JsonBody body = JsonBody.parse(OpenAiProviderFactory.NAME, 200, data, secret);
    StreamDecoder.throwIfError(body);
    body.text("/model").ifPresent(m -> model = m);
    body.text("/choices/0/finish_reason").ifPresent(r -> finishReason = r);
    if (body.root().path("usage").isObject()) {
      usage = new Usage(body.count("/usage/prompt_tokens"), body.count("/usage/completion_tokens"));
    }
    String text = body.text("/choices/0/delta/content").orElse("");
    return text.isEmpty() ? List.of() : List.of(LlmChunk.text(text));
  }
}
