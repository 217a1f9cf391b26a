package dev.trinity.core.internal.providers;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trinity.api.InvalidInputException;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.Message;
import dev.trinity.api.ResponseFormat;
import dev.trinity.api.Role;
import java.net.URI;
import java.util.Optional;

/** Request-side helpers the built-in providers share: the model, URLs and JSON building. */
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
   * The conversation in chat-API shape: the system prompt first (role {@code system}), then each
   * message with its role's wire name.
   *
   * @param request the request
   * @return a new array of {@code {"role", "content"}} objects
   */
  public static ArrayNode chatMessages(LlmRequest request) {
    ArrayNode messages = JSON.createArrayNode();
    request
        .systemPrompt()
        .ifPresent(s -> messages.addObject().put("role", Role.SYSTEM.wireName()).put("content", s));
    for (Message m : request.messages()) {
      messages.addObject().put("role", m.role().wireName()).put("content", m.content());
    }
    return messages;
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
   * Sets a numeric field when the value is present; leaves the field out otherwise.
   *
   * @param node the object to add to
   * @param field the field's name
   * @param value the value, if any
   */
  public static void putIfPresent(ObjectNode node, String field, Optional<? extends Number> value) {
    value.ifPresent(v -> node.set(field, JSON.valueToTree(v)));
  }
}
