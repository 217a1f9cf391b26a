package dev.trinity.site;

import dev.trinity.site.internal.GuardianEvents;
import dev.trinity.site.internal.LayoutSpec;
import dev.trinity.site.internal.PageElements;
import dev.trinity.site.internal.TextMeasure;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * A {@link LayoutGuardian} without a browser: it computes each element's box from the theme's
 * layout numbers (the same ones the page's {@code layout.css} is generated from) and measures the
 * text with {@code java.awt.font} in the same bundled fonts the page uses. Every unbreakable word
 * is measured on its own against the box; labels (tags, buttons, menu items) as a whole; text in a
 * box with a line limit is counted in lines.
 *
 * <p>It is an estimate: it knows the page's layout only through those numbers, so a template whose
 * stylesheet changes widths it does not declare is measured less well. Its agreement with {@link
 * ChromiumGuardian} on the built-in themes is measured in the module README. Used when Chromium is
 * not installed ({@link LayoutGuardians#bestAvailable()}).
 *
 * <p>Stateless and thread-safe; {@link #close()} does nothing.
 */
public final class TextMetricsGuardian implements LayoutGuardian {
  /** The guardian's name in reports. */
  public static final String NAME = "text-metrics";

  private static final LayoutSpec DEFAULT_LAYOUT = LayoutSpec.of(new Properties());
  private static final double TOLERANCE = 5;

  private TextMetricsGuardian() {}

  /**
   * A text-metrics guardian.
   *
   * @return the guardian
   */
  public static TextMetricsGuardian create() {
    return new TextMetricsGuardian();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public LayoutReport check(RenderedSite page, List<Viewport> viewports) {
    Objects.requireNonNull(page, "page");
    if (viewports.isEmpty()) {
      throw new IllegalArgumentException("viewports must not be empty");
    }
    long started = System.nanoTime();
    LayoutSpec spec = page.layout() == null ? DEFAULT_LAYOUT : page.layout();
    List<PageElements.Element> elements = PageElements.of(page.content());
    List<Overflow> overflows = new ArrayList<>();
    for (Viewport viewport : viewports) {
      for (PageElements.Element e : elements) {
        measure(spec, page.fixes(), e, viewport, overflows);
      }
    }
    LayoutReport report =
        new LayoutReport(NAME, viewports, overflows, elements.size() * viewports.size());
    GuardianEvents.checked(page, report, System.nanoTime() - started);
    return report;
  }

  private static void measure(
      LayoutSpec spec,
      LayoutFixes fixes,
      PageElements.Element e,
      Viewport viewport,
      List<Overflow> out) {
    Component component = e.ref().component();
    int index = e.ref().index();
    HealingStrategy strategy = fixes.strategyFor(component, index);
    if (strategy == HealingStrategy.TRUNCATE) {
      return;
    }
    boolean breakWords = strategy != HealingStrategy.NONE;
    LayoutSpec.Type type = spec.type(component);
    double size =
        type.sizeAt(viewport.width())
            * (strategy == HealingStrategy.FONT_SHRINK ? LayoutSpec.SHRINK : 1);
    double box = spec.boxWidth(component, viewport.width());
    String text = e.text();
    double horizontal = 0;
    if (component.singleLine() && !breakWords) {
      // a label is at most as wide as its container; its text then runs past the box, and the
      // browser's scrollWidth counts the start padding and the text, not the end padding
      horizontal = TextMeasure.width(text, type.font(), size) + type.padX() + 1 - box;
    } else if (!breakWords) {
      horizontal = TextMeasure.widestSegment(text, type.font(), size) - box;
    }
    if (horizontal > TOLERANCE) {
      out.add(
          new Overflow(
              component, index, viewport, (int) Math.round(horizontal), Overflow.Axis.HORIZONTAL));
    }
    if (type.lines() > 0) {
      double inner = component.singleLine() ? box - 2.0 * type.padX() : box;
      int lines = TextMeasure.lines(text, type.font(), size, inner, breakWords);
      double vertical = (lines - type.lines()) * type.lineHeight() * size;
      if (vertical > TOLERANCE) {
        out.add(
            new Overflow(
                component, index, viewport, (int) Math.round(vertical), Overflow.Axis.VERTICAL));
      }
    }
  }

  @Override
  public void close() {
    // nothing to release
  }
}
