package dev.trinity.core.internal.providers;

import com.fasterxml.jackson.core.JsonGenerator;
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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
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
   * @param out the generator, inside the body's object
   * @throws IOException when the generator fails
   */
  public static void writeChatMessages(LlmRequest request, JsonGenerator out) throws IOException {
    out.writeArrayFieldStart("messages");
    Optional<String> system = request.systemPrompt();
    if (system.isPresent()) {
      writeMessage(out, Role.SYSTEM.wireName(), system.get());
    }
    for (Message m : request.messages()) {
      writeMessage(out, m.role().wireName(), m.content());
    }
    out.writeEndArray();
  }

  private static void writeMessage(JsonGenerator out, String role, String content)
      throws IOException {
    out.writeStartObject();
    out.writeStringField("role", role);
    out.writeStringField("content", content);
    out.writeEndObject();
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
   * Writes a numeric field when the value is present; leaves the field out otherwise.
   *
   * @param out the generator, inside an object
   * @param field the field's name
   * @param value the value, if any
   * @throws IOException when the generator fails
   */
  public static void writeIfPresent(
      JsonGenerator out, String field, Optional<? extends Number> value) throws IOException {
    if (value.isEmpty()) {
      return;
    }
    Number n = value.get();
    out.writeFieldName(field);
    if (n instanceof Integer i) {
      out.writeNumber(i);
    } else if (n instanceof Long l) {
      out.writeNumber(l);
    } else if (n instanceof Double d) {
      out.writeNumber(d);
    } else if (n instanceof Float f) {
      out.writeNumber(f);
    } else {
      out.writeNumber(new BigDecimal(n.toString()));
    }
  }

  /** Writes one request body's fields into an open generator. */
  @FunctionalInterface
  public interface BodyWriter {
    /**
     * Writes the body's JSON object, start to end.
     *
     * @param out the generator
     * @throws IOException when the generator fails
     */
    void write(JsonGenerator out) throws IOException;
  }

  /**
   * A request body as UTF-8 JSON bytes, written field by field with no tree in between.
   *
   * @param provider the provider's name, for the error
   * @param body writes the body
   * @return the bytes
   * @throws ProviderException when the body cannot be written (a schema tree that will not
   *     serialize)
   */
  public static byte[] json(String provider, BodyWriter body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    try (JsonGenerator out = JSON.createGenerator(bytes)) {
      body.write(out);
    } catch (IOException e) {
      throw new ProviderException(
          provider,
          ProviderException.NO_STATUS,
          provider + " request body could not be written as JSON",
          false,
          e);
    }
    return bytes.toByteArray();
  }
}
