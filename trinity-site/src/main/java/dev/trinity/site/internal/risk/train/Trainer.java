package dev.trinity.site.internal.risk.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trinity.site.HealingStrategy;
import dev.trinity.site.internal.risk.ElementFeatures;
import dev.trinity.site.internal.risk.HeuristicRisk;
import dev.trinity.site.internal.risk.RiskModel;
import dev.trinity.site.internal.risk.TreeEnsemble;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.ensemble.WeightedEnsembleModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the layout-risk model with Tribuo: a random forest of CART trees over {@link
 * ElementFeatures}, on the training pages of a stratified split. Exports the trees ({@link
 * ForestExport}) to the JSON the predictor reads (checking that the export predicts exactly as
 * Tribuo does), evaluates on the test pages per element and per page, measures permutation feature
 * importance, and writes the model, its metadata and an evaluation report.
 *
 * <p>Usage: {@code Trainer <dataset.csv> <resource-dir> <report.md>}.
 */
public final class Trainer {
  /** Trees in the forest. */
  public static final int TREES = 40;

  /** Deepest a tree grows. */
  public static final int MAX_DEPTH = 14;

  /** Share of features considered at each split. */
  public static final float FEATURE_FRACTION = 0.6f;

  /** Seed of the trees' bootstrap samples and feature choices. */
  public static final long TRAIN_SEED = 7L;

  /** Seed of the stratified split. */
  public static final long SPLIT_SEED = 42L;

  /** Share of pages held out for testing. */
  public static final double TEST_FRACTION = 0.2;

  private static final List<String> CLASSES =
      Arrays.stream(HealingStrategy.values()).map(Enum::name).toList();

  private Trainer() {}

