package dev.trinity.core.internal.providers.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trinity.api.ConfigurationException;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.Message;
import dev.trinity.api.ProviderConfig;
import dev.trinity.core.internal.providers.ProviderSupport;
import dev.trinity.core.internal.providers.RequestJson;
import java.util.Optional;
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
  private final @Nullable String keepAlive;

  OllamaRequestEncoder(ProviderConfig config, OllamaApi api) {
    this.api = api;
    JsonNode k = keepAlive(config);
    this.keepAlive = k == null ? null : ProviderSupport.jsonText(OllamaProviderFactory.NAME, k);
  }

  void encode(LlmRequest request, String model, boolean stream, RequestJson out) {
    out.startObject().field("model", model);
    if (api == OllamaApi.CHAT) {
      ProviderSupport.writeChatMessages(request, out);
    } else {
      out.field(
          "prompt",
          request.messages().stream().map(Message::content).collect(Collectors.joining("\n\n")));
      Optional<String> system = request.systemPrompt();
      if (system.isPresent()) {
        out.field("system", system.get());
      }
    }
    out.field("stream", stream);
    switch (request.responseFormat().kind()) {
      case JSON:
        out.field("format", "json");
        break;
      case JSON_SCHEMA:
        out.field("format")
            .rawValue(
                ProviderSupport.jsonText(
                    OllamaProviderFactory.NAME, ProviderSupport.schema(request.responseFormat())));
        break;
      case TEXT:
      default:
        break;
    }
    if (request.temperature().isPresent()
        || request.topP().isPresent()
        || request.maxTokens().isPresent()
        || request.seed().isPresent()) {
      out.field("options")
          .startObject()
          .fieldIfPresent("temperature", request.temperature())
          .fieldIfPresent("top_p", request.topP())
          .fieldIfPresent("num_predict", request.maxTokens())
          .fieldIfPresent("seed", request.seed())
          .endObject();
    }
    if (keepAlive != null) {
      out.field(KEEP_ALIVE).rawValue(keepAlive);
    }
    out.endObject();
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
