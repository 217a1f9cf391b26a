package dev.trinity.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trinity.api.content.SiteContent;
import dev.trinity.site.internal.risk.RiskModel;
import dev.trinity.site.internal.risk.train.BuiltInThemes;
import dev.trinity.site.internal.risk.train.Dataset;
import dev.trinity.site.internal.risk.train.LabelledSet;
import dev.trinity.site.internal.risk.train.Metrics;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped model, through the public API, on the committed dataset's held-out pages. */
class ShippedModelMetricsTest {
  static final Path DATASET = Path.of("src/train/layout-risk-dataset.csv");

  static JsonNode meta;
  static LabelledSet set;
  static Set<Integer> test = new HashSet<>();
  static List<SiteContent> contents;
  static Metrics elements;
  static Metrics pages;

  @BeforeAll
  static void predictTheTestSplit() throws Exception {
    try (InputStream in =
        ShippedModelMetricsTest.class
            .getClassLoader()
            .getResourceAsStream(RiskModel.META_RESOURCE)) {
      meta = new ObjectMapper().readTree(in);
    }
    set = LabelledSet.read(DATASET);
    meta.at("/dataset/test_pages").forEach(p -> test.add(p.asInt()));
    contents = Dataset.pages(set.seed(), set.pages());
    Metrics[] m = evaluate(LayoutRiskPredictor.shipped());
    elements = m[0];
    pages = m[1];
  }

  static Metrics[] evaluate(LayoutRiskPredictor predictor) {
    Map<Integer, Map<ComponentRef, Integer>> predicted = new HashMap<>();
    for (int page : test) {
      String theme = dev.trinity.site.SiteRenderer.BUILT_IN_THEMES.get(page % 5);
      Map<ComponentRef, Integer> byRef = new HashMap<>();
      for (RiskPrediction.ElementRisk e :
          predictor.predict(contents.get(page), BuiltInThemes.of(theme)).elements()) {
        byRef.put(e.ref(), e.strategy().ordinal());
      }
      predicted.put(page, byRef);
    }
    List<Integer> truth = new ArrayList<>();
    List<Integer> guess = new ArrayList<>();
    Map<Integer, int[]> perPage = new LinkedHashMap<>();
    for (LabelledSet.Row r : set.rows()) {
      if (test.contains(r.page())) {
        int p = predicted.get(r.page()).get(r.ref());
        truth.add(r.label());
        guess.add(p);
        int[] tp = perPage.computeIfAbsent(r.page(), k -> new int[2]);
        tp[0] = Math.max(tp[0], r.label());
        tp[1] = Math.max(tp[1], p);
      }
    }
    return new Metrics[] {
      Metrics.of(
          truth.stream().mapToInt(i -> i).toArray(), guess.stream().mapToInt(i -> i).toArray(), 5),
      Metrics.of(
          perPage.values().stream().mapToInt(tp -> tp[0]).toArray(),
          perPage.values().stream().mapToInt(tp -> tp[1]).toArray(),
          5)
    };
  }

  @Test
  void theFallbackRulesMatchTheirDocumentedMetrics() {
    Metrics[] m = evaluate(LayoutRiskPredictor.heuristic());

    assertMatches(m[0], meta.at("/metrics/heuristic_elements"));
    assertMatches(m[1], meta.at("/metrics/heuristic_pages"));
  }

  @Test
  void theModelBeatsTheFallbackRulesAndTheOriginalsWeightedF1() {
    Metrics[] rules = evaluate(LayoutRiskPredictor.heuristic());

    assertThat(elements.macroF1()).isGreaterThan(rules[0].macroF1());
    assertThat(pages.weightedF1()).isGreaterThan(0.906);
    assertThat(elements.macroF1()).isGreaterThanOrEqualTo(0.95);
    assertThat(elements.overHealing()).isLessThan(0.02);
  }

  @Test
  void theCommittedDatasetIsTheOneTheModelWasTrainedOn() {
    assertThat(set.csvSha256()).isEqualTo(meta.at("/dataset/sha256").asText());
    assertThat(set.rows()).hasSize(meta.at("/dataset/elements").asInt());
    assertThat(set.rows().size()).isGreaterThanOrEqualTo(5_000);
  }

  @Test
  void elementMetricsMatchTheDocumentedOnes() {
    assertMatches(elements, meta.at("/metrics/elements"));
  }

  @Test
  void pageMetricsMatchTheDocumentedOnes() {
    assertMatches(pages, meta.at("/metrics/pages"));
  }

  private static void assertMatches(Metrics actual, JsonNode documented) {
    assertThat(actual.total()).isEqualTo(documented.get("samples").asLong());
    assertThat(actual.accuracy()).isCloseTo(documented.get("accuracy").asDouble(), within(0.01));
    assertThat(actual.macroF1()).isCloseTo(documented.get("macro_f1").asDouble(), within(0.01));
    assertThat(actual.weightedF1())
        .isCloseTo(documented.get("weighted_f1").asDouble(), within(0.01));
    assertThat(actual.overHealing())
        .isCloseTo(documented.get("over_healing").asDouble(), within(0.01));
  }
}
