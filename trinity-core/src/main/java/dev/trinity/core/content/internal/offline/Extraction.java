package dev.trinity.core.content.internal.offline;

import dev.trinity.api.content.Project;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the offline extractor found in a portfolio.
 *
 * @param shape the shape the portfolio was read as
 * @param fallback true when no known shape fitted and the portfolio was read as {@link
 *     Shape#PLAIN_TEXT}
 * @param brandName the developer's or brand's name, if found (never a document title, never
 *     personal data)
 * @param summary a paragraph about the developer, if found, without personal data
 * @param profileUrl the developer's profile (GitHub) URL, if found
 * @param projects every project found, most stars first (not yet cut to what a page shows)
 */
public record Extraction(
    Shape shape,
    boolean fallback,
    @Nullable String brandName,
    @Nullable String summary,
    @Nullable String profileUrl,
    List<Project> projects) {

  /** Copies the project list. */
  public Extraction {
    projects = List.copyOf(projects);
  }
}
