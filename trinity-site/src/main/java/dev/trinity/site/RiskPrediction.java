package dev.trinity.site;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link LayoutRiskPredictor} expects a page to need before it is rendered: a strategy per
 * element and, for the page, the strongest of them with a probability for each class. Immutable.
 *
 * <p>The page's probabilities combine the elements' as if they were independent: the chance that
 * the page needs at most strategy <i>s</i> is the product over elements of the chance that each
 * needs at most <i>s</i>.
 *
 * @param strategy the strongest strategy any element is predicted to need
 * @param probabilities the page's probability of each strategy being the strongest needed, in
 *     ladder order; sums to 1
 * @param elements one entry per text element of the page, in page order
 * @param source whether a trained model or the fallback rules predicted
 */
public record RiskPrediction(
    HealingStrategy strategy,
    Map<HealingStrategy, Double> probabilities,
    List<ElementRisk> elements,
    Source source) {

  /** Where a prediction came from. */
  public enum Source {
    /** The trained model. */
    MODEL,
    /** The fallback rules, used when no model is available. */
    HEURISTIC
  }

  /**
   * One element's prediction.
   *
   * @param ref the element
   * @param strategy the strategy it is predicted to need
   * @param confidence the probability of that strategy
   * @param risk the probability it needs any fix (1 minus that of {@link HealingStrategy#NONE})
   */
  public record ElementRisk(
      ComponentRef ref, HealingStrategy strategy, double confidence, double risk) {
    /** Validates. */
    public ElementRisk {
      Objects.requireNonNull(ref, "ref");
      Objects.requireNonNull(strategy, "strategy");
    }
  }

  /** Validates and copies. */
  public RiskPrediction {
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(source, "source");
    probabilities = Collections.unmodifiableMap(new EnumMap<>(probabilities));
    elements = List.copyOf(elements);
  }

  /**
   * The probability of the page's strategy.
   *
   * @return 0 to 1
   */
  public double confidence() {
    return probabilities.getOrDefault(strategy, 0.0);
  }

  /**
   * The fixes to render with first: each element at its predicted strategy (elements predicted
   * {@link HealingStrategy#NONE} are left alone). Pass to {@link Healer#heal(
   * dev.trinity.api.content.SiteContent, dev.trinity.api.content.Theme, LayoutFixes)}.
   *
   * @return the plan
   */
  public LayoutFixes plan() {
    Map<ComponentRef, HealingStrategy> fixes = new LinkedHashMap<>();
    for (ElementRisk e : elements) {
      if (e.strategy() != HealingStrategy.NONE) {
        fixes.put(e.ref(), e.strategy());
      }
    }
    return LayoutFixes.of(fixes);
  }
}
