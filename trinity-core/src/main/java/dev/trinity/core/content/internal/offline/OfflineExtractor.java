package dev.trinity.core.content.internal.offline;

import dev.trinity.api.LlmProvider;
import dev.trinity.api.content.SiteContent;
import dev.trinity.logging.LogEvents;
import dev.trinity.logging.LogEvents.Keys;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offline extractor's entry point: builds site content from a portfolio with rules instead of a
 * model: the projects as the portfolio lists them (name, description, language, stars, URL, tags),
 * most stars first, and plain copy around them. Nothing is rewritten or invented; the theme's rules
 * are applied afterwards like for any answer.
 *
 * <p>The content engine hands it the portfolio and the theme's project limit directly: {@link
 * #answering(String, int, Clock)} for a source that is the offline provider (the answer still goes
 * through the request pipeline's cache and events), {@link #content(String, int)} for the offline
 * fallback. {@link OfflineProviderFactory} registers the {@value #NAME} provider for hosts that use
 * the LLM client directly.
 *
 * <p>The reading itself is {@link PortfolioReader}: shape detection (Markdown, GitHub profile
 * README, plain-text résumé, GitHub dashboard, LinkedIn-style export, JSON Resume, list of
 * repository URLs) and one reader per shape; {@link SiteCopy} writes the page. Each call logs
 * {@link LogEvents#OFFLINE_EXTRACTED} with the shape it read the portfolio as, and says so at WARN
 * when no shape fitted and it fell back to plain text. Stateless and thread-safe.
 */
public final class OfflineExtractor {
  /** The name of the offline provider, and of the writer offline answers carry. */
  public static final String NAME = "offline";

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
   * @param maxRepos the most projects shown; at most {@link SiteContent#MAX_REPOS} whatever this
   *     says
   * @return the content, or empty when no project was found
   */
  public static Optional<SiteContent> content(String portfolio, int maxRepos) {
    return content(extract(portfolio), maxRepos);
  }

  /**
   * The offline provider fed one portfolio directly: whatever request it is given, it answers with
   * the content of this portfolio for a page of at most {@code maxRepos} projects, as JSON with the
   * content schema's names, or fails with a non-retryable {@link dev.trinity.api.ProviderException}
   * when the portfolio holds no project. It is named {@value #NAME} with the same endpoint as the
   * configured offline provider, so a request pipeline that ends in it computes the same request
   * keys and logs the same events.
   *
   * @param portfolio the portfolio text, as the engine checked and trimmed it
   * @param maxRepos the theme's project limit
   * @param clock measures the answer's latency
   * @return a provider for one generation; it needs no closing
   */
  public static LlmProvider answering(String portfolio, int maxRepos, Clock clock) {
    return OfflineProvider.fed(portfolio, maxRepos, clock);
  }

  /**
   * Whether a provider is the offline one ({@code llm.provider: offline}), whose answers the
   * content engine builds by feeding the portfolio to {@link #answering(String, int, Clock)}.
   *
   * @param provider a provider
   * @return true for the provider {@link OfflineProviderFactory} creates
   */
  public static boolean isOffline(LlmProvider provider) {
    return provider instanceof OfflineProvider;
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

  /** Builds content for an extraction already made, and logs it like {@link #content(String)}. */
  static Optional<SiteContent> content(Extraction e, int maxRepos) {
    Optional<SiteContent> content = SiteCopy.content(e, maxRepos);
    logged(e, content.map(c -> c.repos().size()).orElse(0));
    return content;
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
}
