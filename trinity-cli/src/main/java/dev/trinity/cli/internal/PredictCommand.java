package dev.trinity.cli.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trinity.api.content.ContentEngine;
import dev.trinity.api.content.ItemResult;
import dev.trinity.api.content.Theme;
import dev.trinity.cli.CliEnvironment;
import dev.trinity.cli.TrinityCli;
import dev.trinity.core.Trinity;
import dev.trinity.site.HealingStrategy;
import dev.trinity.site.LayoutRiskPredictor;
import dev.trinity.site.RiskPrediction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code trinity predict PORTFOLIO [--theme T | --themes a,b,c] [--model-dir DIR] [--json]}: what
 * the layout-risk predictor expects each page to need, before anything is rendered.
 */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = {
      "Generates the content of one portfolio (as 'build --json-only' does, without writing it)",
      "and predicts, before rendering, which layout fix each page will need: the page's strategy",
      "with the probability of each (none, break_word, font_shrink, truncate, content_cut) and,",
      "per text element, its strategy, confidence and risk (the probability it needs any fix)."
    })
final class PredictCommand implements Callable<Integer> {
  /** The model file in a {@code --model-dir}: {@value}. */
  static final String MODEL_FILE = "layout-risk-model.json";

  /** Its metadata in a {@code --model-dir}: {@value}. */
  static final String META_FILE = "layout-risk-model.meta.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @ParentCommand RootCommand root;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PORTFOLIO", description = "The portfolio file.")
  Path portfolio;

  @ArgGroup(exclusive = true)
  @Nullable ThemeChoice themeChoice;

  /** One theme or several, not both. */
  static final class ThemeChoice {
    @Option(
        names = {"-t", "--theme"},
        paramLabel = "THEME",
        description = "Theme (see 'trinity themes'); default brutalist.")
    @Nullable String theme;

    @Option(
        names = "--themes",
        paramLabel = "THEMES",
        split = ",",
        description = "Comma-separated themes, one prediction each.")
    @Nullable List<String> themes;
  }

  @Option(
      names = "--model-dir",
      paramLabel = "DIR",
      description =
          "Predict with the model in DIR ("
              + MODEL_FILE
              + " and "
              + META_FILE
              + ", as 'make train' writes them) instead of the one shipped.")
  @Nullable Path modelDir;

  @Option(names = "--json", description = "Print the predictions as one JSON document.")
  boolean json;

  @Override
  public Integer call() {
    Inputs.requireFile(spec, portfolio);
    List<String> themeNames = themeNames();
    LayoutRiskPredictor predictor = predictor();
    String predictorName = describe(predictor);
    CliEnvironment env = root.environment();
    try (Trinity trinity = root.settings().open(env.err())) {
      ContentEngine engine = BatchBuild.engine(trinity, true);
      List<Theme> themes = BatchBuild.themes(spec, engine, themeNames);
      List<BuildItem> items = BuildItem.cross(List.of(portfolio), themeNames);
      List<ItemResult> results =
          BatchBuild.generate(env, engine, items, items.size(), ProgressMode.NONE);
      List<Prediction> predictions = new ArrayList<>();
      int failed = 0;
      for (ItemResult r : results) {
        Theme theme = themes.get(r.index());
        if (!r.isSuccess()) {
          failed++;
          env.err()
              .printf("error: %s (%s): %s%n", portfolio, theme.name(), Errors.describe(r.error()));
          continue;
        }
        predictions.add(
            new Prediction(theme.name(), predictor.predict(r.content().content(), theme)));
      }
      if (json) {
        env.out().println(json(predictorName, predictions));
      } else {
        env.out().print(text(predictorName, predictions));
      }
      return failed == 0 ? TrinityCli.OK : TrinityCli.ITEMS_FAILED;
    }
  }

  private record Prediction(String theme, RiskPrediction risk) {}

  private List<String> themeNames() {
    if (themeChoice != null && themeChoice.themes != null) {
      return themeChoice.themes.stream().map(String::strip).distinct().toList();
    }
    return List.of(
        themeChoice != null && themeChoice.theme != null ? themeChoice.theme : "brutalist");
  }

  /**
   * The shipped predictor, or the one in {@code --model-dir}; a damaged model fails with a {@link
   * dev.trinity.site.LayoutModelException} naming the file.
   */
  private LayoutRiskPredictor predictor() {
    if (modelDir == null) {
      return LayoutRiskPredictor.shipped();
    }
    Path model = modelDir.resolve(MODEL_FILE);
    Path meta = modelDir.resolve(META_FILE);
    Inputs.requireFile(spec, model);
    Inputs.requireFile(spec, meta);
    return LayoutRiskPredictor.fromFiles(model, meta);
  }

  private String describe(LayoutRiskPredictor predictor) {
    if (!predictor.hasModel()) {
      return "heuristic (no model found)";
    }
    return "model " + (modelDir == null ? "(shipped)" : modelDir.resolve(MODEL_FILE).toString());
  }

  private String text(String predictorName, List<Prediction> predictions) {
    StringBuilder sb = new StringBuilder();
    sb.append("Predictor: ").append(predictorName).append('\n');
    for (Prediction p : predictions) {
      RiskPrediction r = p.risk();
      sb.append('\n')
          .append(portfolio.getFileName())
          .append(" in ")
          .append(p.theme())
          .append(": ")
          .append(name(r.strategy()))
          .append(" (confidence ")
          .append(decimal(r.confidence()))
          .append(", ")
          .append(r.source().name().toLowerCase(Locale.ROOT))
          .append(")\n\n");
      List<List<String>> classes = new ArrayList<>();
      for (HealingStrategy s : HealingStrategy.values()) {
        classes.add(List.of(name(s), decimal(r.probabilities().getOrDefault(s, 0.0))));
      }
      sb.append(TextTable.render(List.of("STRATEGY", "PROBABILITY"), classes)).append('\n');
      List<List<String>> elements = new ArrayList<>();
      for (RiskPrediction.ElementRisk e : r.elements()) {
        elements.add(
            List.of(
                e.ref().toString(),
                name(e.strategy()),
                decimal(e.confidence()),
                decimal(e.risk())));
      }
      sb.append(TextTable.render(List.of("ELEMENT", "STRATEGY", "CONFIDENCE", "RISK"), elements));
    }
    return sb.toString();
  }

  private String json(String predictorName, List<Prediction> predictions) {
    ObjectNode root = JSON.createObjectNode();
    root.put("portfolio", portfolio.toString());
    root.put("predictor", predictorName);
    ArrayNode list = root.putArray("predictions");
    for (Prediction p : predictions) {
      RiskPrediction r = p.risk();
      ObjectNode node = list.addObject();
      node.put("theme", p.theme());
      node.put("source", r.source().name().toLowerCase(Locale.ROOT));
      node.put("strategy", name(r.strategy()));
      node.put("confidence", r.confidence());
      ObjectNode probabilities = node.putObject("probabilities");
      for (HealingStrategy s : HealingStrategy.values()) {
        probabilities.put(name(s), r.probabilities().getOrDefault(s, 0.0));
      }
      ArrayNode elements = node.putArray("elements");
      for (RiskPrediction.ElementRisk e : r.elements()) {
        elements
            .addObject()
            .put("ref", e.ref().toString())
            .put("strategy", name(e.strategy()))
            .put("confidence", e.confidence())
            .put("risk", e.risk());
      }
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the predictions as JSON", e);
    }
  }

  private static String name(HealingStrategy s) {
    return s.name().toLowerCase(Locale.ROOT);
  }

  private static String decimal(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }
}
