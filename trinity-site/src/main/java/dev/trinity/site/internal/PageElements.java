package dev.trinity.site.internal;

import dev.trinity.api.content.Hero;
import dev.trinity.api.content.Link;
import dev.trinity.api.content.Project;
import dev.trinity.api.content.SiteContent;
import dev.trinity.site.Component;
import dev.trinity.site.ComponentRef;
import java.util.ArrayList;
import java.util.List;

/**
 * The text elements a page will have, in the order and with the indexes the renderer gives them
 * ({@code data-component}, {@code data-index}): the unit the layout-risk model predicts for and the
 * text-metrics guardian measures.
 */
public final class PageElements {
  private PageElements() {}

  /**
   * One element and its text.
   *
   * @param ref the component and index
   * @param text the stripped text
   */
  public record Element(ComponentRef ref, String text) {}

  /**
   * Every text element of a page.
   *
   * @param c the content
   * @return the elements, in page order
   */
  public static List<Element> of(SiteContent c) {
    List<Element> out = new ArrayList<>();
    add(out, Component.BRAND_NAME, 0, c.brandName());
    if (c.tagline() != null && !c.tagline().isBlank()) {
      add(out, Component.TAGLINE, 0, c.tagline());
    }
    for (int i = 0; i < c.menuItems().size(); i++) {
      add(out, Component.MENU_ITEM, i, c.menuItems().get(i).label());
    }
    Hero h = c.hero();
    add(out, Component.HERO_TITLE, 0, h.title());
    add(out, Component.HERO_SUBTITLE, 0, h.subtitle());
    addLink(out, 0, h.ctaPrimary());
    addLink(out, 1, h.ctaSecondary());
    int tag = 0;
    for (int i = 0; i < c.repos().size(); i++) {
      Project p = c.repos().get(i);
      add(out, Component.CARD_TITLE, i, p.name());
      add(out, Component.CARD_DESCRIPTION, i, p.description());
      String meta = PageModel.metaText(p);
      if (!meta.isEmpty()) {
        add(out, Component.CARD_META, i, meta);
      }
      for (String t : p.tags()) {
        if (t != null && !t.isBlank()) {
          add(out, Component.TAG, tag++, t);
        }
      }
    }
    addLink(out, 2, c.cta());
    return out;
  }

  private static void addLink(List<Element> out, int index, Link link) {
    if (link != null) {
      add(out, Component.CTA, index, link.label());
    }
  }

  private static void add(List<Element> out, Component component, int index, String text) {
    out.add(new Element(ComponentRef.of(component, index), text.strip()));
  }
}
