package dev.trinity.core.internal.providers.openai;

import dev.trinity.api.LlmResponse;
import dev.trinity.api.Usage;
import dev.trinity.core.internal.providers.JsonBody;

/**
 * Reads a chat completion: the text from {@code choices[0].message.content} (required; a null
 * content, as for a refusal or a tool call, is malformed), {@code choices[0].finish_reason}, {@code
 * usage.prompt_tokens} / {@code usage.completion_tokens} and {@code model}. A 2xx body carrying
 * {@code {"error": {...}}} instead of choices fails with the error's message.
 */
final class OpenAiResponseDecoder {
  private OpenAiResponseDecoder() {}

  static LlmResponse.Builder decode(JsonBody body, String requestedModel) {
    String text = body.requireText("/choices/0/message/content");
    return LlmResponse.builder()
        .text(text)
        .model(body.text("/model").orElse(requestedModel))
        .finishReason(body.text("/choices/0/finish_reason").orElse(null))
        .usage(
            new Usage(body.count("/usage/prompt_tokens"), body.count("/usage/completion_tokens")));
  }
}
