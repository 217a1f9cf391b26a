package dev.trinity.core.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trinity.api.content.ContentEngine;
import dev.trinity.api.content.ContentRequest;
import dev.trinity.api.content.GeneratedContent;
import dev.trinity.api.content.SiteContent;
import dev.trinity.core.Trinity;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON document of a result: provenance first, then the content with the schema's names. */
class ContentDocumentsTest {
  @TempDir Path dir;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aCachedResultIsWrittenWithItsProvenanceAndContentThatReadsBack() throws Exception {
    Path cacheDir = dir.resolve("cache");
    ContentRequest request = ContentRequest.of(OfflineAndFallbackTest.fixture(), "hacker");
    GeneratedContent cached;
    try (Trinity trinity = ContentProvenanceTest.offlineWithFilesystemCache(cacheDir)) {
      ContentEngine engine = ContentEngines.create(trinity);
      engine.generate(request);
      cached = engine.generate(request);
    }

    Path file = ContentDocuments.write(dir.resolve("out/nested/content.json"), cached);

    JsonNode root = JSON.readTree(Files.readString(file));
    assertThat(root.path("source").asText()).isEqualTo("cache");
    assertThat(root.path("original_source").asText()).isEqualTo("offline");
    assertThat(root.path("theme").asText()).isEqualTo("hacker");
    assertThat(root.path("provider").asText()).isEqualTo("offline");
    assertThat(root.path("attempts").asInt()).isZero();
    assertThat(root.path("repairs").asInt()).isZero();
    assertThat(root.path("correlation_id").asText()).isEqualTo(cached.correlationId());
    assertThat(root.path("content").has("brand_name")).isTrue();
    assertThat(JSON.treeToValue(root.path("content"), SiteContent.class))
        .isEqualTo(cached.content());
    assertThat(Files.readString(file)).endsWith("}\n").isEqualTo(ContentDocuments.toJson(cached));
  }

  @Test
  void aFileThatCannotBeWrittenIsNamedInTheError() throws Exception {
    GeneratedContent result;
    try (Trinity trinity = ContentProvenanceTest.offlineWithFilesystemCache(dir.resolve("c"))) {
      result =
          ContentEngines.create(trinity)
              .generate(ContentRequest.of(OfflineAndFallbackTest.fixture(), "minimalist"));
    }
    Path blocker = Files.writeString(dir.resolve("blocker"), "a file, not a directory");

    assertThatThrownBy(() -> ContentDocuments.write(blocker.resolve("content.json"), result))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("could not write " + blocker.resolve("content.json"));
  }
}
