package dev.trinity.core.content.internal.offline;

import java.util.Locale;

/** The shapes of portfolio the offline extractor recognises. */
public enum Shape {
  /** A Markdown page: headings, bullets, links, maybe tables. */
  MARKDOWN,
  /** A GitHub profile README: Markdown with embedded HTML, badges and often a project table. */
  GITHUB_README,
  /** A plain-text résumé: section titles (EXPERIENCE, Projekte:, …) and lines of text. */
  PLAIN_RESUME,
  /** A repository listing copied from a GitHub-style dashboard ("Updated 3 days ago" runs). */
  GITHUB_DASHBOARD,
  /** A LinkedIn-style profile export: Experience / Projects entries with date ranges. */
  LINKEDIN_EXPORT,
  /** A JSON Resume document ({@code basics}, {@code projects[]}). */
  JSON_RESUME,
  /** A plain list of repository URLs, one a line. */
  REPO_URL_LIST,
  /** None of the above: read as a plain document, the fallback. */
  PLAIN_TEXT;

  /**
   * The name logs and expected-result files use.
   *
   * @return the lower-case name, e.g. {@code github_readme}
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Finds a shape by {@link #id()}.
   *
   * @param id the id
   * @return the shape
   * @throws IllegalArgumentException when no shape has that id
   */
  public static Shape ofId(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
