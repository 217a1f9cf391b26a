package dev.trinity.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trinity.site.ChromiumGuardian;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageBuildTest {
  /** A project name no line can hold: the layout check finds it and the healer fixes it. */
  static final String OVERFLOWING =
      """
      # Lin Chen

      ## Projects

      ### kubernetes-multi-cluster-federated-observability-pipeline-orchestrator-controller
      Ships metrics between clusters.
      Language: Go
      Stars: 12
      """;

  @TempDir Path dir;

  @Test
  void writesThePageAndSaysWhichFixesTheHealerApplied() throws Exception {
    Path out = dir.resolve("out");

    Cli.Result r = buildOverflowing(out, "brutalist", "text");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    Path item = out.resolve("lin/brutalist");
    assertThat(item.resolve("index.html")).isRegularFile();
    assertThat(Files.readString(item.resolve("index.html"))).contains("data-component=");
    assertThat(item.resolve("content.json")).isRegularFile();
    assertThat(item.resolve("screenshot.png")).doesNotExist();
    assertThat(r.err()).contains("Checking page layouts with text-metrics");
    String row = r.out().lines().filter(l -> l.startsWith("lin ")).findFirst().orElseThrow();
    assertThat(row).containsPattern(" (break_word|font_shrink|truncate|content_cut) 1 ");
    JsonNode layout = new ObjectMapper().readTree(item.resolve("layout.json").toFile());
    assertThat(layout.path("guardian").asText()).isEqualTo("text-metrics");
    assertThat(layout.path("clean").asBoolean()).isTrue();
    assertThat(layout.path("fixes").path("card_title[0]").asText())
        .isIn("break_word", "font_shrink", "truncate", "content_cut");
    assertThat(layout.path("overflows")).isEmpty();
  }

  @Test
  void theLayoutBreakerEndsCleanFromThePredictedPlanInFewerRenders() throws Exception {
    PredictCommandTest.findTheLayoutBreaker();
    Path out = dir.resolve("out");
    Path plain = dir.resolve("plain");
    String[] common = {"--theme", "hacker", "--provider", "offline", "--guardian", "text"};

    Cli.Result predicted = build(PredictCommandTest.breaker, out, common);
    Cli.Result escalated = build(PredictCommandTest.breaker, plain, common, "--no-predict");

    assertThat(predicted.exitCode()).as(predicted.toString()).isZero();
    assertThat(escalated.exitCode()).as(escalated.toString()).isZero();
    String row =
        predicted
            .out()
            .lines()
            .filter(l -> l.startsWith("layout-breaker "))
            .findFirst()
            .orElseThrow();
    assertThat(row)
        .containsPattern(" (break_word|font_shrink) \\d+")
        .doesNotContain("still overflows");
    JsonNode layout =
        new ObjectMapper().readTree(out.resolve("layout-breaker/hacker/layout.json").toFile());
    JsonNode without =
        new ObjectMapper().readTree(plain.resolve("layout-breaker/hacker/layout.json").toFile());
    assertThat(layout.path("clean").asBoolean()).isTrue();
    assertThat(layout.path("overflows")).isEmpty();
    // the predicted fixes are reported, though no check had to escalate to them
    assertThat(layout.path("fixes").size()).isGreaterThan(layout.path("escalated").size());
    assertThat(layout.path("fixes").path("card_title[0]").asText()).isNotEmpty();
    // without the predictor every fix comes from escalation, render after render
    assertThat(without.path("clean").asBoolean()).isTrue();
    assertThat(without.path("fixes")).isEqualTo(without.path("escalated"));
    assertThat(layout.path("renders").asInt()).isLessThan(without.path("renders").asInt());
  }

  /** Builds {@link #OVERFLOWING} as lin.md with the offline provider. */
  private Cli.Result buildOverflowing(Path out, String theme, String guardian) throws IOException {
    Path file = dir.resolve("lin.md");
    Files.writeString(file, OVERFLOWING);
    String[] options = {"--theme", theme, "--provider", "offline", "--guardian", guardian};
    return build(file, out, options);
  }

  private Cli.Result build(Path portfolio, Path out, String[] common, String... more) {
    List<String> args =
        new ArrayList<>(List.of("build", portfolio.toString(), "--out", out.toString()));
    args.addAll(List.of(common));
    args.addAll(List.of(more));
    return Cli.in(dir).run(args.toArray(String[]::new));
  }

  @Test
  void aPageThatFitsNeedsNoFixes() throws Exception {
    Path file = dir.resolve("ada.md");
    Files.writeString(file, BuildCommandTest.PORTFOLIO);

    Cli.Result r =
        Cli.in(dir)
            .run(
                "build-all",
                file.toString(),
                "--themes",
                "minimalist,hacker",
                "--out",
                dir.resolve("out").toString(),
                "--provider",
                "offline",
                "--guardian",
                "text");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out().lines().filter(l -> l.startsWith("ada ")))
        .hasSize(2)
        .allSatisfy(l -> assertThat(l).contains(" none "));
    assertThat(r.err()).contains("Pages [2/2]");
  }

  @Test
  void chromiumChecksTheLayoutAndTakesAScreenshot() throws Exception {
    boolean required = "1".equals(System.getenv("TRINITY_REQUIRE_CHROMIUM"));
    assumeTrue(
        ChromiumGuardian.isInstalled() || required,
        "Chromium is not installed at /usr/bin/chromium with /usr/bin/chromedriver: skipped (set"
            + " TRINITY_REQUIRE_CHROMIUM=1 to make its absence an error)");
    Path out = dir.resolve("out");

    Cli.Result r = buildOverflowing(out, "hacker", "chromium");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains("Checking page layouts with chromium");
    byte[] png = Files.readAllBytes(out.resolve("lin/hacker/screenshot.png"));
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    assertThat(r.out()).containsPattern(" (break_word|font_shrink|truncate|content_cut) 1 ");
    JsonNode layout = new ObjectMapper().readTree(out.resolve("lin/hacker/layout.json").toFile());
    assertThat(layout.path("guardian").asText()).isEqualTo("chromium");
    assertThat(layout.path("fixes").has("card_title[0]")).isTrue();
  }
}
