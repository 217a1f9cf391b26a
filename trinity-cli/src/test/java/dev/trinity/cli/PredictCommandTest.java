package dev.trinity.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictCommandTest {
  static final List<String> LADDER =
      List.of("none", "break_word", "font_shrink", "truncate", "content_cut");
  static final String MODEL = "dev/trinity/site/risk/layout-risk-model.json";
  static final String META = "dev/trinity/site/risk/layout-risk-model.meta.json";

  static Path breaker;

  @TempDir Path dir;

  @BeforeAll
  static void findTheLayoutBreaker() {
    Path root = Path.of("").toAbsolutePath();
    while (root != null && !Files.exists(root.resolve("trinity-examples"))) {
      root = root.getParent();
    }
    assertThat(root).as("the project root above " + Path.of("").toAbsolutePath()).isNotNull();
    breaker = root.resolve("trinity-examples/src/main/resources/samples/layout-breaker.md");
    assertThat(breaker).isRegularFile();
  }

  /** Runs {@code predict} on a portfolio that fits every theme, with the offline provider. */
  private Cli.Result predictClean(String... options) throws IOException {
    Path file = dir.resolve("ada.md");
    Files.writeString(file, BuildCommandTest.PORTFOLIO);
    List<String> args = new ArrayList<>(List.of("predict", file.toString()));
    args.addAll(List.of(options));
    args.addAll(List.of("--provider", "offline"));
    return Cli.in(dir).run(args.toArray(String[]::new));
  }

  @Test
  void aCleanPortfolioIsPredictedToNeedNothing() throws Exception {
    Cli.Result r = predictClean("--theme", "hacker");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("Predictor: model (shipped)\n");
    assertThat(r.out()).contains("ada.md in hacker: none (confidence ");
    assertThat(r.out()).contains("STRATEGY").contains("PROBABILITY");
    assertThat(r.out()).containsPattern("(?m)^ELEMENT +STRATEGY +CONFIDENCE +RISK$");
    assertThat(r.out())
        .containsPattern("(?m)^card_title\\[0\\] +none +\\d\\.\\d{3} +\\d\\.\\d{3}$");
    // the class rows come in ladder order
    List<Integer> at = new ArrayList<>();
    for (String s : LADDER) {
      at.add(r.out().indexOf("\n" + s + " "));
    }
    assertThat(at).doesNotContain(-1).isSorted();
  }

  @Test
  void theLayoutBreakerIsPredictedToNeedFixesWithProbabilitiesSummingToOne() throws Exception {
    Cli.Result r =
        Cli.in(dir)
            .run(
                "predict",
                breaker.toString(),
                "--theme",
                "hacker",
                "--provider",
                "offline",
                "--json");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertThat(root.path("portfolio").asText()).endsWith("layout-breaker.md");
    assertThat(root.path("predictor").asText()).isEqualTo("model (shipped)");
    JsonNode p = root.path("predictions").get(0);
    assertThat(p.path("theme").asText()).isEqualTo("hacker");
    assertThat(p.path("source").asText()).isEqualTo("model");
    assertThat(p.path("strategy").asText()).isIn(LADDER).isNotEqualTo("none");
    List<String> names = new ArrayList<>();
    p.path("probabilities").fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactlyElementsOf(LADDER);
    double sum = 0;
    for (String s : LADDER) {
      sum += p.path("probabilities").path(s).asDouble();
    }
    assertThat(sum).isCloseTo(1.0, within(1e-6));
    assertThat(p.path("confidence").asDouble())
        .isEqualTo(p.path("probabilities").path(p.path("strategy").asText()).asDouble());
    JsonNode elements = p.path("elements");
    assertThat(elements.size()).isGreaterThan(5);
    boolean anyAtRisk = false;
    for (JsonNode e : elements) {
      assertThat(e.path("ref").asText()).matches("[a-z_]+\\[\\d+\\]");
      assertThat(e.path("strategy").asText()).isIn(LADDER);
      assertThat(e.path("risk").asDouble()).isBetween(0.0, 1.0);
      anyAtRisk |= !e.path("strategy").asText().equals("none");
    }
    assertThat(anyAtRisk).isTrue();
  }

  @Test
  void severalThemesGiveOnePredictionEach() throws Exception {
    Cli.Result r =
        Cli.in(dir)
            .run(
                "predict",
                breaker.toString(),
                "--themes",
                "brutalist,minimalist",
                "--provider",
                "offline");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .containsPattern(
            "layout-breaker.md in brutalist: (break_word|font_shrink|truncate|content_cut)")
        .containsPattern(
            "layout-breaker.md in minimalist: (break_word|font_shrink|truncate|content_cut)");
  }

  @Test
  void aModelDirectoryIsUsedWhenGiven() throws Exception {
    Path models = copyShippedModel();

    Cli.Result r = predictClean("--model-dir", models.toString(), "--json");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertThat(root.path("predictor").asText())
        .isEqualTo("model " + models.resolve("layout-risk-model.json"));
    assertThat(root.at("/predictions/0/theme").asText()).isEqualTo("brutalist");
    assertThat(root.at("/predictions/0/strategy").asText()).isEqualTo("none");
  }

  @Test
  void aTamperedModelIsABadConfigurationNamingTheFile() throws Exception {
    Path models = copyShippedModel();
    Path model = models.resolve("layout-risk-model.json");
    // Changes one threshold: the file still parses, but no longer matches its metadata's checksum.
    String text = Files.readString(model);
    int digit = indexOfDigitAfter(text, text.indexOf("thresh"));
    char c = text.charAt(digit);
    Files.writeString(
        model,
        text.substring(0, digit) + (c == '9' ? '8' : (char) (c + 1)) + text.substring(digit + 1));

    Cli.Result r = predictClean("--model-dir", models.toString());

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(TrinityCli.USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines().findFirst().orElseThrow())
        .startsWith("error: layout-risk model ")
        .contains(model.toString());
    assertThat(r.err()).doesNotContain("\tat ");
  }

  @Test
  void aModelDirectoryWithoutTheModelIsABadUsage() throws Exception {
    Files.createDirectories(dir.resolve("empty"));

    Cli.Result r = predictClean("--model-dir", dir.resolve("empty").toString());

    assertThat(r.exitCode()).isEqualTo(TrinityCli.USAGE);
    assertThat(r.err()).startsWith("error: no such file: ").contains("layout-risk-model.json");
  }

  @Test
  void anUnknownThemeIsABadUsage() throws Exception {
    Cli.Result r = predictClean("--theme", "vaporwave");

    assertThat(r.exitCode()).isEqualTo(TrinityCli.USAGE);
    assertThat(r.err()).startsWith("error: unknown theme 'vaporwave'; available: ");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aMissingPortfolioIsABadUsage() {
    Cli.Result r =
        Cli.in(dir).run("predict", dir.resolve("nope.md").toString(), "--provider", "offline");

    assertThat(r.exitCode()).isEqualTo(TrinityCli.USAGE);
    assertThat(r.err()).startsWith("error: no such file: ").contains("nope.md");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void themeAndThemesTogetherAreABadUsage() throws Exception {
    Cli.Result r = predictClean("--theme", "hacker", "--themes", "brutalist");

    assertThat(r.exitCode()).isEqualTo(TrinityCli.USAGE);
    assertThat(r.err()).startsWith("error: ").contains("mutually exclusive");
  }

  private Path copyShippedModel() throws IOException {
    Path models = Files.createDirectories(dir.resolve("models"));
    copy(MODEL, models.resolve("layout-risk-model.json"));
    copy(META, models.resolve("layout-risk-model.meta.json"));
    return models;
  }

  private static void copy(String resource, Path to) throws IOException {
    try (InputStream in = PredictCommandTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      Files.writeString(to, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static int indexOfDigitAfter(String text, int from) {
    assertThat(from).as("a threshold in the model").isNotNegative();
    for (int i = from; i < text.length(); i++) {
      if (Character.isDigit(text.charAt(i))) {
        return i;
      }
    }
    throw new AssertionError("no digit after " + from);
  }
}
