package dev.trinity.site.internal;

import dev.trinity.api.content.Hero;
import dev.trinity.api.content.Link;
import dev.trinity.api.content.Project;
import dev.trinity.api.content.SafeLinks;
import dev.trinity.api.content.SiteContent;
import dev.trinity.site.Component;
import dev.trinity.site.HealingStrategy;
import dev.trinity.site.LayoutFixes;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns content and fixes into the map a page template reads. Text is passed as is (the template
 * engine escapes it); URLs go through {@link SafeLinks}, the same check the content engine applies
 * (hosts can render content that never went through it); {@link HealingStrategy#CONTENT_CUT}
 * shortens text here, with {@link ContentCut}.
 *
 * <p>Every text element is a map with {@code text}, {@code index}, {@code component} and {@code
 * fix} (the CSS classes of its fix, empty when none); every link adds {@code href} (absent when the
 * URL was refused) and {@code external}.
 */
public final class PageModel {
  /**
   * Characters kept by {@link HealingStrategy#CONTENT_CUT}, and the floor below which it never
   * cuts.
   */
  private static final Map<Component, int[]> CUT = new EnumMap<>(Component.class);

  static {
    CUT.put(Component.BRAND_NAME, new int[] {24, 8});
    CUT.put(Component.TAGLINE, new int[] {60, 20});
    CUT.put(Component.MENU_ITEM, new int[] {16, 6});
    CUT.put(Component.HERO_TITLE, new int[] {40, 12});
    CUT.put(Component.HERO_SUBTITLE, new int[] {120, 40});
    CUT.put(Component.CTA, new int[] {20, 8});
    CUT.put(Component.CARD_TITLE, new int[] {28, 8});
    CUT.put(Component.CARD_DESCRIPTION, new int[] {120, 40});
    CUT.put(Component.CARD_META, new int[] {24, 8});
    CUT.put(Component.TAG, new int[] {16, 4});
  }

  private final LayoutFixes fixes;
  private final List<Project> renderedRepos = new ArrayList<>();
  private String brand = "";
  private String tagline;
  private Hero hero;
  private final List<Link> menu = new ArrayList<>();
  private Link cta;

  private PageModel(LayoutFixes fixes) {
    this.fixes = fixes;
  }

  /** The model and the content as rendered. */
  public record Built(Map<String, Object> scope, SiteContent rendered) {}

  /**
   * Builds the template's model.
   *
   * @param content the content
   * @param fixes the fixes to apply
   * @return the model and the content after any cut
   */
  public static Built build(SiteContent content, LayoutFixes fixes) {
    return new PageModel(fixes).buildScope(content);
  }

  /**
   * Cuts a component's text as {@link HealingStrategy#CONTENT_CUT} does.
   *
   * @param component the component
   * @param text the text
   * @return the cut text (unchanged when short enough)
   */
  public static String cut(Component component, String text) {
    int[] budget = CUT.get(component);
    return ContentCut.cut(text, budget[0], Math.min(budget[1], Math.max(1, text.strip().length())));
  }

  private Built buildScope(SiteContent c) {
    Map<String, Object> scope = new LinkedHashMap<>();
    Map<String, Object> brandNode = text(Component.BRAND_NAME, 0, c.brandName());
    brand = (String) brandNode.get("text");
    scope.put("brand", brandNode);
    if (c.tagline() != null && !c.tagline().isBlank()) {
      Map<String, Object> t = text(Component.TAGLINE, 0, c.tagline());
      tagline = (String) t.get("text");
      scope.put("tagline", t);
    }
    List<Object> menuNodes = new ArrayList<>();
    for (int i = 0; i < c.menuItems().size(); i++) {
      menuNodes.add(link(Component.MENU_ITEM, i, c.menuItems().get(i), menu));
    }
    scope.put("menu", menuNodes);
    scope.put("hasMenu", !menuNodes.isEmpty());

    Map<String, Object> heroNode = new LinkedHashMap<>();
    Hero h = c.hero();
    Map<String, Object> title = text(Component.HERO_TITLE, 0, h.title());
    Map<String, Object> subtitle = text(Component.HERO_SUBTITLE, 0, h.subtitle());
    heroNode.put("title", title);
    heroNode.put("subtitle", subtitle);
    List<Link> heroLinks = new ArrayList<>();
    List<Object> buttons = new ArrayList<>();
    if (h.ctaPrimary() != null) {
      Map<String, Object> b = link(Component.CTA, 0, h.ctaPrimary(), heroLinks);
      b.put("primary", true);
      buttons.add(b);
    }
    if (h.ctaSecondary() != null) {
      Map<String, Object> b = link(Component.CTA, 1, h.ctaSecondary(), heroLinks);
      b.put("primary", false);
      buttons.add(b);
    }
    heroNode.put("buttons", buttons);
    heroNode.put("hasButtons", !buttons.isEmpty());
    scope.put("hero", heroNode);
    hero =
        new Hero(
            (String) title.get("text"),
            (String) subtitle.get("text"),
            h.ctaPrimary() == null ? null : heroLinks.get(0),
            h.ctaSecondary() == null ? null : heroLinks.get(heroLinks.size() - 1));

    List<Object> repos = new ArrayList<>();
    int tagIndex = 0;
    for (int i = 0; i < c.repos().size(); i++) {
      Project p = c.repos().get(i);
      Map<String, Object> card = new LinkedHashMap<>();
      Map<String, Object> name = text(Component.CARD_TITLE, i, p.name());
      card.put("index", i);
      card.put("name", name);
      if (isSafeLink(p.url())) {
        card.put("href", p.url());
      }
      Map<String, Object> description = text(Component.CARD_DESCRIPTION, i, p.description());
      card.put("description", description);
      String meta = metaText(p);
      if (!meta.isEmpty()) {
        card.put("meta", text(Component.CARD_META, i, meta));
      }
      if (p.language() != null) {
        card.put("language", p.language());
      }
      if (p.stars() != null) {
        card.put("stars", p.stars());
      }
      List<Object> tags = new ArrayList<>();
      List<String> renderedTags = new ArrayList<>();
      for (String tag : p.tags()) {
        if (tag == null || tag.isBlank()) {
          continue;
        }
        Map<String, Object> t = text(Component.TAG, tagIndex++, tag);
        renderedTags.add((String) t.get("text"));
        tags.add(t);
      }
      card.put("tags", tags);
      card.put("hasTags", !tags.isEmpty());
      repos.add(card);
      renderedRepos.add(
          new Project(
              (String) name.get("text"),
              (String) description.get("text"),
              p.url(),
              p.stars(),
              p.language(),
              renderedTags));
    }
    scope.put("repos", repos);
    if (c.cta() != null) {
      List<Link> closing = new ArrayList<>();
      scope.put("cta", link(Component.CTA, 2, c.cta(), closing));
      cta = closing.get(0);
    }
    SiteContent rendered = new SiteContent(brand, tagline, hero, renderedRepos, menu, cta);
    return new Built(scope, rendered);
  }

  /**
   * A project's meta line: its language and star count ({@code Java · ★ 1,234}).
   *
   * @param p the project
   * @return the line, empty when neither is known
   */
  public static String metaText(Project p) {
    List<String> parts = new ArrayList<>();
    if (p.language() != null && !p.language().isBlank()) {
      parts.add(p.language().strip());
    }
    if (p.stars() != null) {
      parts.add("★ " + NumberFormat.getIntegerInstance(Locale.ROOT).format(p.stars()));
    }
    return String.join(" · ", parts);
  }

  private Map<String, Object> text(Component component, int index, String raw) {
    HealingStrategy strategy = fixes.strategyFor(component, index);
    String value = raw.strip();
    if (strategy == HealingStrategy.CONTENT_CUT) {
      value = cut(component, value);
    }
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("text", value);
    node.put("index", index);
    node.put("component", component.id());
    node.put("fix", fixClasses(component, strategy));
    node.put("strategy", strategy.name().toLowerCase(Locale.ROOT));
    return node;
  }

  /** Whether a link target may appear in an {@code href}; a refused one renders as its label. */
  private static boolean isSafeLink(@Nullable String url) {
    return url != null && SafeLinks.isAllowed(url);
  }

  private Map<String, Object> link(Component component, int index, Link link, List<Link> out) {
    Map<String, Object> node = text(component, index, link.label());
    if (isSafeLink(link.url())) {
      node.put("href", link.url());
      node.put("external", SafeLinks.isWebUrl(link.url()));
    }
    out.add(new Link((String) node.get("text"), link.url()));
    return node;
  }

  /**
   * The CSS classes that apply a strategy to a component.
   *
   * @param component the component
   * @param strategy the strategy
   * @return space-separated classes, empty for {@link HealingStrategy#NONE}
   */
  public static String fixClasses(Component component, HealingStrategy strategy) {
    return switch (strategy) {
      case NONE -> "";
      case BREAK_WORD -> "fix-break-word";
      case FONT_SHRINK -> "fix-break-word fix-font-shrink";
      case TRUNCATE -> component.singleLine() ? "fix-truncate-line" : "fix-truncate-lines";
      case CONTENT_CUT -> "fix-break-word fix-cut";
    };
  }
}
