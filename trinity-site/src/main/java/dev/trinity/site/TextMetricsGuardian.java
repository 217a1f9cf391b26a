package dev.trinity.site;

import dev.trinity.api.content.Link;
import dev.trinity.api.content.Project;
import dev.trinity.api.content.SiteContent;
import dev.trinity.site.internal.GuardianEvents;
import dev.trinity.site.internal.LayoutSpec;
import dev.trinity.site.internal.PageModel;
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
    List<Element> elements = elementsOf(page.content());
    List<Overflow> overflows = new ArrayList<>();
    for (Viewport viewport : viewports) {
      for (Element e : elements) {
        measure(spec, page.fixes(), e, viewport, overflows);
      }
    }
    LayoutReport report =
        new LayoutReport(NAME, viewports, overflows, elements.size() * viewports.size());
    GuardianEvents.checked(page, report, System.nanoTime() - started);
    return report;
  }

  private record Element(Component component, int index, String text) {}

  private static List<Element> elementsOf(SiteContent c) {
    List<Element> out = new ArrayList<>();
    out.add(new Element(Component.BRAND_NAME, 0, c.brandName()));
    if (c.tagline() != null && !c.tagline().isBlank()) {
      out.add(new Element(Component.TAGLINE, 0, c.tagline()));
    }
    for (int i = 0; i < c.menuItems().size(); i++) {
      out.add(new Element(Component.MENU_ITEM, i, c.menuItems().get(i).label()));
    }
    out.add(new Element(Component.HERO_TITLE, 0, c.hero().title()));
    out.add(new Element(Component.HERO_SUBTITLE, 0, c.hero().subtitle()));
    addLink(out, 0, c.hero().ctaPrimary());
    addLink(out, 1, c.hero().ctaSecondary());
    addLink(out, 2, c.cta());
    int tag = 0;
    for (int i = 0; i < c.repos().size(); i++) {
      Project p = c.repos().get(i);
      out.add(new Element(Component.CARD_TITLE, i, p.name()));
      String meta = PageModel.metaText(p);
      if (!meta.isEmpty()) {
        out.add(new Element(Component.CARD_META, i, meta));
      }
      out.add(new Element(Component.CARD_DESCRIPTION, i, p.description()));
      for (String t : p.tags()) {
        if (t != null && !t.isBlank()) {
          out.add(new Element(Component.TAG, tag++, t));
        }
      }
    }
    return out;
  }

  private static void addLink(List<Element> out, int index, Link link) {
    if (link != null) {
      out.add(new Element(Component.CTA, index, link.label()));
    }
  }

  private static void measure(
      LayoutSpec spec, LayoutFixes fixes, Element e, Viewport viewport, List<Overflow> out) {
    HealingStrategy strategy = fixes.strategyFor(e.component(), e.index());
    if (strategy == HealingStrategy.TRUNCATE) {
      return;
    }
    boolean breakWords = strategy != HealingStrategy.NONE;
    LayoutSpec.Type type = spec.type(e.component());
    double size =
        type.sizeAt(viewport.width())
            * (strategy == HealingStrategy.FONT_SHRINK ? LayoutSpec.SHRINK : 1);
    double box = spec.boxWidth(e.component(), viewport.width());
    String text = e.text().strip();
    double horizontal = 0;
    if (e.component().singleLine() && !breakWords) {
      // a label is at most as wide as its container; its text then runs past the box, and the
      // browser's scrollWidth counts the start padding and the text, not the end padding
      horizontal = TextMeasure.width(text, type.font(), size) + type.padX() + 1 - box;
    } else if (!breakWords) {
      horizontal = TextMeasure.widestSegment(text, type.font(), size) - box;
    }
    if (horizontal > TOLERANCE) {
      out.add(
          new Overflow(
              e.component(),
              e.index(),
              viewport,
              (int) Math.round(horizontal),
              Overflow.Axis.HORIZONTAL));
    }
    if (type.lines() > 0) {
      double inner = e.component().singleLine() ? box - 2.0 * type.padX() : box;
      int lines = TextMeasure.lines(text, type.font(), size, inner, breakWords);
      double vertical = (lines - type.lines()) * type.lineHeight() * size;
      if (vertical > TOLERANCE) {
        out.add(
            new Overflow(
                e.component(),
                e.index(),
                viewport,
                (int) Math.round(vertical),
                Overflow.Axis.VERTICAL));
      }
    }
  }

  @Override
  public void close() {
    // nothing to release
  }
}
