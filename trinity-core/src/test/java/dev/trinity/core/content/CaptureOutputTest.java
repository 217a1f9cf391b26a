package dev.trinity.core.content;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trinity.api.content.GeneratedContent;
import dev.trinity.core.Trinity;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CaptureOutputTest {
  @Test
  void capture() throws Exception {
    Path in = Path.of(System.getProperty("capture.in"));
    Path out = Path.of(System.getProperty("capture.out"));
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode node = json.createObjectNode();
    try (Trinity trinity = OfflineAndFallbackTest.offline()) {
      try {
        GeneratedContent r = ContentEngines.create(trinity).generate(in, "brutalist");
        node.put("source", r.source().name());
        node.set("warnings", json.valueToTree(r.warnings()));
        node.set("content", json.valueToTree(r.content()));
      } catch (RuntimeException e) {
        node.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }
    Files.writeString(out, json.writeValueAsString(node));
  }
}
