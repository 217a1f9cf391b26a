package dev.trinity.core.content.internal;

import dev.trinity.api.content.Hero;
import dev.trinity.api.content.Link;
import dev.trinity.api.content.Project;
import dev.trinity.api.content.SiteContent;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Builds site content from a portfolio with rules instead of a model: the projects as the portfolio
 * lists them (name, description, language, stars, URL, tags), most stars first, and plain copy
 * around them. Nothing is rewritten or invented; the theme's rules are applied afterwards like for
 * any answer.
 *
 * <p>Understands GitHub-dashboard listings ({@link DashboardFormat}) and Markdown or plain-text
 * documents ({@link DocumentFormat}). Text in other shapes may yield no projects.
 */
public final class OfflineExtractor {
  /** The model name offline answers carry. */
  public static final String MODEL = "rule-based";

  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z0-9])");

  /**
   * What the extractor found.
   *
   * @param brandName the developer's or brand's name, if found
   * @param summary a paragraph about the developer, if found
   * @param profileUrl the developer's profile (GitHub) URL, if found
   * @param projects the projects, most stars first
   */
  public record Extraction(
      @Nullable String brandName,
      @Nullable String summary,
      @Nullable String profileUrl,
      List<Project> projects) {}

  private OfflineExtractor() {}

  /**
   * Extracts what the portfolio says.
   *
   * @param portfolio the portfolio text
   * @return the extraction; its project list may be empty
   */
  public static Extraction extract(String portfolio) {
    List<String> lines = List.of(portfolio.replace("\r\n", "\n").replace('\r', '\n').split("\n"));
    DashboardFormat.Listing listing = DashboardFormat.read(lines);
    if (listing != null) {
      String profile = listing.owner() == null ? null : "https://github.com/" + listing.owner();
      return new Extraction(listing.owner(), null, profile, projects(listing.projects()));
    }
    DocumentFormat.Document doc = DocumentFormat.read(lines);
    return new Extraction(
        doc.brandName(), doc.summary(), doc.profileUrl(), projects(doc.projects()));
  }

  /**
   * Builds site content from a portfolio.
   *
   * @param portfolio the portfolio text
   * @return the content, or empty when no project was found (the schema needs at least one)
   */
  public static Optional<SiteContent> content(String portfolio) {
    return content(extract(portfolio));
  }

  /**
   * Builds site content from an extraction.
   *
   * @param e what was extracted
   * @return the content, or empty when there are no projects
   */
  public static Optional<SiteContent> content(Extraction e) {
    if (e.projects().isEmpty()) {
      return Optional.empty();
    }
    String brand = e.brandName() != null ? e.brandName() : "Portfolio";
    brand = ProjectFields.limit(brand, SiteContent.MAX_BRAND_NAME_LENGTH);
    String tagline =
        e.summary() != null
            ? ProjectFields.limit(firstSentence(e.summary()), SiteContent.MAX_TAGLINE_LENGTH)
            : e.brandName() != null ? ProjectFields.limit("Projects by " + brand, 200) : null;
    String subtitle = ProjectFields.limit(facts(e.projects()), Hero.MAX_SUBTITLE_LENGTH);
    Link projects = new Link("Projects", "#projects");
    Link profile = e.profileUrl() == null ? null : new Link("GitHub", e.profileUrl());
    Hero hero =
        new Hero(
            ProjectFields.limit(brand, Hero.MAX_TITLE_LENGTH),
            subtitle,
            new Link("View projects", "#projects"),
            profile);
    List<Link> menu = new ArrayList<>();
    menu.add(projects);
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
    return Optional.of(new SiteContent(brand, tagline, hero, e.projects(), menu, cta));
  }

  /** Sorted by stars (unknown last), at most the schema's maximum. */
  private static List<Project> projects(List<ProjectDraft> drafts) {
    return drafts.stream()
        .map(ProjectDraft::toProject)
        .sorted(
            Comparator.comparing(
                (Project p) -> p.stars() == null ? -1 : p.stars(), Comparator.reverseOrder()))
        .limit(SiteContent.MAX_REPOS)
        .toList();
  }

  /** "12 projects in Python, Go and HTML · 3,100 stars" — facts, no claims. */
  private static String facts(List<Project> projects) {
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

  private static String firstSentence(String text) {
    return SENTENCE_END.split(text.strip(), 2)[0];
  }
}
