package dev.trinity.core.content.internal.offline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trinity.api.content.Project;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads a portfolio without a model: detects its {@link Shape}, reads it with the reader for that
 * shape, and returns what it found. Nothing is rewritten or invented; personal data, markup and
 * badges are kept out of every field. Stateless and thread-safe.
 */
public final class PortfolioReader {
  private PortfolioReader() {}

  /**
   * Reads a portfolio.
   *
   * @param portfolio the portfolio text
   * @return what was found; its project list may be empty
   */
  public static Extraction read(String portfolio) {
    String text = portfolio.replace("\r\n", "\n").replace('\r', '\n');
    List<String> lines = List.of(text.split("\n", -1));
    ShapeDetector.Detected detected = ShapeDetector.detect(text, lines);
    return switch (detected.shape()) {
      case JSON_RESUME -> jsonResume(Objects.requireNonNull(detected.resume()));
      case GITHUB_DASHBOARD -> dashboard(Objects.requireNonNull(detected.listing()));
      case REPO_URL_LIST -> repoList(lines);
      case LINKEDIN_EXPORT -> linkedIn(text, lines);
      default -> document(text, detected.shape());
    };
  }

  private static Extraction jsonResume(JsonNode root) {
    JsonResumeFormat.Resume r = JsonResumeFormat.read(root);
    return extraction(
        Shape.JSON_RESUME,
        r.name() == null ? null : Names.nameOf(r.name()),
        r.summary(),
        r.profileUrl(),
        r.projects());
  }

  private static Extraction dashboard(DashboardFormat.Listing listing) {
    String profile = listing.owner() == null ? null : "https://github.com/" + listing.owner();
    return extraction(
        Shape.GITHUB_DASHBOARD, listing.owner(), null, SafeUrl.of(profile), listing.projects());
  }

  private static Extraction repoList(List<String> lines) {
    RepoListFormat.RepoList list = RepoListFormat.read(lines);
    String brand = list.title() != null ? list.title() : list.owner();
    return extraction(Shape.REPO_URL_LIST, brand, null, list.profileUrl(), list.projects());
  }

  private static Extraction linkedIn(String text, List<String> lines) {
    LinkedInFormat.Profile p = LinkedInFormat.read(lines);
    DocumentFormat.Document doc = DocumentFormat.read(text);
    return extraction(Shape.LINKEDIN_EXPORT, p.name(), p.summary(), doc.profileUrl(), p.projects());
  }

  private static Extraction document(String text, Shape shape) {
    DocumentFormat.Document doc = DocumentFormat.read(text);
    return extraction(shape, doc.brandName(), doc.summary(), doc.profileUrl(), doc.projects());
  }

  private static Extraction extraction(
      Shape shape,
      @Nullable String brand,
      @Nullable String summary,
      @Nullable String profileUrl,
      List<ProjectDraft> drafts) {
    List<Project> projects =
        drafts.stream()
            .map(ProjectDraft::toProject)
            .sorted(
                Comparator.comparing(
                    (Project p) -> p.stars() == null ? -1 : p.stars(), Comparator.reverseOrder()))
            .toList();
    String safeBrand = brand == null ? null : Text.plain(brand);
    if (safeBrand != null
        && (!Text.hasWord(safeBrand)
            || PersonalData.in(safeBrand, true)
            || Labels.isDocumentTitle(safeBrand))) {
      safeBrand = null;
    }
    String safeSummary = summary == null ? null : PersonalData.scrub(Text.plain(summary), true);
    if (safeSummary != null && !Text.hasWord(safeSummary)) {
      safeSummary = null;
    }
    return new Extraction(
        shape, shape == Shape.PLAIN_TEXT, safeBrand, safeSummary, SafeUrl.of(profileUrl), projects);
  }
}
