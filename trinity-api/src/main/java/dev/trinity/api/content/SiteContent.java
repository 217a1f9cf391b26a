package dev.trinity.api.content;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a site template consumes: the brand, the hero section, the projects, the menu and a closing
 * call to action. Immutable. Serialised with Jackson it has exactly the JSON shape of the original
 * Trinity content schema:
 *
 * <pre>{@code
 * {"brand_name": "...", "tagline": "...",
 *  "hero": {"title": "...", "subtitle": "...", "cta_primary": {"label", "url"}, "cta_secondary": null},
 *  "repos": [{"name", "description", "url", "stars", "language", "tags": []}],
 *  "menu_items": [{"label", "url"}], "cta": {"label", "url"}}
 * }</pre>
 *
 * <p>The constructors check only that required parts are present; the content engine checks the
 * limits documented here (and in {@code docs/content.md}) and reports each broken one with its
 * field path.
 *
 * @param brandName the developer's or brand's name ({@code brand_name}), 1 to {@value
 *     #MAX_BRAND_NAME_LENGTH} characters
 * @param tagline a one-line tagline, at most {@value #MAX_TAGLINE_LENGTH} characters, or null
 * @param hero the hero section
 * @param repos the projects, {@value #MIN_REPOS} to {@value #MAX_REPOS}
 * @param menuItems the navigation links ({@code menu_items}), at most {@value #MAX_MENU_ITEMS}
 * @param cta the closing call to action, or null
 */
@JsonPropertyOrder({"brand_name", "tagline", "hero", "repos", "menu_items", "cta"})
public record SiteContent(
    @JsonProperty("brand_name") String brandName,
    @JsonProperty("tagline") @Nullable String tagline,
    @JsonProperty("hero") Hero hero,
    @JsonProperty("repos") List<Project> repos,
    @JsonProperty("menu_items") List<Link> menuItems,
    @JsonProperty("cta") @Nullable Link cta) {
  /** Longest accepted brand name: {@value}. */
  public static final int MAX_BRAND_NAME_LENGTH = 100;

  /** Longest accepted tagline: {@value}. */
  public static final int MAX_TAGLINE_LENGTH = 200;

  /** Fewest projects: {@value}. */
  public static final int MIN_REPOS = 1;

  /** Most projects: {@value}. */
  public static final int MAX_REPOS = 20;

  /** Most menu items: {@value}. */
  public static final int MAX_MENU_ITEMS = 10;

  /**
   * Checks presence and copies the lists; a null menu becomes empty.
   *
   * @throws NullPointerException when the brand name, hero or projects are null
   */
  @JsonCreator
  public SiteContent {
    Objects.requireNonNull(brandName, "brandName");
    Objects.requireNonNull(hero, "hero");
    repos = List.copyOf(Objects.requireNonNull(repos, "repos"));
    menuItems = menuItems == null ? List.of() : List.copyOf(menuItems);
  }
}
