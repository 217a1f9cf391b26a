package dev.trinity.cli.internal;

import dev.trinity.api.content.GeneratedContent;
import dev.trinity.core.content.ContentDocuments;
import java.nio.file.Path;

/** Writes what a build produces into an item's directory. */
final class OutputFiles {
  static final String CONTENT_FILE = "content.json";

  private OutputFiles() {}

  /**
   * Writes {@code content.json}: how the content was made (source, original source, provider,
   * model, attempts, repairs, tokens, time, correlation id, warnings), then the content with the
   * schema's names.
   */
  static Path writeContent(Path dir, GeneratedContent g) {
    return ContentDocuments.write(dir.resolve(CONTENT_FILE), g);
  }
}
