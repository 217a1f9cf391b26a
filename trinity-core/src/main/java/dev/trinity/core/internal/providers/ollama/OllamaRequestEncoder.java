package dev.trinity.core.internal.providers.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trinity.api.ConfigurationException;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.Message;
import dev.trinity.api.ProviderConfig;
import dev.trinity.core.internal.providers.ProviderSupport;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Writes an {@link LlmRequest} as an Ollama {@code /api/chat} or {@code /api/generate} body.
 *
 * <pre>{@code
 * {"model": "...", "messages": [{"role": "system", ...}, ...],   // chat
 *  "prompt": "...", "system": "...",                            // generate
 *  "stream": false, "format": "json" | {schema},
 *  "options": {"temperature", "top_p", "num_predict", "seed"},  // only those set
 *  "keep_alive": "5m" | 300}
 * }</pre>
 *
 * <p>{@code /api/generate} takes a single prompt: the messages' texts joined by blank lines (roles
 * are dropped; use the chat API for multi-turn conversations).
 */
final class OllamaRequestEncoder {
  /** The option's key in {@link ProviderConfig#options()}. */
  static final String KEEP_ALIVE = "keep_alive";

  private static final Pattern SECONDS = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final Pattern GO_DURATION =
      Pattern.compile("-?(\\d+(\\.\\d+)?(ns|us|µs|ms|s|m|h))+");

  private final OllamaApi api;
  private final @Nullable JsonNode keepAlive;

  OllamaRequestEncoder(ProviderConfig config, OllamaApi api) {
    this.api = api;
    this.keepAlive = keepAlive(config);
  }

  ObjectNode encode(LlmRequest request, String model) {
    ObjectNode body = ProviderSupport.JSON.createObjectNode();
    body.put("model", model);
    if (api == OllamaApi.CHAT) {
      body.set("messages", ProviderSupport.chatMessages(request));
    } else {
      body.put(
          "prompt",
          request.messages().stream().map(Message::content).collect(Collectors.joining("\n\n")));
      request.systemPrompt().ifPresent(s -> body.put("system", s));
    }
    body.put("stream", false);
    switch (request.responseFormat().kind()) {
      case JSON:
        body.put("format", "json");
        break;
      case JSON_SCHEMA:
        body.set("format", ProviderSupport.schema(request.responseFormat()));
        break;
      case TEXT:
      default:
        break;
    }
    ObjectNode options = ProviderSupport.JSON.createObjectNode();
    ProviderSupport.putIfPresent(options, "temperature", request.temperature());
    ProviderSupport.putIfPresent(options, "top_p", request.topP());
    ProviderSupport.putIfPresent(options, "num_predict", request.maxTokens());
    ProviderSupport.putIfPresent(options, "seed", request.seed());
    if (!options.isEmpty()) {
      body.set("options", options);
    }
    if (keepAlive != null) {
      body.set(KEEP_ALIVE, keepAlive);
    }
    return body;
  }

  /**
   * Reads {@code keep_alive}: a number of seconds ({@code 300}, {@code -1} for ever) is sent as a
   * number, a Go duration ({@code 5m}, {@code 1h30m}) as a string.
   */
  private static @Nullable JsonNode keepAlive(ProviderConfig config) {
    String v = config.option(KEEP_ALIVE).map(String::strip).orElse(null);
    if (v == null) {
      return null;
    }
    if (SECONDS.matcher(v).matches()) {
      return ProviderSupport.JSON.getNodeFactory().numberNode(new java.math.BigDecimal(v));
    }
    if (GO_DURATION.matcher(v).matches()) {
      return ProviderSupport.JSON.getNodeFactory().textNode(v);
    }
    throw new ConfigurationException(
        "llm.options." + KEEP_ALIVE,
        "must be seconds (300, -1 to keep the model loaded) or a duration such as 5m or 1h30m,"
            + " was '"
            + v
            + "'");
  }
}