  /**
   * Trains.
   *
   * @param args dataset, resource directory, report file
   * @throws Exception when reading or writing fails
   */
  public static void main(String[] args) throws Exception {
    long started = System.nanoTime();
    Path csv = Path.of(args[0]);
    Path outDir = Path.of(args[1]);
    Path report = Path.of(args[2]);
    LabelledSet set = LabelledSet.read(csv);
    Set<Integer> test = new HashSet<>(set.testPages(TEST_FRACTION, SPLIT_SEED));
    List<LabelledSet.Row> trainRows = new ArrayList<>();
    List<LabelledSet.Row> testRows = new ArrayList<>();
    for (LabelledSet.Row r : set.rows()) {
      (test.contains(r.page()) ? testRows : trainRows).add(r);
    }
    System.err.printf(
        "%d elements (%d train, %d test) on %d pages%n",
        set.rows().size(), trainRows.size(), testRows.size(), set.pages());

    LabelFactory factory = new LabelFactory();
    String[] names = ElementFeatures.NAMES.toArray(new String[0]);
    List<Example<Label>> examples = new ArrayList<>();
    for (LabelledSet.Row r : trainRows) {
      examples.add(new ArrayExample<>(new Label(CLASSES.get(r.label())), names, r.x().clone()));
    }
    MutableDataset<Label> train =
        new MutableDataset<>(
            new ListDataSource<>(
                examples, factory, new SimpleDataSourceProvenance("layout-risk train", factory)));
    CARTClassificationTrainer cart =
        new CARTClassificationTrainer(MAX_DEPTH, FEATURE_FRACTION, TRAIN_SEED);
    RandomForestTrainer<Label> forest =
        new RandomForestTrainer<>(cart, new FullyWeightedVotingCombiner(), TREES, TRAIN_SEED);
    long t0 = System.nanoTime();
    Model<Label> model = forest.train(train);
    double trainSeconds = (System.nanoTime() - t0) / 1e9;
    System.err.printf("trained %d trees in %.1f s%n", TREES, trainSeconds);

    ObjectNode modelJson = ForestExport.toJson((WeightedEnsembleModel<Label>) model, CLASSES);
    byte[] modelBytes = json().writeValueAsBytes(modelJson);
    TreeEnsemble exported =
        TreeEnsemble.fromJson(modelJson.get("trees"), names.length, CLASSES.size());

    int[] truth = new int[testRows.size()];
    int[] predicted = new int[testRows.size()];
    int agree = 0;
    double[] p = new double[CLASSES.size()];
    for (int i = 0; i < testRows.size(); i++) {
      LabelledSet.Row r = testRows.get(i);
      truth[i] = r.label();
      predicted[i] = exported.classify(r.x(), p);
      Prediction<Label> tribuo =
          model.predict(new ArrayExample<>(factory.getUnknownOutput(), names, r.x().clone()));
      if (CLASSES.indexOf(tribuo.getOutput().getLabel()) == predicted[i]) {
        agree++;
      }
    }
    Metrics elements = Metrics.of(truth, predicted, CLASSES.size());
    Metrics pages = pageMetrics(testRows, predicted);
    int[] rules = testRows.stream().mapToInt(r -> HeuristicRisk.classify(r.x())).toArray();
    Metrics heuristic = Metrics.of(truth, rules, CLASSES.size());
    Metrics heuristicPages = pageMetrics(testRows, rules);
    Map<String, Double> importance = permutationImportance(exported, testRows, elements.macroF1());
    double agreement = (double) agree / testRows.size();
    System.err.printf(
        Locale.ROOT,
        "export agrees with Tribuo on %.4f of test elements%nelements: acc %.4f macroF1 %.4f"
            + " weightedF1 %.4f over %.4f%npages: acc %.4f macroF1 %.4f weightedF1 %.4f over %.4f%n",
        agreement,
        elements.accuracy(),
        elements.macroF1(),
        elements.weightedF1(),
        elements.overHealing(),
        pages.accuracy(),
        pages.macroF1(),
        pages.weightedF1(),
        pages.overHealing());
    if (agreement < 0.999) {
      throw new IllegalStateException(
          "the exported trees disagree with Tribuo on " + (1 - agreement) + " of test elements");
    }

    ObjectNode meta = json().createObjectNode();
    meta.put("format", RiskModel.FORMAT);
    meta.put("model_sha256", RiskModel.sha256(modelBytes));
    meta.put("trained_at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    meta.put("learner", "Tribuo 4.3.2 RandomForestTrainer(CARTClassificationTrainer)");
    ObjectNode hyper = meta.putObject("hyperparameters");
    hyper.put("trees", TREES);
    hyper.put("max_depth", MAX_DEPTH);
    hyper.put("feature_fraction_per_split", FEATURE_FRACTION);
    hyper.put("combiner", "FullyWeightedVotingCombiner (mean of leaf distributions)");
    hyper.put("train_seed", TRAIN_SEED);
    ObjectNode data = meta.putObject("dataset");
    data.put("file", "trinity-site/src/train/layout-risk-dataset.csv");
    data.put("sha256", set.csvSha256());
    data.put("generator_seed", set.seed());
    data.put("pages", set.pages());
    data.put("elements", set.rows().size());
    data.put("unfixed_elements", set.rows().stream().filter(LabelledSet.Row::unfixed).count());
    data.put("split_seed", SPLIT_SEED);
    data.put("test_fraction", TEST_FRACTION);
    data.put("train_elements", trainRows.size());
    data.put("test_elements", testRows.size());
    ArrayNode testPages = data.putArray("test_pages");
    set.testPages(TEST_FRACTION, SPLIT_SEED).forEach(testPages::add);
    ArrayNode features = meta.putArray("features");
    ElementFeatures.NAMES.forEach(features::add);
    ArrayNode classes = meta.putArray("classes");
    CLASSES.forEach(classes::add);
    ObjectNode metrics = meta.putObject("metrics");
    metrics.set("elements", metricsJson(elements));
    metrics.set("pages", metricsJson(pages));
    metrics.put("export_agreement_with_tribuo", agreement);
    metrics.set("heuristic_elements", metricsJson(heuristic));
    metrics.set("heuristic_pages", metricsJson(heuristicPages));
    ObjectNode imp = meta.putObject("permutation_importance_macro_f1");
    importance.forEach(imp::put);

    Files.createDirectories(outDir);
    Files.write(outDir.resolve("layout-risk-model.json"), modelBytes);
    Files.write(
        outDir.resolve("layout-risk-model.meta.json"),
        json().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(meta));
    Files.createDirectories(report.toAbsolutePath().getParent());
    Files.writeString(
        report,
        report(set, elements, pages, heuristic, heuristicPages, importance, trainSeconds),
        StandardCharsets.UTF_8);
    System.err.printf(
        "model %d bytes -> %s; report -> %s; %.1f s in all%n",
        modelBytes.length, outDir, report, (System.nanoTime() - started) / 1e9);
  }

  private static ObjectMapper json() {
    return new ObjectMapper();
  }

  /** Page label = strongest element label; page prediction = strongest element prediction. */
  static Metrics pageMetrics(List<LabelledSet.Row> rows, int[] predicted) {
    Map<Integer, int[]> pages = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      int[] tp = pages.computeIfAbsent(rows.get(i).page(), k -> new int[2]);
      tp[0] = Math.max(tp[0], rows.get(i).label());
      tp[1] = Math.max(tp[1], predicted[i]);
    }
    int[] t = new int[pages.size()];
    int[] p = new int[pages.size()];
    int i = 0;
    for (int[] tp : pages.values()) {
      t[i] = tp[0];
      p[i++] = tp[1];
    }
    return Metrics.of(t, p, CLASSES.size());
  }

