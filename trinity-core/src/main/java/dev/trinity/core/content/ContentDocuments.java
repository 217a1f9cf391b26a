package dev.trinity.core.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trinity.api.content.GeneratedContent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * The JSON document of a generated result, as the command line's {@code content.json} and the quick
 * start write it: how the content was made ({@code source}, {@code original_source}, {@code theme},
 * {@code provider}, {@code model}, {@code attempts}, {@code repairs}, {@code prompt_tokens}, {@code
 * completion_tokens}, {@code duration_ms}, {@code correlation_id}, {@code warnings}), then {@code
 * content} with the schema's names. Sources are written in lower case ({@code llm}, {@code cache},
 * {@code offline}, {@code fallback}).
 *
 * <p>Thread-safe: stateless.
 */
public final class ContentDocuments {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ContentDocuments() {}

  /**
   * The document of a result, indented, ending with a line break.
   *
   * @param result the result
   * @return the JSON text
   */
  public static String toJson(GeneratedContent result) {
    Objects.requireNonNull(result, "result");
    ObjectNode root = JSON.createObjectNode();
    root.put("source", result.source().name().toLowerCase(Locale.ROOT));
    root.put("original_source", result.originalSource().name().toLowerCase(Locale.ROOT));
    root.put("theme", result.theme());
    root.put("provider", result.provider());
    root.put("model", result.model());
    root.put("attempts", result.attempts());
    root.put("repairs", result.repairs());
    root.put("prompt_tokens", result.usage().promptTokens());
    root.put("completion_tokens", result.usage().completionTokens());
    root.put("duration_ms", result.duration().toMillis());
    root.put("correlation_id", result.correlationId());
    result.warnings().forEach(root.putArray("warnings")::add);
    root.set("content", JSON.valueToTree(result.content()));
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("content could not be written as JSON", e);
    }
  }

  /**
   * Writes the document of a result to a file, creating its parent directories.
   *
   * @param file the file to write (replaced when it exists)
   * @param result the result
   * @return {@code file}
   * @throws UncheckedIOException when the file cannot be written; the message names it
   */
  public static Path write(Path file, GeneratedContent result) {
    Objects.requireNonNull(file, "file");
    String json = toJson(result);
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, json, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
    }
  }
}
