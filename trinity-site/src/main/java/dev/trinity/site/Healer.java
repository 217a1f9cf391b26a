package dev.trinity.site;

import dev.trinity.api.content.SiteContent;
import dev.trinity.api.content.Theme;
import dev.trinity.site.internal.GuardianEvents;
import dev.trinity.site.internal.risk.RiskEvents;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Renders a page, checks it, and escalates a {@link HealingStrategy} per overflowing element (NONE
 * → BREAK_WORD → FONT_SHRINK → TRUNCATE → CONTENT_CUT), re-rendering and re-checking until the page
 * is clean, no element can be escalated further, or {@link Builder#maxRenders(int)} renders are
 * spent. Only elements that overflow are touched, each on its own ({@code tag[7]}, not every tag).
 *
 * <p>Every fixed element is logged as a {@code layout_healed} event (component, strategy, renders).
 * Thread-safety follows the guardian's: with one guardian, heals run one at a time.
 */
public final class Healer {
  /** Renders allowed by default: enough for one element to climb every rung. */
  public static final int DEFAULT_MAX_RENDERS = 8;

  private final SiteRenderer renderer;
  private final LayoutGuardian guardian;
  private final List<Viewport> viewports;
  private final int maxRenders;
  private final @Nullable LayoutRiskPredictor predictor;

  private Healer(Builder b) {
    this.renderer = b.renderer;
    this.guardian = Objects.requireNonNull(b.guardian, "guardian");
    this.viewports = List.copyOf(b.viewports);
    this.maxRenders = b.maxRenders;
    this.predictor = b.predictor;
  }

  /**
   * A builder; a guardian is required.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Heals a page: from the {@link Builder#predictor(LayoutRiskPredictor) predictor}'s plan when
   * there is one (logged as {@code layout_predicted}), else from no fixes.
   *
   * @param content the content
   * @param theme the theme
   * @return the result
   * @throws SiteException when rendering or checking fails
   * @throws dev.trinity.api.InvalidInputException when the theme has no template, or the predictor
   *     does not know its layout
   */
  public HealResult heal(SiteContent content, Theme theme) {
    if (predictor != null) {
      RiskPrediction prediction = predictor.predict(content, theme);
      RiskEvents.predicted(theme.name(), prediction);
      return heal(content, theme, prediction.plan());
    }
    return heal(content, theme, LayoutFixes.none());
  }

  /**
   * Heals a page starting with one strategy on every component (a prediction, say); elements that
   * still overflow escalate from there.
   *
   * @param content the content
   * @param theme the theme
   * @param start the strategy applied to every component on the first render
   * @return the result
   * @throws SiteException when rendering or checking fails
   */
  public HealResult heal(SiteContent content, Theme theme, HealingStrategy start) {
    LayoutFixes plan = LayoutFixes.none();
    for (Component c : Component.values()) {
      plan = plan.with(c, start);
    }
    return heal(content, theme, plan);
  }

  /**
   * Heals a page starting from a plan of fixes; elements that still overflow escalate from there.
   *
   * @param content the content
   * @param theme the theme
   * @param plan the fixes of the first render
   * @return the result
   * @throws SiteException when rendering or checking fails
   */
  public HealResult heal(SiteContent content, Theme theme, LayoutFixes plan) {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(theme, "theme");
    LayoutFixes fixes = Objects.requireNonNull(plan, "plan");
    Map<ComponentRef, HealingStrategy> fixedBy = new LinkedHashMap<>();
    List<Integer> counts = new ArrayList<>();
    int renders = 0;
    while (true) {
      RenderedSite site = renderer.render(content, theme, fixes);
      renders++;
      LayoutReport report = guardian.check(site, viewports);
      counts.add(report.overflows().size());
      LayoutFixes next = fixes;
      if (!report.isClean() && renders < maxRenders) {
        for (ComponentRef ref : report.overflowingElements()) {
          HealingStrategy current = fixes.strategyFor(ref.component(), ref.index());
          if (current != HealingStrategy.CONTENT_CUT) {
            next = next.with(ref, current.next());
            fixedBy.put(ref, current.next());
          }
        }
      }
      if (report.isClean() || next.equals(fixes)) {
        if (report.isClean()) {
          for (Map.Entry<ComponentRef, HealingStrategy> e : fixedBy.entrySet()) {
            GuardianEvents.healed(theme.name(), e.getKey(), e.getValue(), renders);
          }
        }
        return new HealResult(site, report, fixes, fixedBy, renders, counts);
      }
      fixes = next;
    }
  }

  /** Builds a {@link Healer}; not thread-safe. */
  public static final class Builder {
    private SiteRenderer renderer;
    private LayoutGuardian guardian;
    private List<Viewport> viewports = Viewport.DEFAULTS;
    private int maxRenders = DEFAULT_MAX_RENDERS;
    private @Nullable LayoutRiskPredictor predictor;

    private Builder() {}

    /**
     * Sets a predictor: {@link Healer#heal(SiteContent, Theme)} then renders first with the
     * predicted strategy per element instead of none, and escalates from there (none by default).
     *
     * @param predictor the predictor, for example {@link LayoutRiskPredictor#shipped()}
     * @return this builder
     */
    public Builder predictor(LayoutRiskPredictor predictor) {
      this.predictor = Objects.requireNonNull(predictor, "predictor");
      return this;
    }

    /**
     * Sets the renderer ({@link SiteRenderer#create()} by default).
     *
     * @param renderer the renderer
     * @return this builder
     */
    public Builder renderer(SiteRenderer renderer) {
      this.renderer = Objects.requireNonNull(renderer, "renderer");
      return this;
    }

    /**
     * Sets the guardian that checks each render; the healer does not close it.
     *
     * @param guardian the guardian
     * @return this builder
     */
    public Builder guardian(LayoutGuardian guardian) {
      this.guardian = Objects.requireNonNull(guardian, "guardian");
      return this;
    }

    /**
     * Sets the viewports each render is checked at ({@link Viewport#DEFAULTS} by default).
     *
     * @param viewports at least one
     * @return this builder
     * @throws IllegalArgumentException when empty
     */
    public Builder viewports(List<Viewport> viewports) {
      if (viewports.isEmpty()) {
        throw new IllegalArgumentException("viewports must not be empty");
      }
      this.viewports = List.copyOf(viewports);
      return this;
    }

    /**
     * Sets the most renders per heal.
     *
     * @param maxRenders 1 to 50
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder maxRenders(int maxRenders) {
      if (maxRenders < 1 || maxRenders > 50) {
        throw new IllegalArgumentException("maxRenders must be in [1, 50], was " + maxRenders);
      }
      this.maxRenders = maxRenders;
      return this;
    }

    /**
     * Builds the healer.
     *
     * @return the healer
     * @throws NullPointerException when no guardian was set
     */
    public Healer build() {
      if (renderer == null) {
        renderer = SiteRenderer.create();
      }
      return new Healer(this);
    }
  }
}
