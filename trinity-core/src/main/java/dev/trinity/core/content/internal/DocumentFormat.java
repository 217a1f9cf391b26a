package dev.trinity.core.content.internal;

import dev.trinity.api.content.TextCase;
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
 * Reads a portfolio written as a document: Markdown (headings, bullets, links) or plain résumé-like
 * text (UPPER CASE section titles, a project name on its own line). When the document has a
 * projects section ("Projects", "Open source", "Repositories", …) only that section is read;
 * otherwise everything outside known non-project sections (experience, education, skills, …).
 *
 * <p>A project starts at a heading, at a bullet shaped like {@code name — description} (the name
 * may be {@code **bold**}, {@code `code`} or a {@code [link](url)}), or at a line holding only a
 * repository-like name. The lines after it add {@code Language:} / {@code Stars:} / {@code URL:} /
 * {@code Tags:} fields and description text.
 */
final class DocumentFormat {
  private static final Pattern ATX = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern SETEXT = Pattern.compile("^\\s{0,3}(=+|-+)\\s*$");
  private static final Pattern BULLET = Pattern.compile("^(\\s*)(?:[-*+•]|\\d{1,2}[.)])\\s+(.*)$");
  private static final Pattern CAPS_TITLE = Pattern.compile("^[A-Z][A-Z0-9 &/'’-]{2,40}:?$");
  private static final Pattern COLON_TITLE = Pattern.compile("^([A-Za-z][A-Za-z -]{2,30}):$");
  private static final Pattern REPO_TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,99}");
  private static final Pattern ITEM =
      Pattern.compile(
          "^(?:\\[([^\\]]{1,100})]\\(([^)\\s]+)[^)]*\\)|\\*\\*([^*]{1,100})\\*\\*|__([^_]{1,100})__"
              + "|`([^`]{1,100})`|([^\\s:—–|][^:—–|]{0,59}?))\\s*(?:[:—–|]|\\s-\\s)\\s*(.*)$");
  private static final Pattern GITHUB_PATH =
      Pattern.compile("(?i)github\\.com/([A-Za-z0-9][A-Za-z0-9-]{0,38})(/[A-Za-z0-9_.-]+)?");
  private static final Pattern GREETING =
      Pattern.compile("(?i)^(?:hi|hello|hey|hi there)[,!]?\\s+(?:i'?m|i am|this is)\\s+(.+)$");
  private static final Pattern SEPARATOR = Pattern.compile("\\s+(?:—|–|-|\\|)\\s+|:\\s+");

  /** What the document says. */
  record Document(
      @Nullable String brandName,
      @Nullable String summary,
      @Nullable String profileUrl,
      List<ProjectDraft> projects) {}

  private enum Kind {
    HEADING,
    BULLET,
    TEXT,
    BLANK
  }

  private enum Section {
    PROJECTS,
    OTHER,
    NONE
  }

  private record Line(Kind kind, int level, int indent, String text) {}

  private DocumentFormat() {}

  static Document read(List<String> raw) {
    List<Line> lines = tokenize(raw);
    String brand = brand(lines);
    String summary = summary(lines, brand);
    String profile = profileUrl(raw);
    boolean hasProjectsSection =
        lines.stream().anyMatch(l -> l.kind == Kind.HEADING && section(l.text) == Section.PROJECTS);
    List<ProjectDraft> projects = projects(lines, hasProjectsSection);
    if (projects.isEmpty() && hasProjectsSection) {
      projects = projects(lines, false);
    }
    return new Document(brand, summary, profile, projects);
  }

  private static List<Line> tokenize(List<String> raw) {
    List<Line> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      String s = raw.get(i);
      if (s.isBlank()) {
        out.add(new Line(Kind.BLANK, 0, 0, ""));
        continue;
      }
      Matcher atx = ATX.matcher(s);
      if (atx.matches()) {
        out.add(new Line(Kind.HEADING, atx.group(1).length(), 0, atx.group(2)));
        continue;
      }
      if (i + 1 < raw.size()
          && SETEXT.matcher(raw.get(i + 1)).matches()
          && !BULLET.matcher(s).matches()
          && (raw.get(i + 1).strip().length() >= 3)) {
        int level = raw.get(i + 1).strip().startsWith("=") ? 1 : 2;
        out.add(new Line(Kind.HEADING, level, 0, s.strip()));
        i++;
        continue;
      }
      String t = s.strip();
      if ((CAPS_TITLE.matcher(t).matches() || COLON_TITLE.matcher(t).matches())
          && section(t) != Section.NONE) {
        out.add(new Line(Kind.HEADING, 2, 0, t.replaceFirst(":$", "")));
        continue;
      }
      Matcher bullet = BULLET.matcher(s);
      if (bullet.matches()) {
        out.add(new Line(Kind.BULLET, 0, width(bullet.group(1)), bullet.group(2).strip()));
        continue;
      }
      out.add(new Line(Kind.TEXT, 0, width(s.substring(0, s.indexOf(t))), t));
    }
    return out;
  }

  private static int width(String indent) {
    return indent.replace("\t", "    ").length();
  }

  private static Section section(String heading) {
    String h = ProjectFields.clean(heading).toLowerCase(Locale.ROOT).strip();
    if (h.length() > 40) {
      return Section.NONE;
    }
    if (h.contains("project")
        || h.contains("open source")
        || h.contains("open-source")
        || h.contains("repositor")
        || h.equals("repos")
        || h.equals("code")
        || h.equals("software")) {
      return Section.PROJECTS;
    }
    for (String other :
        List.of(
            "experience",
            "employment",
            "work history",
            "career",
            "education",
            "skill",
            "about",
            "summary",
            "profile",
            "bio",
            "background",
            "contact",
            "talk",
            "writing",
            "publication",
            "certification",
            "award",
            "interest",
            "hobbies",
            "volunteer",
            "reference",
            "links",
            "languages",
            "stack",
            "tools",
            "now")) {
      if (h.equals(other) || h.startsWith(other + " ") || h.contains(other)) {
        return Section.OTHER;
      }
    }
    return Section.NONE;
  }

  private static @Nullable String brand(List<Line> lines) {
    for (Line l : lines) {
      if (l.kind == Kind.HEADING && l.level == 1) {
        return nameOf(l.text);
      }
    }
    for (Line l : lines) {
      if (l.kind == Kind.BLANK) {
        continue;
      }
      String t = ProjectFields.clean(l.text);
      boolean plausible =
          (l.kind == Kind.TEXT || l.kind == Kind.HEADING)
              && t.length() <= 60
              && t.split("\\s+").length <= 6
              && !t.contains("@")
              && !t.contains("://")
              && !t.contains(":")
              && section(t) == Section.NONE;
      return plausible ? nameOf(t) : null;
    }
    return null;
  }

  private static String nameOf(String heading) {
    String t = ProjectFields.clean(heading);
    Matcher greeting = GREETING.matcher(t);
    if (greeting.matches()) {
      t = greeting.group(1);
    }
    t = SEPARATOR.split(t, 2)[0].replaceAll("[^\\p{L}\\p{N})]+$", "").strip();
    if (t.equals(t.toUpperCase(Locale.ROOT)) && t.chars().anyMatch(Character::isLetter)) {
      t = ThemeStyler.recase(t.toLowerCase(Locale.ROOT), TextCase.TITLE);
    }
    return t;
  }

  /** The about/summary section's first paragraph, else the first real paragraph of prose. */
  private static @Nullable String summary(List<Line> lines, @Nullable String brand) {
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      if (l.kind == Kind.HEADING && isAboutHeading(l.text)) {
        String p = paragraph(lines, i + 1);
        if (p != null) {
          return p;
        }
      }
    }
    boolean inProjects = false;
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      if (l.kind == Kind.HEADING) {
        inProjects = section(l.text) != Section.NONE;
        continue;
      }
      if (inProjects || l.kind != Kind.TEXT) {
        continue;
      }
      String t = ProjectFields.clean(l.text);
      if (t.length() >= 40
          && !t.equals(brand)
          && !t.contains("@")
          && !t.contains(" | ")
          && !ProjectFields.isKeyLine(l.text)) {
        return paragraph(lines, i);
      }
    }
    return null;
  }

  private static boolean isAboutHeading(String text) {
    String h = ProjectFields.clean(text).toLowerCase(Locale.ROOT);
    return h.startsWith("about") || h.equals("summary") || h.equals("profile") || h.equals("bio");
  }

  private static @Nullable String paragraph(List<Line> lines, int from) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < lines.size(); i++) {
      Line l = lines.get(i);
      if (l.kind == Kind.BLANK && sb.length() == 0) {
        continue;
      }
      if (l.kind != Kind.TEXT) {
        break;
      }
      sb.append(' ').append(ProjectFields.clean(l.text));
    }
    String p = ProjectFields.collapse(sb.toString());
    return p.isEmpty() ? null : p;
  }

  /** The profile: a github.com/user link, else the owner most project links share. */
  private static @Nullable String profileUrl(List<String> raw) {
    Map<String, Integer> owners = new HashMap<>();
    for (String line : raw) {
      Matcher m = GITHUB_PATH.matcher(line);
      while (m.find()) {
        if (m.group(2) == null) {
          return "https://github.com/" + m.group(1);
        }
        owners.merge(m.group(1), 1, Integer::sum);
      }
    }
    return owners.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(e -> "https://github.com/" + e.getKey())
        .orElse(null);
  }

  private static List<ProjectDraft> projects(List<Line> lines, boolean onlyProjectsSections) {
    List<ProjectDraft> out = new ArrayList<>();
    Section section = Section.NONE;
    int sectionLevel = 0;
    ProjectDraft current = null;
    boolean headingDraft = false;
    int itemIndent = -1;
    for (Line l : lines) {
      if (l.kind == Kind.HEADING) {
        Section s = section(l.text);
        if (s != Section.NONE || l.level == 1) {
          if (l.level == 1 && s == Section.NONE) {
            section = Section.NONE;
            sectionLevel = 1;
          } else {
            section = s;
            sectionLevel = l.level;
          }
          current = null;
          continue;
        }
        if (l.level <= sectionLevel) {
          section = Section.NONE;
          sectionLevel = 0;
        }
        current = null;
        if (reading(section, onlyProjectsSections)) {
          current = fromHeading(l.text);
          out.add(current);
          headingDraft = true;
        }
        continue;
      }
      if (!reading(section, onlyProjectsSections)) {
        continue;
      }
      switch (l.kind) {
        case BLANK:
          if (!headingDraft) {
            current = null;
          }
          break;
        case BULLET:
          if (current != null && headingDraft && !current.hasFacts() && !isKeyLine(l)) {
            // a heading over a list of projects ("Smaller things"), not a project itself
            ProjectDraft item = fromItem(l.text);
            if (item != null) {
              out.add(item);
              current = item;
              headingDraft = false;
              itemIndent = l.indent;
              break;
            }
          }
          if (current != null && (headingDraft || l.indent > itemIndent)) {
            // a field or a line of description under the current project
            if (!ProjectFields.applyKeyLine(l.text, current)) {
              current.describe(ProjectFields.absorbInline(l.text, current));
            }
            break;
          }
          if (current != null && ProjectFields.applyKeyLine(l.text, current)) {
            break;
          }
          ProjectDraft item = fromItem(l.text);
          if (item != null) {
            out.add(item);
            current = item;
            headingDraft = false;
            itemIndent = l.indent;
          }
          break;
        case TEXT:
          if (current != null && ProjectFields.applyKeyLine(l.text, current)) {
            break;
          }
          ProjectDraft named = fromNameLine(l.text, section == Section.PROJECTS);
          if (named != null && (current == null || !headingDraft)) {
            out.add(named);
            current = named;
            headingDraft = false;
            itemIndent = l.indent;
          } else if (current != null) {
            current.describe(ProjectFields.absorbInline(l.text, current));
          }
          break;
        default:
          break;
      }
    }
    return dedupe(out);
  }

  private static boolean isKeyLine(Line l) {
    return ProjectFields.isKeyLine(l.text);
  }

  private static boolean reading(Section section, boolean onlyProjectsSections) {
    return onlyProjectsSections ? section == Section.PROJECTS : section != Section.OTHER;
  }

  private static ProjectDraft fromHeading(String heading) {
    Matcher link = Pattern.compile("^\\[([^\\]]+)]\\(([^)\\s]+)[^)]*\\)\\s*(.*)$").matcher(heading);
    if (link.matches()) {
      ProjectDraft d = new ProjectDraft(ProjectFields.clean(link.group(1)));
      d.url = ProjectFields.url(link.group(2));
      d.describe(ProjectFields.absorbInline(link.group(3), d));
      return d;
    }
    String[] parts = SEPARATOR.split(heading, 2);
    ProjectDraft d = new ProjectDraft(ProjectFields.clean(parts[0]));
    if (parts.length > 1) {
      d.describe(ProjectFields.absorbInline(parts[1], d));
    }
    return d;
  }

  /** A bullet shaped like {@code name — description}; null for other bullets. */
  private static @Nullable ProjectDraft fromItem(String text) {
    Matcher m = ITEM.matcher(text);
    if (!m.matches()) {
      Matcher bareLink =
          Pattern.compile("^\\[([^\\]]{1,100})]\\(([^)\\s]+)[^)]*\\)(.*)$").matcher(text);
      if (!bareLink.matches()) {
        return null;
      }
      ProjectDraft d = new ProjectDraft(ProjectFields.clean(bareLink.group(1)));
      d.url = ProjectFields.url(bareLink.group(2));
      d.describe(ProjectFields.absorbInline(bareLink.group(3), d));
      return d;
    }
    String name = null;
    for (int g = 1; g <= 6; g++) {
      if (g != 2 && m.group(g) != null) {
        name = m.group(g).strip();
        break;
      }
    }
    if (name == null || name.isEmpty() || name.split("\\s+").length > 5) {
      return null;
    }
    ProjectDraft d = new ProjectDraft(ProjectFields.clean(name));
    if (m.group(2) != null) {
      d.url = ProjectFields.url(m.group(2));
    }
    d.describe(ProjectFields.absorbInline(m.group(7), d));
    return d.hasFacts() ? d : null;
  }

  /**
   * A line holding only a repository-like name, or {@code name — description}. Outside a projects
   * section the name must look like a repository (a dash, dot, underscore or digit in it).
   */
  private static @Nullable ProjectDraft fromNameLine(String text, boolean inProjects) {
    String t = ProjectFields.clean(text);
    String[] parts = SEPARATOR.split(t, 2);
    String name = parts[0].strip();
    if (!REPO_TOKEN.matcher(name).matches()
        || name.endsWith(".")
        || ProjectFields.isKeyLine(text)) {
      return null;
    }
    boolean repoLike = name.matches(".*[-._0-9].*") || name.matches(".*[a-z][A-Z].*");
    if (!inProjects && !repoLike) {
      return null;
    }
    ProjectDraft d = new ProjectDraft(name);
    if (parts.length > 1) {
      d.describe(ProjectFields.absorbInline(parts[1], d));
    }
    return d;
  }

  private static List<ProjectDraft> dedupe(List<ProjectDraft> drafts) {
    Map<String, ProjectDraft> seen = new LinkedHashMap<>();
    for (ProjectDraft d : drafts) {
      if (d.name.isBlank() || !d.hasFacts()) {
        continue;
      }
      seen.putIfAbsent(d.name.toLowerCase(Locale.ROOT), d);
    }
    return new ArrayList<>(seen.values());
  }
}
