package dev.trinity.core.content.internal.offline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a plain list of repository URLs, one a line, each maybe followed by a description, a
 * language in parentheses or a star count ({@code https://github.com/ada/pgwatch — Postgres metrics
 * (Go, ★ 412)}). A line before the list may name the owner.
 */
final class RepoListFormat {
  private static final Pattern REPO_LINE =
      Pattern.compile(
          "(?i)^\\s*(?:[-*+•]\\s+|\\d{1,3}[.)]\\s+)?<?((?:https?://)?(?:www\\.)?"
              + "(github\\.com|gitlab\\.com|codeberg\\.org|bitbucket\\.org|sr\\.ht|git\\.sr\\.ht)"
              + "/(~?[A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+?))(?:\\.git)?/?>?(?=[\\s,;)|—–:]|$)(.*)$");

  /** What the list says. */
  record RepoList(
      @Nullable String owner,
      @Nullable String title,
      @Nullable String profileUrl,
      List<ProjectDraft> projects) {}

  private RepoListFormat() {}

  /** Whether most non-blank lines are repository URLs (at least two). */
  static boolean fits(List<String> lines) {
    int repos = 0;
    int other = 0;
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      if (REPO_LINE.matcher(line).matches()) {
        repos++;
      } else {
        other++;
      }
    }
    return repos >= 2 && repos >= 2 * other;
  }

  static RepoList read(List<String> lines) {
    Map<String, ProjectDraft> projects = new LinkedHashMap<>();
    Map<String, Integer> owners = new HashMap<>();
    Map<String, String> hosts = new HashMap<>();
    String title = null;
    for (String line : lines) {
      Matcher m = REPO_LINE.matcher(line);
      if (!m.matches()) {
        if (title == null && projects.isEmpty() && !line.isBlank()) {
          title = Names.nameOf(line);
        }
        continue;
      }
      String url = m.group(1);
      url = url.toLowerCase(Locale.ROOT).startsWith("http") ? url : "https://" + url;
      ProjectDraft d = DocumentFormat.draft(m.group(4));
      if (d == null) {
        continue;
      }
      d.url = SafeUrl.of(url);
      String rest = m.group(5).replaceFirst("^[\\s—–:|-]+", "");
      d.describe(ProjectFields.absorbInline(rest, d));
      owners.merge(m.group(3), 1, Integer::sum);
      hosts.putIfAbsent(m.group(3), m.group(2).toLowerCase(Locale.ROOT));
      projects.putIfAbsent(d.name.toLowerCase(Locale.ROOT), d);
    }
    String owner =
        owners.entrySet().stream()
            .max(Map.Entry.comparingByValue())
            .map(Map.Entry::getKey)
            .orElse(null);
    String profile = owner == null ? null : SafeUrl.of("https://" + hosts.get(owner) + "/" + owner);
    return new RepoList(owner, title, profile, new ArrayList<>(projects.values()));
  }
}
