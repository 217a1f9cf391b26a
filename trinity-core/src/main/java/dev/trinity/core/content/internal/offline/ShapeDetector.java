package dev.trinity.core.content.internal.offline;

import java.util.List;
import java.util.regex.Pattern;

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

  private ShapeDetector() {}

  static Shape detect(String text, List<String> lines) {
    if (JsonResumeFormat.parse(text) != null) {
      return Shape.JSON_RESUME;
    }
    if (DashboardFormat.read(lines) != null) {
      return Shape.GITHUB_DASHBOARD;
    }
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
