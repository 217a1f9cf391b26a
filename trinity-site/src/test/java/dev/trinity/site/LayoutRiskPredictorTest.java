package dev.trinity.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trinity.api.InvalidInputException;
import dev.trinity.api.content.Hero;
import dev.trinity.api.content.Link;
import dev.trinity.api.content.Project;
import dev.trinity.api.content.SiteContent;
import dev.trinity.api.content.Theme;
import dev.trinity.site.internal.risk.RiskModel;
import dev.trinity.site.internal.risk.train.BuiltInThemes;
import dev.trinity.test.LogCapture;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LayoutRiskPredictorTest {
  static final SiteContent CLEAN =
      new SiteContent(
          "Ada Lovelace",
          "Engines, notes and numbers",
          new Hero(
              "Analytical engines",
              "I write programs for machines that do not exist yet.",
              new Link("See my work", "#work"),
              null),
          List.of(
              new Project(
                  "Bernoulli", "Computes Bernoulli numbers.", null, 42, "Java", List.of("math")),
              new Project("Notes", "Translated and annotated.", null, 7, "Go", List.of("docs"))),
          List.of(new Link("Work", "#work"), new Link("About", "#about")),
          new Link("Contact", "mailto:ada@example.com"));

  static final SiteContent HOSTILE =
      new SiteContent(
          "Maximilian-Alexander Wolfeschlegelsteinhausenbergerdorff the Third",
          "https://github.com/averyveryverylongorganisationname/averyveryverylongrepositoryname",
          new Hero(
              "Supercalifragilisticexpialidociousandevenlongerwithoutanyspaceatall",
              "東京開発者向け高速分散型検索エンジン".repeat(8),
              new Link("Click_here_to_see_everything_I_have_ever_built_in_my_life", "#all"),
              null),
          List.of(
              new Project(
                  "an-extraordinarily-long-project-name-that-never-ends-and-keeps-going-on",
                  "x".repeat(300),
                  null,
                  999_999,
                  "TypeScriptWithExtraordinarilyLongDialectName",
                  List.of("kubernetes-operator-framework-extensions-for-everything", "🚀🔥✨🎉💡"))),
          List.of(new Link("ExtraordinarilyLongMenuItemWithoutSpaces", "#x")),
          null);

  static final Theme BRUTALIST = BuiltInThemes.of("brutalist");

  @ParameterizedTest
  @ValueSource(strings = {"brutalist", "hacker", "minimalist", "enterprise", "editorial"})
  void theShippedModelPredictsNothingToFixForAnOrdinaryPage(String theme) {
    RiskPrediction p = LayoutRiskPredictor.shipped().predict(CLEAN, BuiltInThemes.of(theme));

    assertThat(p.source()).isEqualTo(RiskPrediction.Source.MODEL);
    assertThat(p.strategy()).isEqualTo(HealingStrategy.NONE);
    assertThat(p.plan().isEmpty()).isTrue();
    assertThat(p.elements()).allMatch(e -> e.strategy() == HealingStrategy.NONE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"brutalist", "hacker", "minimalist", "enterprise", "editorial"})
  void theShippedModelPredictsFixesForAHostilePage(String theme) {
    RiskPrediction p = LayoutRiskPredictor.shipped().predict(HOSTILE, BuiltInThemes.of(theme));

    assertThat(p.strategy()).isNotEqualTo(HealingStrategy.NONE);
    assertThat(p.plan().asMap()).isNotEmpty();
    RiskPrediction.ElementRisk brand = p.elements().get(0);
    assertThat(brand.ref()).isEqualTo(ComponentRef.of(Component.BRAND_NAME, 0));
    RiskPrediction.ElementRisk tag =
        p.elements().stream()
            .filter(e -> e.ref().component() == Component.TAG && e.ref().index() == 0)
            .findFirst()
            .orElseThrow();
    assertThat(tag.strategy()).isNotEqualTo(HealingStrategy.NONE);
    assertThat(tag.risk()).isGreaterThan(0.5);
  }

  @ParameterizedTest
  @ValueSource(strings = {"brutalist", "hacker", "minimalist", "enterprise", "editorial"})
  void theSiteTestsSamplePagesArePredictedCleanAndBreaking(String theme) {
    LayoutRiskPredictor predictor = LayoutRiskPredictor.shipped();

    assertThat(predictor.predict(SamplePages.ordinary(), BuiltInThemes.of(theme)).strategy())
        .isEqualTo(HealingStrategy.NONE);
    assertThat(predictor.predict(SamplePages.breaking(), BuiltInThemes.of(theme)).strategy())
        .isNotEqualTo(HealingStrategy.NONE);
  }

  @Test
  void pageProbabilitiesSumToOneAndTheStrategyIsTheStrongestElementPrediction() {
    RiskPrediction p = LayoutRiskPredictor.shipped().predict(HOSTILE, BRUTALIST);

    assertThat(p.probabilities().values().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(1.0, within(1e-9));
    assertThat(p.probabilities()).containsOnlyKeys(HealingStrategy.values());
    HealingStrategy strongest =
        p.elements().stream()
            .map(RiskPrediction.ElementRisk::strategy)
            .max(Enum::compareTo)
            .orElseThrow();
    assertThat(p.strategy()).isEqualTo(strongest);
    assertThat(p.confidence()).isEqualTo(p.probabilities().get(strongest));
  }

  @Test
  void withoutAModelTheHeuristicPredictsAndSaysSoOnceInTheLog() {
    LogCapture appender = LogCapture.of(LayoutRiskPredictor.class).start();
    try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
      LayoutRiskPredictor predictor = LayoutRiskPredictor.fromClasspath(empty);

      assertThat(predictor.hasModel()).isFalse();
      RiskPrediction clean = predictor.predict(CLEAN, BRUTALIST);
      RiskPrediction hostile = predictor.predict(HOSTILE, BRUTALIST);
      predictor.predict(HOSTILE, BRUTALIST);

      assertThat(clean.source()).isEqualTo(RiskPrediction.Source.HEURISTIC);
      assertThat(clean.strategy()).isEqualTo(HealingStrategy.NONE);
      assertThat(hostile.strategy()).isNotEqualTo(HealingStrategy.NONE);
      assertThat(hostile.strategy()).isNotEqualTo(HealingStrategy.CONTENT_CUT);
      assertThat(appender.events())
          .filteredOn(e -> e.getFormattedMessage().contains("No layout-risk model"))
          .hasSize(1);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    } finally {
      appender.close();
    }
  }

  @Test
  void anUnknownThemeIsRefusedByNameUntilItsTemplateIsAdded() {
    Theme custom =
        new Theme(
            "pastel", "Soft colours", "calm", dev.trinity.api.content.ThemeRules.ofDefaults());

    assertThatThrownBy(() -> LayoutRiskPredictor.shipped().predict(CLEAN, custom))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("pastel");
    LayoutRiskPredictor extended =
        LayoutRiskPredictor.shipped().withTemplate("pastel", SiteTemplate.builtIn("minimalist"));
    assertThat(extended.predict(CLEAN, custom).strategy()).isEqualTo(HealingStrategy.NONE);
  }

  @Test
  void predictionsAreTheSameFromManyThreads() throws Exception {
    LayoutRiskPredictor predictor = LayoutRiskPredictor.shipped();
    RiskPrediction expected = predictor.predict(HOSTILE, BRUTALIST);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<RiskPrediction>> calls =
          java.util.Collections.nCopies(200, () -> predictor.predict(HOSTILE, BRUTALIST));
      for (Future<RiskPrediction> f : pool.invokeAll(calls)) {
        assertThat(f.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aModelFileLoadsFromDiskWhenIntact(@TempDir Path dir) throws Exception {
    Path[] files = copyShipped(dir);

    LayoutRiskPredictor predictor = LayoutRiskPredictor.fromFiles(files[0], files[1]);

    assertThat(predictor.hasModel()).isTrue();
    assertThat(predictor.predict(HOSTILE, BRUTALIST))
        .isEqualTo(LayoutRiskPredictor.shipped().predict(HOSTILE, BRUTALIST));
  }

  @Test
  void aChangedModelFileFailsItsChecksum(@TempDir Path dir) throws Exception {
    Path[] files = copyShipped(dir);
    String json = Files.readString(files[0]);
    Files.writeString(files[0], json.replaceFirst("\"threshold\":\\[", "\"threshold\":[1.0E9,"));

    assertThatThrownBy(() -> LayoutRiskPredictor.fromFiles(files[0], files[1]))
        .isInstanceOf(LayoutModelException.class)
        .hasMessageContaining("SHA-256")
        .hasMessageContaining("changed or damaged")
        .satisfies(
            e -> assertThat(((LayoutModelException) e).source()).isEqualTo(files[0].toString()));
  }

  @Test
  void aTruncatedModelFileIsReportedAsCorrupted(@TempDir Path dir) throws Exception {
    Path[] files = copyShipped(dir);
    byte[] bytes = Files.readAllBytes(files[0]);
    byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length / 2);
    Files.write(files[0], cut);
    rewriteChecksum(files[1], cut);

    assertThatThrownBy(() -> LayoutRiskPredictor.fromFiles(files[0], files[1]))
        .isInstanceOf(LayoutModelException.class)
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void aModelWhoseTreesLoopIsRefusedEvenWithAMatchingChecksum(@TempDir Path dir) throws Exception {
    Path[] files = copyShipped(dir);
    String json = Files.readString(files[0]);
    String looped = json.replaceFirst("\"left\":\\[\\d+", "\"left\":[0");
    Files.writeString(files[0], looped);
    rewriteChecksum(files[1], looped.getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> LayoutRiskPredictor.fromFiles(files[0], files[1]))
        .isInstanceOf(LayoutModelException.class)
        .hasMessageContaining("malformed trees")
        .hasMessageContaining("child index");
  }

  @Test
  void aModelForOtherFeaturesIsRefused(@TempDir Path dir) throws Exception {
    Path[] files = copyShipped(dir);
    String json = Files.readString(files[0]).replace("\"token_ratio_max\"", "\"stars\"");
    Files.writeString(files[0], json);
    rewriteChecksum(files[1], json.getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> LayoutRiskPredictor.fromFiles(files[0], files[1]))
        .isInstanceOf(LayoutModelException.class)
        .hasMessageContaining("features");
  }

  @Test
  void aMissingModelFileIsAClearError(@TempDir Path dir) {
    assertThatThrownBy(
            () -> LayoutRiskPredictor.fromFiles(dir.resolve("nope.json"), dir.resolve("meta.json")))
        .isInstanceOf(LayoutModelException.class)
        .hasMessageContaining("nope.json")
        .hasMessageContaining("could not be read");
  }

  static Path[] copyShipped(Path dir) throws Exception {
    Path model = dir.resolve("model.json");
    Path meta = dir.resolve("meta.json");
    ClassLoader loader = LayoutRiskPredictorTest.class.getClassLoader();
    try (InputStream a = loader.getResourceAsStream(RiskModel.RESOURCE);
        InputStream b = loader.getResourceAsStream(RiskModel.META_RESOURCE)) {
      Files.write(model, a.readAllBytes());
      Files.write(meta, b.readAllBytes());
    }
    return new Path[] {model, meta};
  }

  static void rewriteChecksum(Path meta, byte[] model) throws Exception {
    ObjectMapper json = new ObjectMapper();
    JsonNode node = json.readTree(meta.toFile());
    ((com.fasterxml.jackson.databind.node.ObjectNode) node)
        .put("model_sha256", RiskModel.sha256(model));
    json.writeValue(meta.toFile(), node);
  }
}
