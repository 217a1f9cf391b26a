package dev.trinity.core.content.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trinity.api.content.Hero;
import dev.trinity.api.content.Link;
import dev.trinity.api.content.Project;
import dev.trinity.api.content.SafeLinks;
import dev.trinity.api.content.SiteContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Checks a JSON object against the content schema and builds the {@link SiteContent} it describes.
 * Reports every problem as {@code path: what is wrong} ({@code repos[2].stars: must be >= 0}),
 * without quoting the text it checked.
 *
 * <p>Lenient where the meaning is clear: optional fields may be missing instead of null, strings
 * are stripped of surrounding white space, unknown fields are ignored, and a whole-number {@code
 * 12.0} counts as an integer.
 *
 * <p>Links are checked with {@link SafeLinks}, and what happens to a refused one depends on the
 * field: a project's {@code url} becomes null and a menu item is left out (both with a warning),
 * because they are optional and usually copied from the portfolio as written, so asking the model
 * again would not fix them; a refused call to action ({@code hero.cta_primary}, {@code
 * hero.cta_secondary}, {@code cta}) is an error, because the model wrote it and a repair round can.
 */
public final class SiteContentValidator {
  /** At most this many problems are listed; the rest are counted. */
  static final int MAX_ERRORS = 20;

  /**
   * A check's outcome: the content when there were no problems, and what was dropped from it.
   *
   * @param content the content, or null when there were errors
   * @param errors the problems, as {@code path: what is wrong}; empty when valid
   * @param warnings the links left out, as {@code path: link dropped: why}
   */
  public record Result(@Nullable SiteContent content, List<String> errors, List<String> warnings) {
    /** Copies the lists. */
    public Result {
      errors = List.copyOf(errors);
      warnings = List.copyOf(warnings);
    }

    /** Whether the object passed. */
    public boolean valid() {
      return errors.isEmpty();
    }
  }

  private final List<String> errors = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private int dropped;

  private SiteContentValidator() {}

  /**
   * Checks an object.
   *
   * @param root the parsed answer
   * @return the content, or the problems found
   */
  public static Result validate(JsonNode root) {
    SiteContentValidator v = new SiteContentValidator();
    SiteContent content = v.content(root);
    List<String> errors = new ArrayList<>(v.errors);
    if (v.dropped > 0) {
      errors.add("(" + v.dropped + " more problems not listed)");
    }
    return errors.isEmpty()
        ? new Result(content, List.of(), v.warnings)
        : new Result(null, errors, v.warnings);
  }

  /**
   * The content with every link {@link SafeLinks} refuses taken out: a project's URL and a call to
   * action become null, a menu item is left out. For content that did not come through {@link
   * #validate} (the offline fallback); each removal is added to {@code warnings} as {@code path:
   * link dropped: why}.
   *
   * @param content the content
   * @param warnings where to add what was removed
   * @return the content with safe links only (the same instance when nothing was removed)
   */
  public static SiteContent withSafeLinks(SiteContent content, List<String> warnings) {
    int before = warnings.size();
    Hero h = content.hero();
    Hero hero =
        new Hero(
            h.title(),
            h.subtitle(),
            safe(h.ctaPrimary(), "hero.cta_primary", warnings),
            safe(h.ctaSecondary(), "hero.cta_secondary", warnings));
    List<Project> repos = new ArrayList<>();
    for (int i = 0; i < content.repos().size(); i++) {
      Project p = content.repos().get(i);
      String url = safeProjectUrl(p.url(), "repos[" + i + "].url", warnings);
      repos.add(new Project(p.name(), p.description(), url, p.stars(), p.language(), p.tags()));
    }
    List<Link> menu = new ArrayList<>();
    for (int i = 0; i < content.menuItems().size(); i++) {
      Link link = safe(content.menuItems().get(i), "menu_items[" + i + "]", warnings);
      if (link != null) {
        menu.add(link);
      }
    }
    Link cta = safe(content.cta(), "cta", warnings);
    if (warnings.size() == before) {
      return content;
    }
    return new SiteContent(content.brandName(), content.tagline(), hero, repos, menu, cta);
  }

  private static @Nullable Link safe(@Nullable Link link, String path, List<String> warnings) {
    if (link == null) {
      return null;
    }
    Optional<String> problem = SafeLinks.problem(link.url());
    problem.ifPresent(why -> warnings.add(droppedLink(path, why)));
    return problem.isEmpty() ? link : null;
  }

