package dev.trinity.core.content.internal.offline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Decides which shape a portfolio has, most specific first: JSON Resume, GitHub dashboard listing,
 * list of repository URLs, LinkedIn-style export, GitHub profile README, Markdown, plain-text
 * résumé; {@link Shape#PLAIN_TEXT} when none fits.
 */
final class ShapeDetector {
  private static final Pattern HTML =
      Pattern.compile(
          "(?i)<(?:p|div|img|h[1-6]|a|table|picture|br|details|center)\\b[^<>]{0,2000}+>");
  private static final Pattern BADGE =
      Pattern.compile("(?i)shields\\.io|komarev|readme-stats|skillicons|badgen\\.net|streak-stats");
  private static final Pattern MARKDOWN =
      Pattern.compile(
          "(?m)^\\s{0,3}#{1,6}\\s+\\S|\\[[^\\]\\n]{1,500}+]\\([^)\\s]{1,2000}+\\)|^\\s{0,3}\\|.*\\|\\s*$"
              + "|\\*\\*[^*\\n]{1,200}+\\*\\*"
              + "|^\\s{0,3}(?:=+|-{3,})\\s*$");
  private static final Pattern TITLE_LINE =
      Pattern.compile("^(?:\\p{Lu}[\\p{Lu}0-9 &/'’-]{2,40}|\\p{L}[\\p{L} &/-]{2,30}):?$");

  /**
   * A portfolio's shape, with what was read to decide it so that it is not read again: the JSON
   * Resume's document for {@link Shape#JSON_RESUME}, the listing for {@link
   * Shape#GITHUB_DASHBOARD}; null otherwise.
   */
  record Detected(
      Shape shape, @Nullable JsonNode resume, DashboardFormat.@Nullable Listing listing) {
    Detected(Shape shape) {
      this(shape, null, null);
    }
  }

  private ShapeDetector() {}

  static Detected detect(String text, List<String> lines) {
    JsonNode resume = JsonResumeFormat.parse(text);
    if (resume != null) {
      return new Detected(Shape.JSON_RESUME, resume, null);
    }
    DashboardFormat.Listing listing = DashboardFormat.read(lines);
    if (listing != null) {
      return new Detected(Shape.GITHUB_DASHBOARD, null, listing);
    }
    return new Detected(textShape(text, lines));
  }

  /** The shape of a portfolio that is neither a JSON Resume nor a dashboard listing. */
  private static Shape textShape(String text, List<String> lines) {
    if (RepoListFormat.fits(lines)) {
      return Shape.REPO_URL_LIST;
    }
    if (LinkedInFormat.fits(text, lines)) {
      return Shape.LINKEDIN_EXPORT;
    }
    if (HTML.matcher(text).find() || BADGE.matcher(text).find()) {
      return Shape.GITHUB_README;
    }
    if (MARKDOWN.matcher(text).find()) {
      return Shape.MARKDOWN;
    }
    long titles =
        lines.stream()
            .map(String::strip)
            .filter(l -> TITLE_LINE.matcher(l).matches())
            .filter(l -> Labels.section(l.replaceFirst(":$", "")) != Labels.Section.NONE)
            .count();
    if (titles >= 1) {
      return Shape.PLAIN_RESUME;
    }
    return Shape.PLAIN_TEXT;
  }
}
