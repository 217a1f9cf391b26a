package dev.trinity.core.internal.providers.ollama;

import dev.trinity.api.LlmResponse;
import dev.trinity.api.Usage;
import dev.trinity.core.internal.providers.JsonBody;

/**
 * Reads an Ollama answer: the text from {@code message.content} (chat) or {@code response}
 * (generate), {@code model}, {@code done_reason} as the finish reason, and {@code
 * prompt_eval_count} / {@code eval_count} as usage (0 when absent, as for a cached prompt).
 */
final class OllamaResponseDecoder {
  private OllamaResponseDecoder() {}

  static LlmResponse.Builder decode(JsonBody body, OllamaApi api, String requestedModel) {
    String text = body.requireText(api.textPointer);
    return LlmResponse.builder()
        .text(text)
        .model(body.text("/model").orElse(requestedModel))
        .finishReason(body.text("/done_reason").orElse(null))
        .usage(new Usage(body.count("/prompt_eval_count"), body.count("/eval_count")));
  }
}
