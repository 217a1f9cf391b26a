package dev.trinity.test.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.Message;
import dev.trinity.api.ProviderException;
import dev.trinity.api.Usage;
import dev.trinity.test.CassetteKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;

/**
 * One recorded exchange, as one cassette file: the request key, a summary of the request and the
 * answer (text, model, finish reason, usage) or the provider's error. Immutable.
 *
 * <p>Files are pretty-printed JSON with a fixed field order and {@code \n} line ends, so that a
 * re-recording diffs line by line in code review. Every string passes through a {@link SecretMask}
 * before it is written; latency and correlation ids are not written, since they change on every
 * run.
 *
 * @param key the request key ({@link CassetteKeys})
 * @param request the request summary
 * @param response the answer or the error
 */
public record Recording(String key, ObjectNode request, ObjectNode response) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectWriter PRETTY = JSON.writer(prettyPrinter());

  /** {@code status} of a recorded answer. */
  static final String OK = "ok";

  /** {@code status} of a recorded provider error. */
  static final String ERROR = "error";

  /**
   * Summarises a request, masked: provider, model, sampling options, response format,
   * prompt-template version, system prompt and messages. Absent options are left out.
   *
   * @param provider the provider's name
   * @param r the request as the provider received it
   * @param mask the secret mask
   * @return the summary
   */
  public static ObjectNode summarize(String provider, LlmRequest r, SecretMask mask) {
    ObjectNode n = JSON.createObjectNode();
    n.put("provider", provider);
    r.model().ifPresent(m -> n.put("model", m));
    r.temperature().ifPresent(t -> n.put("temperature", t));
    r.topP().ifPresent(t -> n.put("top_p", t));
    r.maxTokens().ifPresent(t -> n.put("max_tokens", t));
    r.seed().ifPresent(t -> n.put("seed", t));
    r.promptVersion().ifPresent(v -> n.put("prompt_version", mask.apply(v)));
    ObjectNode format = n.putObject("response_format");
    format.put("kind", r.responseFormat().kind().name().toLowerCase(java.util.Locale.ROOT));
    r.responseFormat().schemaName().ifPresent(s -> format.put("schema_name", s));
    r.responseFormat().schema().ifPresent(s -> format.put("schema", mask.apply(s)));
    r.systemPrompt().ifPresent(s -> n.put("system_prompt", mask.apply(s)));
    ArrayNode messages = n.putArray("messages");
    for (Message m : r.messages()) {
      ObjectNode o = messages.addObject();
      o.put("role", m.role().name().toLowerCase(java.util.Locale.ROOT));
      o.put("content", mask.apply(m.content()));
    }
    return n;
  }

  /**
   * Records an answer, masked.
   *
   * @param key the request key
   * @param request the request summary
   * @param answer the provider's answer
   * @param mask the secret mask
   * @return the recording
   */
  public static Recording ofAnswer(
      String key, ObjectNode request, LlmResponse answer, SecretMask mask) {
    ObjectNode n = JSON.createObjectNode();
    n.put("status", OK);
    n.put("provider", answer.provider());
    n.put("model", answer.model());
    answer.finishReason().ifPresent(f -> n.put("finish_reason", f));
    ObjectNode usage = n.putObject("usage");
    usage.put("prompt_tokens", answer.usage().promptTokens());
    usage.put("completion_tokens", answer.usage().completionTokens());
    n.put("text", mask.apply(answer.text()));
    return new Recording(key, request, n);
  }

  /**
   * Records an error the provider answered with, masked: its kind, HTTP status, whether it is
   * retryable, its retry-after and message.
   *
   * @param key the request key
   * @param request the request summary
   * @param error the provider's error
   * @param mask the secret mask
   * @return the recording
   */
  public static Recording ofError(
      String key, ObjectNode request, ProviderException error, SecretMask mask) {
    ObjectNode n = JSON.createObjectNode();
    n.put("status", ERROR);
    n.put("provider", error.provider());
    n.put("kind", error.kind().name());
    n.put("status_code", error.statusCode());
    n.put("retryable", error.isRetryable());
    error.retryAfter().ifPresent(d -> n.put("retry_after_ms", d.toMillis()));
    n.put("message", mask.apply(String.valueOf(error.getMessage())));
    return new Recording(key, request, n);
  }

  /**
   * Reads a cassette file.
   *
   * @param file the file
   * @return the recording
   * @throws IllegalArgumentException when the file is not a recording, naming the file and what is
   *     missing
   * @throws UncheckedIOException when it cannot be read
   */
  public static Recording read(Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cassette file " + file + " is not JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read cassette file " + file, e);
    }
    if (!(root instanceof ObjectNode o)
        || !o.path("key").isTextual()
        || !(o.get("request") instanceof ObjectNode request)
        || !(o.get("response") instanceof ObjectNode response)
        || !response.path("status").isTextual()) {
      throw new IllegalArgumentException(
          "cassette file "
              + file
              + " needs \"key\", \"request\" and \"response\" with a \"status\"");
    }
    String status = response.get("status").asText();
    if (!status.equals(OK) && !status.equals(ERROR)) {
      throw new IllegalArgumentException(
          "cassette file " + file + ": response status must be ok or error, was '" + status + "'");
    }
    return new Recording(o.get("key").asText(), request, response);
  }

  /**
   * Writes this recording into a directory as {@code <key>.json}, atomically: into a temporary file
   * in the same directory, then moved over the old one, so that a reader never sees half a file.
   *
   * @param directory the cassette's directory, created when missing
   * @return the file
   * @throws UncheckedIOException when it cannot be written
   */
  public Path writeTo(Path directory) {
    Path target = directory.resolve(key + ".json");
    try {
      Files.createDirectories(directory);
      // not createTempFile: its owner-only permissions would follow the file into the repository
      Path tmp = directory.resolve("." + key + "." + java.util.UUID.randomUUID() + ".tmp");
      try {
        Files.writeString(tmp, toJson(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        try {
          Files.move(
              tmp,
              target,
              java.nio.file.StandardCopyOption.ATOMIC_MOVE,
              java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
          Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write cassette file " + target, e);
    }
    return target;
  }

  /**
   * The file's text: pretty JSON, fixed field order, ending with a line break.
   *
   * @return the text
   */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("key", key);
    root.put("key_version", CassetteKeys.VERSION);
    root.set("request", request);
    root.set("response", response);
    return pretty(root) + "\n";
  }

  /**
   * The request summary as pretty JSON lines, for diffs.
   *
   * @return the text
   */
  public String requestText() {
    return pretty(request);
  }

  /**
   * Whether this recording is an error.
   *
   * @return true for a recorded provider error
   */
  public boolean isError() {
    return ERROR.equals(response.path("status").asText());
  }

  /**
   * The recorded answer.
   *
   * @return the response (latency zero, one attempt), or empty for a recorded error
   */
  public Optional<LlmResponse> answer() {
    if (isError()) {
      return Optional.empty();
    }
    JsonNode usage = response.path("usage");
    return Optional.of(
        LlmResponse.builder()
            .text(response.path("text").asText(""))
            .model(response.path("model").asText(""))
            .provider(response.path("provider").asText(""))
            .finishReason(
                response.hasNonNull("finish_reason")
                    ? response.get("finish_reason").asText()
                    : null)
            .usage(
                new Usage(
                    usage.path("prompt_tokens").asInt(0), usage.path("completion_tokens").asInt(0)))
            .build());
  }

  /**
   * The recorded error, rebuilt with its kind, status, retryability and retry-after.
   *
   * @param file where it was read from, named in the message
   * @return the error, or empty for a recorded answer
   */
  public Optional<ProviderException> error(Path file) {
    if (!isError()) {
      return Optional.empty();
    }
    ProviderException.Kind kind;
    try {
      kind = ProviderException.Kind.valueOf(response.path("kind").asText("OTHER"));
    } catch (IllegalArgumentException e) {
      kind = ProviderException.Kind.OTHER;
    }
    Duration retryAfter =
        response.hasNonNull("retry_after_ms")
            ? Duration.ofMillis(response.get("retry_after_ms").asLong())
            : null;
    return Optional.of(
        new ProviderException(
            response.path("provider").asText(""),
            kind,
            response.path("status_code").asInt(ProviderException.NO_STATUS),
            response.path("message").asText("") + " (replayed from " + file.getFileName() + ")",
            response.path("retryable").asBoolean(false),
            retryAfter,
            null));
  }

  private static String pretty(JsonNode node) {
    try {
      return PRETTY.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  private static DefaultPrettyPrinter prettyPrinter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    printer.indentObjectsWith(indenter);
    printer.indentArraysWith(indenter);
    return printer;
  }
}