  private static Map<String, Double> permutationImportance(
      TreeEnsemble forest, List<LabelledSet.Row> rows, double baseline) {
    Map<String, Double> out = new LinkedHashMap<>();
    Random random = new Random(SPLIT_SEED);
    double[] p = new double[CLASSES.size()];
    int[] truth = rows.stream().mapToInt(LabelledSet.Row::label).toArray();
    for (int f = 0; f < ElementFeatures.COUNT; f++) {
      final int feature = f;
      double[] column = rows.stream().mapToDouble(r -> r.x()[feature]).toArray();
      for (int i = column.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        double tmp = column[i];
        column[i] = column[j];
        column[j] = tmp;
      }
      int[] predicted = new int[rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        double[] x = rows.get(i).x().clone();
        x[f] = column[i];
        predicted[i] = forest.classify(x, p);
      }
      double drop = baseline - Metrics.of(truth, predicted, CLASSES.size()).macroF1();
      out.put(ElementFeatures.NAMES.get(f), Math.round(drop * 10000) / 10000.0);
    }
    List<Map.Entry<String, Double>> sorted = new ArrayList<>(out.entrySet());
    sorted.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
    Map<String, Double> ordered = new LinkedHashMap<>();
    sorted.forEach(e -> ordered.put(e.getKey(), e.getValue()));
    return ordered;
  }

  private static ObjectNode metricsJson(Metrics m) {
    ObjectNode o = json().createObjectNode();
    o.put("samples", m.total());
    o.put("accuracy", m.accuracy());
    o.put("macro_f1", m.macroF1());
    o.put("weighted_f1", m.weightedF1());
    o.put("over_healing", m.overHealing());
    ArrayNode rows = o.putArray("confusion");
    for (List<Long> r : m.rows()) {
      ArrayNode a = rows.addArray();
      r.forEach(a::add);
    }
    return o;
  }

  private static String report(
      LabelledSet set,
      Metrics elements,
      Metrics pages,
      Metrics heuristic,
      Metrics heuristicPages,
      Map<String, Double> importance,
      double trainSeconds) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "Dataset: %d pages, %d elements (sha256 %s).%nTraining: %d trees, depth %d, %.1f s.%n%n",
            set.pages(),
            set.rows().size(),
            set.csvSha256(),
            TREES,
            MAX_DEPTH,
            trainSeconds));
    sb.append("| level | samples | accuracy | macro-F1 | weighted F1 | over-healing |\n");
    sb.append("|---|---:|---:|---:|---:|---:|\n");
    Map<String, Metrics> levels = new LinkedHashMap<>();
    levels.put("model, elements", elements);
    levels.put("model, pages", pages);
    levels.put("fallback rules, elements", heuristic);
    levels.put("fallback rules, pages", heuristicPages);
    for (Map.Entry<String, Metrics> e : levels.entrySet()) {
      Metrics m = e.getValue();
      sb.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.4f | %.4f | %.4f | %.4f |%n",
              e.getKey(),
              m.total(),
              m.accuracy(),
              m.macroF1(),
              m.weightedF1(),
              m.overHealing()));
    }
    sb.append("\nElements:\n\n").append(elements.table(CLASSES));
    sb.append("\nPages:\n\n").append(pages.table(CLASSES));
    sb.append(
        "\nPermutation importance (drop in element macro-F1):\n\n| feature | drop |\n|---|---:|\n");
    importance.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "| %s | %.4f |%n", k, v)));
    return sb.toString();
  }
}
