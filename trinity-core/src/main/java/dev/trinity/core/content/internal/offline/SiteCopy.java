package dev.trinity.core.content.internal.offline;

import dev.trinity.api.content.Hero;
import dev.trinity.api.content.Link;
import dev.trinity.api.content.Project;
import dev.trinity.api.content.SiteContent;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns an {@link Extraction} into site content: the projects as found, most stars first, cut to
 * what the page shows, and plain copy around them. The hero's figures count the projects shown, so
 * the subtitle and the list always agree. Stateless and thread-safe.
 */
public final class SiteCopy {
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}0-9])");

  private SiteCopy() {}

  /**
   * Builds site content.
   *
   * @param e what was extracted
   * @param maxRepos the most projects the page shows (the theme's limit); at most {@link
   *     SiteContent#MAX_REPOS} are shown whatever this says
   * @return the content, or empty when there are no projects
   */
  public static Optional<SiteContent> content(Extraction e, int maxRepos) {
    if (e.projects().isEmpty()) {
      return Optional.empty();
    }
    int shown = Math.max(1, Math.min(maxRepos, SiteContent.MAX_REPOS));
    List<Project> projects = e.projects().subList(0, Math.min(shown, e.projects().size()));
    // no name found: a plain label rather than a guess (never a document title taken as a name)
    String brand = e.brandName() != null ? e.brandName() : "Projects";
    brand = Text.limit(brand, SiteContent.MAX_BRAND_NAME_LENGTH);
    String tagline = null;
    if (e.summary() != null) {
      String first = SENTENCE_END.split(e.summary().strip(), 2)[0];
      tagline = Text.limit(first, SiteContent.MAX_TAGLINE_LENGTH);
    } else if (e.brandName() != null) {
      tagline = Text.limit("Projects by " + brand, SiteContent.MAX_TAGLINE_LENGTH);
    }
    String subtitle = Text.limit(facts(projects), Hero.MAX_SUBTITLE_LENGTH);
    Link profile = e.profileUrl() == null ? null : new Link("GitHub", e.profileUrl());
    Hero hero =
        new Hero(
            Text.limit(brand, Hero.MAX_TITLE_LENGTH),
            subtitle,
            new Link("View projects", "#projects"),
            profile);
    List<Link> menu = new ArrayList<>();
    menu.add(new Link("Projects", "#projects"));
    if (e.summary() != null) {
      menu.add(new Link("About", "#about"));
    }
    if (profile != null) {
      menu.add(profile);
    }
    Link cta =
        profile != null
            ? new Link("See everything on GitHub", profile.url())
            : new Link("Browse the projects", "#projects");
    return Optional.of(new SiteContent(brand, tagline, hero, projects, menu, cta));
  }

  /** "12 projects in Python, Go and HTML · 3,100 stars." — facts about the list shown. */
  static String facts(List<Project> projects) {
    Map<String, Integer> languages = new LinkedHashMap<>();
    long stars = 0;
    boolean anyStars = false;
    for (Project p : projects) {
      if (p.language() != null) {
        languages.merge(p.language(), 1, Integer::sum);
      }
      if (p.stars() != null) {
        stars += p.stars();
        anyStars = true;
      }
    }
    List<String> top =
        languages.entrySet().stream()
            .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
            .limit(3)
            .map(Map.Entry::getKey)
            .toList();
    StringBuilder sb = new StringBuilder();
    sb.append(projects.size()).append(projects.size() == 1 ? " project" : " projects");
    if (!top.isEmpty()) {
      sb.append(" in ").append(joinAnd(top));
    }
    if (anyStars) {
      sb.append(" · ")
          .append(NumberFormat.getIntegerInstance(Locale.ENGLISH).format(stars))
          .append(stars == 1 ? " star" : " stars");
    }
    return sb.append('.').toString();
  }

  private static String joinAnd(List<String> items) {
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " and "
        + items.get(items.size() - 1);
  }
}
