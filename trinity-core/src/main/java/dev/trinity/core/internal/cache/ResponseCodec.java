package dev.trinity.core.internal.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.ResponseSource;
import dev.trinity.api.Usage;
import java.io.IOException;
import java.util.Optional;

/**
 * How an answer is stored in the cache: a small JSON object with a format version. Anything that is
 * not this format (another version, another program's value, a truncated string) decodes to empty
 * and counts as a miss.
 */
public final class ResponseCodec {
  /** The stored format's version. */
  public static final int VERSION = 1;

  private static final ObjectMapper JSON = new ObjectMapper();

  private ResponseCodec() {}

  /**
   * Encodes an answer for storage.
   *
   * @param response the answer
   * @return the stored form
   */
  public static String encode(LlmResponse response) {
    ObjectNode n = JSON.createObjectNode();
    n.put("v", VERSION);
    n.put("text", response.text());
    n.put("model", response.model());
    n.put("provider", response.provider());
    response.finishReason().ifPresent(f -> n.put("finish_reason", f));
    n.put("prompt_tokens", response.usage().promptTokens());
    n.put("completion_tokens", response.usage().completionTokens());
    return n.toString();
  }

  /**
   * Decodes a stored answer.
   *
   * @param stored the stored form
   * @param tier the tier that served it
   * @return the answer marked as served from that tier, or empty when unreadable
   */
  public static Optional<LlmResponse> decode(String stored, String tier) {
    try {
      JsonNode n = JSON.readTree(stored);
      if (n == null
          || !n.isObject()
          || n.path("v").asInt(-1) != VERSION
          || !n.path("text").isTextual()
          || !n.path("model").isTextual()
          || !n.path("provider").isTextual()) {
        return Optional.empty();
      }
      return Optional.of(
          LlmResponse.builder()
              .text(n.get("text").asText())
              .model(n.get("model").asText())
              .provider(n.get("provider").asText())
              .finishReason(n.hasNonNull("finish_reason") ? n.get("finish_reason").asText() : null)
              .usage(
                  new Usage(
                      Math.max(0, n.path("prompt_tokens").asInt()),
                      Math.max(0, n.path("completion_tokens").asInt())))
              .source(ResponseSource.CACHE, tier)
              .attempts(0)
              .build());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
