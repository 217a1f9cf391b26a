package dev.trinity.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trinity.core.LlmConfig;
import dev.trinity.core.Trinity;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickStartTest {
  @TempDir Path dir;
  final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  String printed() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  @Test
  void withoutAModelItSaysSoInOneLineAndRunsOffline() throws Exception {
    MockWebServer gone = new MockWebServer();
    gone.start();
    String url = gone.url("/").toString();
    gone.close();

    try (Trinity trinity = QuickStart.open(Map.of("LLM_API_URL", url), out)) {
      assertThat(trinity.provider().name()).isEqualTo("offline");
    }
    assertThat(printed().lines())
        .singleElement()
        .asString()
        .startsWith("No LLM configured (LLM_PROVIDER) and Ollama does not answer at " + url)
        .endsWith("running with the offline provider (rule-based extraction, no model).");
  }

  @Test
  void anOllamaThatAnswersIsUsed() throws Exception {
    try (MockWebServer ollama = new MockWebServer()) {
      ollama.enqueue(new MockResponse.Builder().code(200).body("{\"models\":[]}").build());
      ollama.start();

      try (Trinity trinity =
          QuickStart.open(Map.of("LLM_API_URL", ollama.url("/").toString()), out)) {
        assertThat(trinity.provider().name()).isEqualTo("ollama");
      }
      assertThat(ollama.takeRequest().getUrl().encodedPath()).isEqualTo("/api/tags");
      assertThat(printed()).isEmpty();
    }
  }

  @Test
  void aConfiguredProviderIsUsedWithoutProbing() {
    try (Trinity trinity = QuickStart.open(Map.of("LLM_PROVIDER", "offline"), out)) {
      assertThat(trinity.provider().name()).isEqualTo("offline");
    }
    assertThat(printed()).isEmpty();
  }

  @Test
  void generatesTheThreeSamplesInThreeThemesAndWritesTheirJson() throws Exception {
    int status;
    try (Trinity trinity =
        Trinity.builder()
            .llm(LlmConfig.builder().provider("offline").build())
            .cache(
                dev.trinity.cache.CacheConfig.builder()
                    .tiers(dev.trinity.cache.TierType.MEMORY)
                    .build())
            .build()) {
      status = QuickStart.run(trinity, dir, out);
    }

    assertThat(status).isZero();
    assertThat(printed())
        .contains("brutalist")
        .contains("hacker")
        .contains("minimalist")
        .contains("source=offline")
        .contains("cache:")
        .contains("8 of 8 generated")
        .contains("layout-breaker.md: no overflow in 5 of 5 themes");
    JsonNode brutalist =
        new ObjectMapper().readTree(Files.readString(dir.resolve("ada-kowalska.brutalist.json")));
    assertThat(brutalist.path("source").asText()).isEqualTo("offline");
    assertThat(brutalist.at("/content/brand_name").asText()).isEqualTo("ADA KOWALSKA");
    assertThat(brutalist.at("/content/repos/0/name").asText()).isEqualTo("KUBE-JANITOR-RS");
    assertThat(dir.resolve("marco-rossi-resume.hacker.json")).exists();
    assertThat(dir.resolve("github-dashboard-lin.minimalist.json")).exists();
    assertThat(dir.resolve("ada-kowalska/brutalist/index.html")).content().contains("ADA KOWALSKA");
    assertThat(dir.resolve("ada-kowalska/brutalist/assets/theme.css")).exists();
    // The breaker's pages heal from the predicted plan, and still say which fixes they carry.
    List<String> breakerPages = new java.util.ArrayList<>();
    String sample = "";
    for (String line : printed().lines().toList()) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("^\\S+\\s+(\\S+\\.(md|txt))\\s+source=").matcher(line);
      if (m.find()) {
        sample = m.group(1);
      } else if (sample.equals("layout-breaker.md") && line.startsWith("  page: ")) {
        breakerPages.add(line);
      }
    }
    assertThat(breakerPages)
        .hasSize(5)
        .allSatisfy(l -> assertThat(l).startsWith("  page: clean after "));
    assertThat(
            breakerPages.stream()
                .filter(
                    java.util.regex.Pattern.compile(
                            "\\): .*[a-z_]+\\[\\d+\\] (break_word|font_shrink|truncate|content_cut)")
                        .asPredicate()))
        .as("breaker pages that report their fixes")
        .hasSizeGreaterThanOrEqualTo(3);
    for (String theme : List.of("brutalist", "hacker", "minimalist", "enterprise", "editorial")) {
      Path page = dir.resolve("layout-breaker").resolve(theme);
      assertThat(page.resolve("index.html")).exists();
      assertThat(dir.resolve("layout-breaker." + theme + ".json")).exists();
      if (dev.trinity.site.ChromiumGuardian.isInstalled()) {
        assertThat(page.resolve("screenshot.png")).isNotEmptyFile();
      }
    }
  }

  static Trinity offlineWithFilesystemCache(Path cacheDir) {
    return Trinity.builder()
        .llm(LlmConfig.builder().provider("offline").build())
        .cache(
            dev.trinity.cache.CacheConfig.builder()
                .tiers(dev.trinity.cache.TierType.MEMORY, dev.trinity.cache.TierType.FILESYSTEM)
                .filesystem(f -> f.directory(cacheDir))
                .build())
        .build();
  }

  @Test
  void theSecondRunIsServedByTheFilesystemCacheAndSaysSo() throws Exception {
    Path cacheDir = dir.resolve("cache");
    Path firstOut = dir.resolve("first");
    Path secondOut = dir.resolve("second");
    try (Trinity trinity = offlineWithFilesystemCache(cacheDir)) {
      assertThat(QuickStart.run(trinity, firstOut, out)).isZero();
    }
    String firstRun = printed();
    printed.reset();

    try (Trinity trinity = offlineWithFilesystemCache(cacheDir)) {
      assertThat(QuickStart.run(trinity, secondOut, out)).isZero();
    }

    assertThat(firstRun).contains("source=offline").doesNotContain("source=cache");
    assertThat(printed().lines().filter(l -> l.contains("source=cache (written by offline)")))
        .hasSize(QuickStart.JOBS.size());
    assertThat(printed()).doesNotContain("source=offline").contains("attempts=0");
    JsonNode brutalist =
        new ObjectMapper()
            .readTree(Files.readString(secondOut.resolve("ada-kowalska.brutalist.json")));
    assertThat(brutalist.path("source").asText()).isEqualTo("cache");
    assertThat(brutalist.path("original_source").asText()).isEqualTo("offline");
    assertThat(brutalist.path("attempts").asInt()).isZero();
  }
}