  private static String droppedLink(String path, String problem) {
    return path + ": link dropped: its url " + problem;
  }

  /**
   * A project's URL when it is an allowed http(s) URL, else null with {@code path: link dropped:
   * why} added to {@code warnings}.
   */
  private static @Nullable String safeProjectUrl(
      @Nullable String url, String path, List<String> warnings) {
    if (url == null || SafeLinks.isWebUrl(url)) {
      return url;
    }
    warnings.add(
        path
            + ": link dropped: "
            + SafeLinks.problem(url)
                .orElse("is not an http(s):// URL, which a project's URL must be"));
    return null;
  }

  private @Nullable SiteContent content(JsonNode root) {
    if (!root.isObject()) {
      error("$", "must be a JSON object");
      return null;
    }
    String brand =
        requiredText(root, "brand_name", "brand_name", SiteContent.MAX_BRAND_NAME_LENGTH);
    String tagline = optionalText(root, "tagline", "tagline", SiteContent.MAX_TAGLINE_LENGTH);
    Hero hero = hero(root.get("hero"));
    List<Project> repos = repos(root.get("repos"));
    List<Link> menu = menu(root.get("menu_items"));
    Link cta = optionalLink(root.get("cta"), "cta");
    if (!errors.isEmpty() || dropped > 0 || brand == null || hero == null || repos == null) {
      return null;
    }
    return new SiteContent(brand, tagline, hero, repos, menu, cta);
  }

  private @Nullable Hero hero(@Nullable JsonNode node) {
    if (isAbsent(node)) {
      error("hero", "is required");
      return null;
    }
    if (!node.isObject()) {
      error("hero", "must be an object, was " + kind(node));
      return null;
    }
    String title = requiredText(node, "title", "hero.title", Hero.MAX_TITLE_LENGTH);
    String subtitle = requiredText(node, "subtitle", "hero.subtitle", Hero.MAX_SUBTITLE_LENGTH);
    Link primary = optionalLink(node.get("cta_primary"), "hero.cta_primary");
    Link secondary = optionalLink(node.get("cta_secondary"), "hero.cta_secondary");
    return title == null || subtitle == null ? null : new Hero(title, subtitle, primary, secondary);
  }

