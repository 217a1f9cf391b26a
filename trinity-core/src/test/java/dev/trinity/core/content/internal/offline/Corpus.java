package dev.trinity.core.content.internal.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The evaluation corpus under src/test/resources/portfolios: every portfolio that has a {@code
 * <name>.expected.json} beside it. The expected file gives the shape, the projects (name, language,
 * stars, url; null where the portfolio does not say) and, optionally, the personal data in the
 * portfolio ({@code personal}) that must never reach any output field.
 */
public final class Corpus {
  private static final ObjectMapper JSON = new ObjectMapper();

  public record Expected(
      String name, @Nullable String language, @Nullable Integer stars, @Nullable String url) {}

  public record Entry(
      String file,
      String text,
      Shape shape,
      @Nullable String brand,
      List<Expected> projects,
      List<String> personal) {
    @Override
    public String toString() {
      return file;
    }
  }

  private Corpus() {}

  static Path directory() {
    try {
      return Path.of(Corpus.class.getResource("/portfolios").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static List<Entry> entries() {
    Path dir = directory();
    List<Entry> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path expected :
          files.filter(p -> p.toString().endsWith(".expected.json")).sorted().toList()) {
        String base = expected.getFileName().toString().replace(".expected.json", "");
        Path portfolio;
        try (Stream<Path> siblings = Files.list(dir)) {
          portfolio =
              siblings
                  .filter(p -> p.getFileName().toString().startsWith(base + "."))
                  .filter(p -> !p.equals(expected))
                  .findFirst()
                  .orElseThrow(() -> new IllegalStateException("no portfolio for " + expected));
        }
        JsonNode node = JSON.readTree(expected.toFile());
        List<Expected> projects = new ArrayList<>();
        for (JsonNode p : node.path("projects")) {
          projects.add(
              new Expected(
                  p.path("name").asText(),
                  p.path("language").isNull() ? null : p.path("language").asText(),
                  p.path("stars").isNull() ? null : p.path("stars").asInt(),
                  p.path("url").isNull() ? null : p.path("url").asText()));
        }
        List<String> personal = new ArrayList<>();
        node.path("personal").forEach(s -> personal.add(s.asText()));
        out.add(
            new Entry(
                portfolio.getFileName().toString(),
                Files.readString(portfolio, StandardCharsets.UTF_8),
                Shape.ofId(node.path("shape").asText()),
                node.path("brand").isTextual() ? node.path("brand").asText() : null,
                projects,
                personal));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
