package dev.trinity.cli.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trinity.api.content.GeneratedContent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes what a build produces into an item's directory. */
final class OutputFiles {
  static final String CONTENT_FILE = "content.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private OutputFiles() {}

  /**
   * Writes {@code content.json}: how the content was made (source, provider, model, attempts,
   * tokens, time, correlation id, warnings), then the content with the schema's names.
   */
  static Path writeContent(Path dir, GeneratedContent g) {
    ObjectNode root = JSON.createObjectNode();
    root.put("source", Progress.sourceOf(g));
    root.put("theme", g.theme());
    root.put("provider", g.provider());
    root.put("model", g.model());
    root.put("attempts", g.attempts());
    root.put("prompt_tokens", g.usage().promptTokens());
    root.put("completion_tokens", g.usage().completionTokens());
    root.put("duration_ms", g.duration().toMillis());
    root.put("correlation_id", g.correlationId());
    g.warnings().forEach(root.putArray("warnings")::add);
    root.set("content", JSON.valueToTree(g.content()));
    Path file = dir.resolve(CONTENT_FILE);
    try {
      Files.createDirectories(dir);
      Files.writeString(file, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
    }
    return file;
  }
}