  private @Nullable List<Project> repos(@Nullable JsonNode node) {
    if (isAbsent(node)) {
      error("repos", "is required");
      return null;
    }
    if (!node.isArray()) {
      error("repos", "must be an array, was " + kind(node));
      return null;
    }
    if (node.size() < SiteContent.MIN_REPOS) {
      error("repos", "must have at least " + SiteContent.MIN_REPOS + " project");
      return null;
    }
    if (node.size() > SiteContent.MAX_REPOS) {
      error(
          "repos", "must have at most " + SiteContent.MAX_REPOS + " projects, had " + node.size());
    }
    List<Project> out = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      Project p = project(node.get(i), "repos[" + i + "]");
      if (p != null) {
        out.add(p);
      }
    }
    return out;
  }

  private @Nullable Project project(JsonNode node, String path) {
    if (!node.isObject()) {
      error(path, "must be an object, was " + kind(node));
      return null;
    }
    String name = requiredText(node, "name", path + ".name", Project.MAX_NAME_LENGTH);
    String description =
        requiredText(node, "description", path + ".description", Project.MAX_DESCRIPTION_LENGTH);
    String url = projectUrl(node, path + ".url");
    Integer stars = stars(node.get("stars"), path + ".stars");
    String language = optionalText(node, "language", path + ".language", 100);
    List<String> tags = tags(node.get("tags"), path + ".tags");
    return name == null || description == null
        ? null
        : new Project(name, description, url, stars, language, tags);
  }

  /** A project's URL: an allowed http(s) URL, or null (with a warning when one was refused). */
  private @Nullable String projectUrl(JsonNode project, String path) {
    return safeProjectUrl(optionalText(project, "url", path, Integer.MAX_VALUE), path, warnings);
  }

  private @Nullable Integer stars(@Nullable JsonNode node, String path) {
    if (isAbsent(node)) {
      return null;
    }
    if (!node.isNumber()
        || (!node.isIntegralNumber() && node.asDouble() != Math.rint(node.asDouble()))) {
      error(path, "must be a whole number or null, was " + kind(node));
      return null;
    }
    if (node.asDouble() < 0) {
      error(path, "must be >= 0");
      return null;
    }
    if (node.asDouble() > Integer.MAX_VALUE) {
      error(path, "must be at most " + Integer.MAX_VALUE);
      return null;
    }
    return (int) node.asLong();
  }

  private List<String> tags(@Nullable JsonNode node, String path) {
    if (isAbsent(node)) {
      return List.of();
    }
    if (!node.isArray()) {
      error(path, "must be an array of strings, was " + kind(node));
      return List.of();
    }
    if (node.size() > Project.MAX_TAGS) {
      error(path, "must have at most " + Project.MAX_TAGS + " tags, had " + node.size());
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      String tag = text(node.get(i), path + "[" + i + "]", Project.MAX_TAG_LENGTH, true);
      if (tag != null) {
        out.add(tag);
      }
    }
    return out;
  }

  private List<Link> menu(@Nullable JsonNode node) {
    if (isAbsent(node)) {
      return List.of();
    }
    if (!node.isArray()) {
      error("menu_items", "must be an array, was " + kind(node));
      return List.of();
    }
    if (node.size() > SiteContent.MAX_MENU_ITEMS) {
      error(
          "menu_items",
          "must have at most " + SiteContent.MAX_MENU_ITEMS + " items, had " + node.size());
    }
    List<Link> out = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      String path = "menu_items[" + i + "]";
      Link link = link(node.get(i), path, false);
      if (link != null) {
        out.add(link);
      }
    }
    return out;
  }

  private @Nullable Link optionalLink(@Nullable JsonNode node, String path) {
    return isAbsent(node) ? null : link(node, path, true);
  }

  /**
   * A link with an allowed URL. A refused URL is an error when {@code required}, else the link is
   * dropped with a warning.
   */
  private @Nullable Link link(JsonNode node, String path, boolean required) {
    if (!node.isObject()) {
      error(path, "must be an object with label and url, was " + kind(node));
      return null;
    }
    String label = requiredText(node, "label", path + ".label", Link.MAX_LABEL_LENGTH);
    String url = requiredText(node, "url", path + ".url", Integer.MAX_VALUE);
    Optional<String> problem = url == null ? Optional.empty() : SafeLinks.problem(url);
    if (problem.isPresent()) {
      if (required) {
        error(path + ".url", problem.get());
      } else if (label != null) {
        warnings.add(droppedLink(path, problem.get()));
      }
      return null;
    }
    return label == null || url == null ? null : new Link(label, url);
  }

  private @Nullable String requiredText(JsonNode parent, String field, String path, int max) {
    JsonNode node = parent.get(field);
    if (isAbsent(node)) {
      error(path, "is required");
      return null;
    }
    return text(node, path, max, true);
  }

  private @Nullable String optionalText(JsonNode parent, String field, String path, int max) {
    JsonNode node = parent.get(field);
    if (isAbsent(node)) {
      return null;
    }
    return text(node, path, max, false);
  }

  /** A stripped string within the limit; blank optional text counts as absent. */
  private @Nullable String text(JsonNode node, String path, int max, boolean required) {
    if (!node.isTextual()) {
      error(path, "must be a string, was " + kind(node));
      return null;
    }
    String s = node.asText().strip();
    if (s.isEmpty()) {
      if (required) {
        error(path, "must not be empty");
      }
      return null;
    }
    int length = s.codePointCount(0, s.length());
    if (length > max) {
      error(path, "must be at most " + max + " characters, was " + length);
      return null;
    }
    return s;
  }

  private static boolean isAbsent(@Nullable JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode();
  }

  private static String kind(JsonNode node) {
    if (node.isObject()) {
      return "an object";
    }
    if (node.isArray()) {
      return "an array";
    }
    if (node.isTextual()) {
      return "a string";
    }
    if (node.isIntegralNumber()) {
      return "an integer";
    }
    if (node.isNumber()) {
      return "a decimal number";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    return "null";
  }

  private void error(String path, String problem) {
    if (errors.size() < MAX_ERRORS) {
      errors.add(path + ": " + problem);
    } else {
      dropped++;
    }
  }
}
