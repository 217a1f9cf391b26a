package dev.trinity.core.content.internal;

import dev.trinity.api.content.SiteContent;
import dev.trinity.core.content.internal.offline.Extraction;
import dev.trinity.core.content.internal.offline.PortfolioReader;
import dev.trinity.core.content.internal.offline.SiteCopy;
import dev.trinity.logging.LogEvents;
import dev.trinity.logging.LogEvents.Keys;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds site content from a portfolio with rules instead of a model: the projects as the portfolio
 * lists them (name, description, language, stars, URL, tags), most stars first, and plain copy
 * around them. Nothing is rewritten or invented; the theme's rules are applied afterwards like for
 * any answer.
 *
 * <p>The reading itself lives in {@link dev.trinity.core.content.internal.offline}: shape detection
 * (Markdown, GitHub profile README, plain-text résumé, GitHub dashboard, LinkedIn-style export,
 * JSON Resume, list of repository URLs) and one reader per shape. Each call logs {@link
 * LogEvents#OFFLINE_EXTRACTED} with the shape it read the portfolio as, and says so at WARN when no
 * shape fitted and it fell back to plain text.
 */
public final class OfflineExtractor {
  /** The model name offline answers carry. */
  public static final String MODEL = "rule-based";

  private static final Logger log = LoggerFactory.getLogger(OfflineExtractor.class);

  private OfflineExtractor() {}

  /**
   * Extracts what the portfolio says.
   *
   * @param portfolio the portfolio text
   * @return the extraction; its project list may be empty
   */
  public static Extraction extract(String portfolio) {
    return PortfolioReader.read(portfolio);
  }

  /**
   * Builds site content from a portfolio, showing at most {@link SiteContent#MAX_REPOS} projects.
   *
   * @param portfolio the portfolio text
   * @return the content, or empty when no project was found (the schema needs at least one)
   */
  public static Optional<SiteContent> content(String portfolio) {
    return content(portfolio, SiteContent.MAX_REPOS);
  }

  /**
   * Builds site content from a portfolio for a page that shows at most {@code maxRepos} projects
   * (the theme's {@code max_repos}), so the hero's figures count exactly the projects shown.
   *
   * @param portfolio the portfolio text
   * @param maxRepos the most projects shown
   * @return the content, or empty when no project was found
   */
  public static Optional<SiteContent> content(String portfolio, int maxRepos) {
    return content(extract(portfolio), maxRepos);
  }

  /**
   * What a host can be told when the portfolio held no project.
   *
   * @param e the extraction
   * @return a sentence naming the shape the portfolio was read as
   */
  static String noProjects(Extraction e) {
    String how =
        e.fallback()
            ? "no known shape fitted, so it was read as plain text"
            : "it was read as " + e.shape().id();
    return "offline: found no projects in the portfolio ("
        + how
        + "). The rule-based extractor reads Markdown and GitHub profile READMEs (headings,"
        + " lists, tables), plain-text résumés, LinkedIn-style exports, JSON Resume, GitHub"
        + " dashboard listings and lists of repository URLs; it never makes projects up. Add a"
        + " projects section, or configure a model for other formats";
  }

  private static void logged(Extraction e, int shown) {
    var event = e.fallback() ? log.atWarn() : log.atDebug();
    event
        .setMessage(LogEvents.OFFLINE_EXTRACTED)
        .addKeyValue(Keys.SHAPE, e.shape().id())
        .addKeyValue(Keys.SHAPE_FALLBACK, e.fallback())
        .addKeyValue(Keys.PROJECTS_FOUND, e.projects().size())
        .addKeyValue(Keys.PROJECTS_SHOWN, shown)
        .log();
  }

  /**
   * Builds content for an extraction already made, and logs it like {@link #content(String, int)}.
   */
  static Optional<SiteContent> content(Extraction e, int maxRepos) {
    Optional<SiteContent> content = SiteCopy.content(e, maxRepos);
    logged(e, content.map(c -> c.repos().size()).orElse(0));
    return content;
  }
}
