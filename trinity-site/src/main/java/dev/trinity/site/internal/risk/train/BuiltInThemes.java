package dev.trinity.site.internal.risk.train;

import dev.trinity.api.content.Theme;
import dev.trinity.api.content.ThemeRules;
import dev.trinity.site.SiteRenderer;
import java.util.List;

/** The five built-in themes as {@link Theme}s; only their names matter to the layout. */
public final class BuiltInThemes {
  private BuiltInThemes() {}

  /**
   * A theme with a built-in template.
   *
   * @param name one of {@link SiteRenderer#BUILT_IN_THEMES}
   * @return the theme
   */
  public static Theme of(String name) {
    return new Theme(name, "The " + name + " theme", "plain", ThemeRules.ofDefaults());
  }

  /**
   * All five.
   *
   * @return the themes, in {@link SiteRenderer#BUILT_IN_THEMES} order
   */
  public static List<Theme> all() {
    return SiteRenderer.BUILT_IN_THEMES.stream().map(BuiltInThemes::of).toList();
  }
}
