package dev.trinity.core.content.internal.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a repository listing copied from a GitHub-style dashboard, where each repository is a run
 * of lines ending in an "Updated …" line:
 *
 * <pre>
 * certmate
 *
 * SSL Certificate Management System (API + UI)
 * Python
 * 898
 * 53
 * Updated 27 days ago
 * </pre>
 *
 * <p>Name, description, language ({@code N/A} for none), stars, forks. An {@code owner // Title}
 * line at the top names the owner; project URLs are then taken to be {@code
 * https://github.com/owner/name}.
 */
final class DashboardFormat {
  private static final Pattern UPDATED = Pattern.compile("^\\s*Updated\\s+\\S.*$");
  private static final Pattern COUNT_LINE = Pattern.compile("^\\s*\\d[\\d,.]*\\s*[kK]?\\s*$");
  private static final Pattern OWNER =
      Pattern.compile("^\\s*([A-Za-z0-9][A-Za-z0-9-]{0,38})\\s*//");
  private static final Pattern REPO_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  /** What the listing says. */
  record Listing(@Nullable String owner, List<ProjectDraft> projects) {}

  private DashboardFormat() {}

  /**
   * Reads a listing.
   *
   * @param lines the portfolio's lines
   * @return the owner and projects, or null when the text is not such a listing (fewer than two
   *     "Updated" runs)
   */
  static @Nullable Listing read(List<String> lines) {
    List<Integer> updated = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (UPDATED.matcher(lines.get(i)).matches()) {
        updated.add(i);
      }
    }
    if (updated.size() < 2) {
      return null;
    }
    String owner = owner(lines);
    List<ProjectDraft> projects = new ArrayList<>();
    for (int u : updated) {
      ProjectDraft p = project(lines, u);
      if (p != null) {
        if (owner != null) {
          p.url = "https://github.com/" + owner + "/" + p.name;
        }
        projects.add(p);
      }
    }
    return projects.size() < 2 ? null : new Listing(owner, projects);
  }

  private static @Nullable String owner(List<String> lines) {
    int seen = 0;
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      Matcher m = OWNER.matcher(line);
      if (m.find()) {
        return m.group(1);
      }
      if (++seen >= 5) {
        return null;
      }
    }
    return null;
  }

  /** Walks back from an "Updated" line: counts, language, description, name. */
  private static @Nullable ProjectDraft project(List<String> lines, int updated) {
    int j = updated - 1;
    List<Integer> counts = new ArrayList<>();
    while (j >= 0 && counts.size() < 2 && COUNT_LINE.matcher(lines.get(j)).matches()) {
      Integer n = ProjectFields.count(lines.get(j));
      counts.add(0, n == null ? 0 : n);
      j--;
    }
    if (counts.isEmpty()) {
      return null;
    }
    String language = null;
    if (j >= 0 && ProjectFields.isLanguageLine(lines.get(j))) {
      language = ProjectFields.language(lines.get(j));
      j--;
    }
    List<String> description = new ArrayList<>();
    while (j >= 0 && !lines.get(j).isBlank() && !UPDATED.matcher(lines.get(j)).matches()) {
      description.add(0, lines.get(j).strip());
      j--;
    }
    while (j >= 0 && lines.get(j).isBlank()) {
      j--;
    }
    String name = j >= 0 ? lines.get(j).strip() : "";
    if (!REPO_NAME.matcher(name).matches() || UPDATED.matcher(name).matches()) {
      // no blank line between name and description: the name is the first description line
      if (!description.isEmpty() && REPO_NAME.matcher(description.get(0)).matches()) {
        name = description.remove(0);
      } else {
        return null;
      }
    }
    ProjectDraft p = new ProjectDraft(name);
    p.stars = counts.get(0);
    p.language = language;
    description.forEach(p::describe);
    return p;
  }
}
