package dev.trinity.site;

import dev.trinity.api.InvalidInputException;
import dev.trinity.api.content.SiteContent;
import dev.trinity.api.content.Theme;
import dev.trinity.site.internal.PageElements;
import dev.trinity.site.internal.risk.ElementFeatures;
import dev.trinity.site.internal.risk.HeuristicRisk;
import dev.trinity.site.internal.risk.RiskModel;
import dev.trinity.site.internal.risk.ThemeLayout;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Predicts, before a page is rendered, which {@link HealingStrategy} each of its text elements will
 * need, so that the {@link Healer} can start there instead of climbing the ladder render by render.
 *
 * <p>The prediction comes from a random forest trained with Tribuo on pages labelled by Chromium
 * (the model ships in this jar as JSON, with its metadata; see the module README), reading features
 * of each element: the widest unbreakable run of its text against the theme's box width at 375, 768
 * and 1280 px, the lines it needs against the theme's limit, its length and script. When no model
 * is available a rule-based fallback reads the same features; {@link RiskPrediction#source()} says
 * which predicted, and the fallback is logged once.
 *
 * <p>Knows the layouts of the built-in themes; add others with {@link #withTemplate}. Immutable and
 * thread-safe; the shipped model is loaded once per JVM.
 */
public final class LayoutRiskPredictor {
  private static final Logger LOG = LoggerFactory.getLogger(LayoutRiskPredictor.class);
  private static final HealingStrategy[] CLASSES = HealingStrategy.values();

  private final @Nullable RiskModel model;
  private final Map<String, ThemeLayout> layouts;
  private final String description;

  private LayoutRiskPredictor(
      @Nullable RiskModel model, Map<String, ThemeLayout> layouts, String description) {
    this.model = model;
    this.layouts = layouts;
    this.description = description;
  }

  private static final class Shipped {
    static final LayoutRiskPredictor INSTANCE =
        fromClasspath(LayoutRiskPredictor.class.getClassLoader());
  }

  /**
   * The predictor with the model shipped in this jar, loaded on first use.
   *
   * @return the shared predictor
   * @throws LayoutModelException when the shipped model is present but damaged
   */
  public static LayoutRiskPredictor shipped() {
    return Shipped.INSTANCE;
  }

  /**
   * A predictor with the model found on a class loader, or the fallback rules (logged once, at
   * WARN) when the model is not there.
   *
   * @param loader where to look for {@code dev/trinity/site/risk/layout-risk-model.json} and its
   *     metadata
   * @return the predictor
   * @throws LayoutModelException when the model is present but damaged or changed
   */
  public static LayoutRiskPredictor fromClasspath(ClassLoader loader) {
    Objects.requireNonNull(loader, "loader");
    byte[] model = resource(loader, RiskModel.RESOURCE);
    byte[] meta = resource(loader, RiskModel.META_RESOURCE);
    if (model == null || meta == null) {
      LOG.warn(
          "No layout-risk model on the classpath ({}): predicting with the fallback rules",
          model == null ? RiskModel.RESOURCE : RiskModel.META_RESOURCE);
      return heuristic();
    }
    return new LayoutRiskPredictor(
        RiskModel.read("classpath:" + RiskModel.RESOURCE, model, meta),
        builtInLayouts(),
        "model classpath:" + RiskModel.RESOURCE);
  }

  /**
   * A predictor with a model from files.
   *
   * @param model the model ({@code layout-risk-model.json})
   * @param metadata its metadata ({@code layout-risk-model.meta.json})
   * @return the predictor
   * @throws LayoutModelException when a file cannot be read, is damaged, or was changed after
   *     training
   */
  public static LayoutRiskPredictor fromFiles(Path model, Path metadata) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(metadata, "metadata");
    byte[] m;
    byte[] meta;
    try {
      m = Files.readAllBytes(model);
    } catch (IOException e) {
      throw new LayoutModelException(model.toString(), "could not be read: " + e, e);
    }
    try {
      meta = Files.readAllBytes(metadata);
    } catch (IOException e) {
      throw new LayoutModelException(metadata.toString(), "could not be read: " + e, e);
    }
    return new LayoutRiskPredictor(
        RiskModel.read(model.toString(), m, meta), builtInLayouts(), "model " + model);
  }

  /**
   * A predictor using only the fallback rules.
   *
   * @return the predictor
   */
  public static LayoutRiskPredictor heuristic() {
    return new LayoutRiskPredictor(null, builtInLayouts(), "heuristic");
  }

  /**
   * A copy that also knows a host theme's layout.
   *
   * @param theme the theme's name
   * @param template its template (the layout numbers are read from it)
   * @return the new predictor
   */
  public LayoutRiskPredictor withTemplate(String theme, SiteTemplate template) {
    Objects.requireNonNull(theme, "theme");
    Objects.requireNonNull(template, "template");
    Map<String, ThemeLayout> copy = new HashMap<>(layouts);
    copy.put(theme, new ThemeLayout(template.spec()));
    return new LayoutRiskPredictor(model, Map.copyOf(copy), description);
  }

  /**
   * Whether a trained model (rather than the fallback rules) predicts.
   *
   * @return true with a model
   */
  public boolean hasModel() {
    return model != null;
  }

  /**
   * Predicts what a page will need.
   *
   * @param content the content
   * @param theme the theme; its layout must be known (built in or added)
   * @return the prediction
   * @throws InvalidInputException when the theme's layout is unknown
   */
  public RiskPrediction predict(SiteContent content, Theme theme) {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(theme, "theme");
    ThemeLayout layout = layouts.get(theme.name());
    if (layout == null) {
      throw new InvalidInputException(
          "theme",
          "no layout known for theme '"
              + theme.name()
              + "'; known: "
              + new TreeSet<>(layouts.keySet())
              + " (add one with withTemplate(name, template))");
    }
    List<PageElements.Element> elements = PageElements.of(content);
    double[] x = new double[ElementFeatures.COUNT];
    double[] p = new double[CLASSES.length];
    double[] atMost = {1, 1, 1, 1, 1};
    List<RiskPrediction.ElementRisk> risks = new ArrayList<>(elements.size());
    int page = 0;
    for (PageElements.Element e : elements) {
      ElementFeatures.compute(e.ref().component(), e.text(), layout, x);
      int k;
      if (model != null) {
        k = model.trees().classify(x, p);
      } else {
        k = HeuristicRisk.classify(x);
        Arrays.fill(p, 0);
        p[k] = 1;
      }
      double cumulative = 0;
      for (int c = 0; c < CLASSES.length; c++) {
        cumulative += p[c];
        atMost[c] *= Math.min(1, cumulative);
      }
      page = Math.max(page, k);
      risks.add(new RiskPrediction.ElementRisk(e.ref(), CLASSES[k], p[k], 1 - p[0]));
    }
    Map<HealingStrategy, Double> probabilities = new EnumMap<>(HealingStrategy.class);
    double below = 0;
    for (int c = 0; c < CLASSES.length; c++) {
      double upTo = c == CLASSES.length - 1 ? 1 : atMost[c];
      probabilities.put(CLASSES[c], Math.max(0, upTo - below));
      below = Math.max(below, upTo);
    }
    return new RiskPrediction(
        CLASSES[page],
        probabilities,
        risks,
        model != null ? RiskPrediction.Source.MODEL : RiskPrediction.Source.HEURISTIC);
  }

  /** The built-in themes' layouts, computed on first use. */
  private static final class BuiltIn {
    static final Map<String, ThemeLayout> LAYOUTS = compute();

    private static Map<String, ThemeLayout> compute() {
      Map<String, ThemeLayout> layouts = new HashMap<>();
      for (String theme : SiteRenderer.BUILT_IN_THEMES) {
        layouts.put(theme, new ThemeLayout(SiteTemplate.builtIn(theme).spec()));
      }
      return Map.copyOf(layouts);
    }
  }

  private static Map<String, ThemeLayout> builtInLayouts() {
    return BuiltIn.LAYOUTS;
  }

  private static byte @Nullable [] resource(ClassLoader loader, String name) {
    try (InputStream in = loader.getResourceAsStream(name)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new LayoutModelException("classpath:" + name, "could not be read: " + e, e);
    }
  }

  @Override
  public String toString() {
    return "LayoutRiskPredictor[" + description + "]";
  }
}
