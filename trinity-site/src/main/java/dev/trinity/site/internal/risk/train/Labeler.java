package dev.trinity.site.internal.risk.train;

import dev.trinity.api.content.SiteContent;
import dev.trinity.api.content.Theme;
import dev.trinity.site.Component;
import dev.trinity.site.ComponentRef;
import dev.trinity.site.HealingStrategy;
import dev.trinity.site.LayoutFixes;
import dev.trinity.site.LayoutGuardian;
import dev.trinity.site.LayoutReport;
import dev.trinity.site.SiteRenderer;
import dev.trinity.site.Viewport;
import dev.trinity.site.internal.PageElements;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Labels every element of a page with the cheapest {@link HealingStrategy} after which the guardian
 * finds it inside its box at every viewport.
 *
 * <p>One render per rung, not one per element and rung: the page is rendered with every element at
 * the same strategy, cheapest first, and each element takes the first rung at which it no longer
 * overflows. The fixes are per-element CSS classes (or cut text) inside boxes whose width the grid
 * fixes, so an element's fit does not depend on its neighbours' fixes; the climb stops as soon as
 * every element has a label. A page with nothing to fix costs one render; the worst costs five.
 */
public final class Labeler {
  /** The label of an element that still overflows with {@link HealingStrategy#CONTENT_CUT}. */
  public static final String UNFIXED = "UNFIXED";

  private final SiteRenderer renderer;
  private final LayoutGuardian guardian;
  private final List<Viewport> viewports;

  /**
   * A labeler.
   *
   * @param renderer the renderer
   * @param guardian the guardian (Chromium for real labels)
   * @param viewports the viewports every render is checked at
   */
  public Labeler(SiteRenderer renderer, LayoutGuardian guardian, List<Viewport> viewports) {
    this.renderer = renderer;
    this.guardian = guardian;
    this.viewports = List.copyOf(viewports);
  }

  /**
   * A labelled page.
   *
   * @param labels per element, the cheapest strategy's name, or {@link #UNFIXED}
   * @param renders how many renders labelling took
   */
  public record Labelled(Map<ComponentRef, String> labels, int renders) {}

  /**
   * Labels a page's elements.
   *
   * @param content the content
   * @param theme the theme
   * @return the labels
   */
  public Labelled label(SiteContent content, Theme theme) {
    Map<ComponentRef, String> labels = new LinkedHashMap<>();
    List<ComponentRef> open = new ArrayList<>();
    for (PageElements.Element e : PageElements.of(content)) {
      open.add(e.ref());
    }
    int renders = 0;
    for (HealingStrategy s : HealingStrategy.values()) {
      LayoutReport report =
          guardian.check(renderer.render(content, theme, everywhere(s)), viewports);
      renders++;
      Set<ComponentRef> overflowing = report.overflowingElements();
      List<ComponentRef> still = new ArrayList<>();
      for (ComponentRef ref : open) {
        if (overflowing.contains(ref)) {
          still.add(ref);
        } else {
          labels.put(ref, s.name());
        }
      }
      open = still;
      if (open.isEmpty()) {
        break;
      }
    }
    for (ComponentRef ref : open) {
      labels.put(ref, UNFIXED);
    }
    return new Labelled(labels, renders);
  }

  /**
   * Fixes applying one strategy to every component.
   *
   * @param s the strategy
   * @return the fixes
   */
  public static LayoutFixes everywhere(HealingStrategy s) {
    LayoutFixes fixes = LayoutFixes.none();
    for (Component c : Component.values()) {
      fixes = fixes.with(c, s);
    }
    return fixes;
  }
}
