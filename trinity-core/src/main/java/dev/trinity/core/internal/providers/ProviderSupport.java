package dev.trinity.core.internal.providers;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trinity.api.InvalidInputException;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.Message;
import dev.trinity.api.ProviderException;
import dev.trinity.api.ResponseFormat;
import dev.trinity.api.Role;
import java.net.URI;
import java.util.Optional;

/** Request-side helpers the built-in providers share: the model, URLs and JSON writing. */
public final class ProviderSupport {
  /**
   * The one Jackson mapper the built-in providers read and write JSON with. Thread-safe. It rejects
   * text after the first JSON value, so that a streamed (NDJSON) answer is reported as malformed
   * rather than silently cut to its first chunk.
   */
  public static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private ProviderSupport() {}

  /**
   * The model to ask for: the request's. The pipeline resolved it before the provider was called
   * (see {@link dev.trinity.api.LlmProvider#generate(LlmRequest)}), so a request without one was
   * not sent through the pipeline.
   *
   * @param request a complete request
   * @return the model name
   * @throws InvalidInputException when the request names no model
   */
  public static String model(LlmRequest request) {
    return request
        .model()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "request.model",
                    "is missing: a provider sends the model the pipeline resolved, so call it"
                        + " through Trinity's LlmClient or set the model on the request"));
  }

  /**
   * Appends a path to a base URL that has no trailing slash.
   *
   * @param baseUrl the base URL, such as {@code http://localhost:11434}
   * @param path the path, starting with {@code /}
   * @return the combined URL
   */
  public static URI resolve(URI baseUrl, String path) {
    return URI.create(baseUrl.toString() + path);
  }

  /**
   * Writes the conversation in chat-API shape as the field {@code "messages"}: the system prompt
   * first (role {@code system}), then each message with its role's wire name.
   *
   * @param request the request
   * @param out the body, inside its object
   */
  public static void writeChatMessages(LlmRequest request, RequestJson out) {
    out.field("messages").startArray();
    Optional<String> system = request.systemPrompt();
    if (system.isPresent()) {
      writeMessage(out, Role.SYSTEM.wireName(), system.get());
    }
    for (Message m : request.messages()) {
      writeMessage(out, m.role().wireName(), m.content());
    }
    out.endArray();
  }

  private static void writeMessage(RequestJson out, String role, String content) {
    out.startObject().field("role", role).field("content", content).endObject();
  }

  /**
   * The schema of a {@link ResponseFormat.Kind#JSON_SCHEMA} format as a JSON tree, to embed in a
   * request body as an object rather than a string.
   *
   * @param format a schema format
   * @return the schema object
   * @throws InvalidInputException when the schema text is not a JSON object
   */
  public static ObjectNode schema(ResponseFormat format) {
    String text = format.schema().orElse("");
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new InvalidInputException(
          "responseFormat.schema",
          "is not valid JSON"
              + (at == null
                  ? ""
                  : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"),
          null);
    }
    if (node == null || !node.isObject()) {
      throw new InvalidInputException("responseFormat.schema", "must be a JSON object");
    }
    return (ObjectNode) node;
  }

  /**
   * A JSON tree (a schema, an option) as JSON text, to write into a body with {@link
   * RequestJson#rawValue}.
   *
   * @param provider the provider's name, for the error
   * @param node the tree
   * @return the text
   * @throws ProviderException when the tree cannot be written
   */
  public static String jsonText(String provider, JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new ProviderException(
          provider,
          ProviderException.NO_STATUS,
          provider + " request body could not be written as JSON",
          false,
          e);
    }
  }
}
