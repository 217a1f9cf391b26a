package dev.trinity.core.internal.providers.llamacpp;

import dev.trinity.api.LlmResponse;
import dev.trinity.api.Usage;
import dev.trinity.core.internal.providers.JsonBody;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@code /completion} answer: {@code content} (required), {@code tokens_evaluated} / {@code
 * tokens_predicted} as usage, {@code model} (the requested model when absent), and the finish
 * reason from {@code stop_type} ({@code eos}, {@code word} → {@code stop}; {@code limit} → {@code
 * length}) or, on older servers, from {@code stopped_eos} / {@code stopped_word} / {@code
 * stopped_limit}.
 */
final class LlamaCppResponseDecoder {
  private LlamaCppResponseDecoder() {}

  static LlmResponse.Builder decode(JsonBody body, String requestedModel) {
    String text = body.requireText("/content");
    return LlmResponse.builder()
        .text(text)
        .model(body.text("/model").filter(m -> !m.isBlank()).orElse(requestedModel))
        .finishReason(finishReason(body))
        .usage(new Usage(body.count("/tokens_evaluated"), body.count("/tokens_predicted")));
  }

  static @Nullable String finishReason(JsonBody body) {
    String type = body.text("/stop_type").map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
    switch (type) {
      case "eos":
      case "word":
        return "stop";
      case "limit":
        return "length";
      default:
        break;
    }
    if (body.flag("/stopped_limit")) {
      return "length";
    }
    if (body.flag("/stopped_eos") || body.flag("/stopped_word")) {
      return "stop";
    }
    return null;
  }
}
