package dev.trinity.core.content.internal.offline;

import dev.trinity.core.content.internal.offline.Block.Kind;
import dev.trinity.core.content.internal.offline.Labels.Section;
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
 * Reads a portfolio written as a document — Markdown, a GitHub profile README, a plain-text résumé
 * — from its {@link DocumentBlocks document tree}. When the document has a projects section
 * ("Projects", "Projekte", "Progetti", "Open source", …) only that section is read; otherwise
 * everything outside known non-project sections (experience, education, skills, …).
 *
 * <p>A project starts at a heading, at a list item that starts with a link, bold or code span or is
 * shaped like {@code name — description}, at a table row (columns found by their header: name,
 * description, language, stars, link, in five languages), or at a line holding only a
 * repository-like name. Lines after it add {@code Language:} / {@code Sterne:} / {@code URL:} / …
 * fields and description text.
 */
final class DocumentFormat {
  private static final Pattern CAPS_TITLE = Pattern.compile("^\\p{Lu}[\\p{Lu}0-9 &/'’-]{2,40}:?$");
  private static final Pattern COLON_TITLE = Pattern.compile("^(\\p{L}[\\p{L} &/-]{2,30}):$");
  private static final Pattern REPO_TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,99}");
  private static final Pattern ITEM =
      Pattern.compile("^([^\\s:—–|][^:—–|]{0,59}?)\\s*(?:[:—–|]|\\s-\\s)\\s*(.*)$");
  private static final Pattern SEPARATOR = Pattern.compile("\\s+(?:—|–|-|\\|)\\s+|:\\s+");
  private static final Pattern NAME_FACTS = Pattern.compile("^(.+?)\\s*\\(([^()]{1,60})\\)$");
  private static final Pattern LEADING_SEPARATOR = Pattern.compile("^\\s*(?:[:—–|,-]\\s*)+");
  private static final Pattern GITHUB_PATH =
      Pattern.compile("(?i)github\\.com/([A-Za-z0-9][A-Za-z0-9-]{0,38})(/[A-Za-z0-9_.-]+)?/?$");

  /** What the document says. */
  record Document(
      @Nullable String brandName,
      @Nullable String summary,
      @Nullable String profileUrl,
      List<ProjectDraft> projects) {}

  private DocumentFormat() {}

  static Document read(String text) {
    List<Block> blocks = titles(DocumentBlocks.parse(text));
    String brand = Names.brand(blocks);
    String summary = summary(blocks, brand);
    String profile = profileUrl(blocks, text);
    boolean hasProjectsSection =
        blocks.stream()
            .anyMatch(
                b -> b.kind() == Kind.HEADING && Labels.section(b.text()) == Section.PROJECTS);
    List<ProjectDraft> projects = projects(blocks, hasProjectsSection);
    if (projects.isEmpty() && hasProjectsSection) {
      projects = projects(blocks, false);
    }
    return new Document(brand, summary, profile, projects);
  }

  /** Plain-text section titles ("EXPERIENCE", "Projekte:") as headings. */
  private static List<Block> titles(List<Block> blocks) {
    List<Block> out = new ArrayList<>();
    for (Block b : blocks) {
      String t = b.text().strip();
      if ((b.kind() == Kind.LINE || b.kind() == Kind.ITEM && b.lead() != null && b.rest().isBlank())
          && (CAPS_TITLE.matcher(t).matches()
              || COLON_TITLE.matcher(t).matches()
              || b.lead() != null && b.rest().isBlank() && t.length() <= 40)
          && Labels.section(t.replaceFirst(":$", "")) != Section.NONE) {
        out.add(new Block(Kind.HEADING, 2, 0, t.replaceFirst(":$", ""), null, t, b.urls(), null));
        continue;
      }
      out.add(b);
    }
    return out;
  }

  /** The about/summary section's first paragraph, else the first real paragraph of prose. */
  private static @Nullable String summary(List<Block> blocks, @Nullable String brand) {
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      if (b.kind() == Kind.HEADING && isAboutHeading(b.text())) {
        String p = paragraph(blocks, i + 1);
        if (p != null) {
          return p;
        }
      }
    }
    boolean inSection = false;
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      if (b.kind() == Kind.HEADING) {
        inSection = Labels.section(b.text()) != Section.NONE;
        continue;
      }
      if (inSection || b.kind() != Kind.LINE) {
        continue;
      }
      String t = b.text();
      if (t.length() >= 40
          && !t.equals(brand)
          && !t.contains(" | ")
          && !PersonalData.in(t, true)
          && !ProjectFields.isKeyLine(t)) {
        return paragraph(blocks, i);
      }
    }
    // a README's subtitle: a prose heading right under the name
    for (int i = 0; i + 1 < blocks.size(); i++) {
      Block b = blocks.get(i);
      if (b.kind() == Kind.HEADING && b.level() == 1) {
        for (int j = i + 1; j < blocks.size() && j <= i + 3; j++) {
          Block n = blocks.get(j);
          if (n.kind() == Kind.HEADING
              && Labels.section(n.text()) == Section.NONE
              && n.text().split("\\s+").length >= 4
              && !PersonalData.in(n.text(), true)) {
            return n.text();
          }
        }
        break;
      }
    }
    return null;
  }

  private static boolean isAboutHeading(String text) {
    String h = Labels.fold(Text.withoutEmoji(text));
    return h.startsWith("about")
        || List.of(
                "summary",
                "profile",
                "bio",
                "ueber mich",
                "uber mich",
                "profil",
                "chi sono",
                "profilo",
                "a propos",
                "a propos de moi",
                "sobre mi",
                "perfil",
                "resumen",
                "zusammenfassung",
                "kurzprofil",
                "sommario",
                "info")
            .contains(h);
  }

  private static @Nullable String paragraph(List<Block> blocks, int from) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      if (b.kind() == Kind.BLANK && sb.length() == 0) {
        continue;
      }
      if (b.kind() != Kind.LINE) {
        break;
      }
      if (PersonalData.in(b.text(), true)) {
        continue;
      }
      sb.append(' ').append(b.text());
    }
    String p = Text.collapse(sb.toString());
    return p.isEmpty() ? null : p;
  }

  /** The profile: a github.com/user link, else the owner most project links share. */
  private static @Nullable String profileUrl(List<Block> blocks, String raw) {
    List<String> urls = new ArrayList<>();
    for (Block b : blocks) {
      urls.addAll(b.urls());
      if (b.table() != null) {
        b.table().rows().forEach(r -> r.forEach(c -> urls.addAll(c.urls())));
      }
    }
    Matcher bare =
        Pattern.compile(
                "(?i)(?:https?://)?(?:www\\.)?github\\.com/[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)?")
            .matcher(raw);
    while (bare.find()) {
      String u = bare.group();
      urls.add(u.startsWith("http") ? u : "https://" + u);
    }
    Map<String, Integer> owners = new HashMap<>();
    for (String url : urls) {
      Matcher m = GITHUB_PATH.matcher(url.replaceAll("[?#].*$", ""));
      if (m.find()) {
        if (m.group(2) == null) {
          return SafeUrl.of("https://github.com/" + m.group(1));
        }
        owners.merge(m.group(1), 1, Integer::sum);
      }
    }
    return owners.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(e -> "https://github.com/" + e.getKey())
        .orElse(null);
  }

  private static List<ProjectDraft> projects(List<Block> blocks, boolean onlyProjectsSections) {
    List<ProjectDraft> out = new ArrayList<>();
    Section section = Section.NONE;
    int sectionLevel = 0;
    ProjectDraft current = null;
    boolean headingDraft = false;
    int itemIndent = -1;
    for (Block b : blocks) {
      if (b.kind() == Kind.HEADING) {
        Section s = Labels.section(Text.withoutEmoji(b.text()));
        if (s != Section.NONE || b.level() == 1) {
          if (b.level() == 1 && s == Section.NONE) {
            section = Section.NONE;
            sectionLevel = 1;
          } else {
            section = s;
            sectionLevel = b.level();
          }
          current = null;
          continue;
        }
        if (b.level() <= sectionLevel) {
          section = Section.NONE;
          sectionLevel = 0;
        }
        current = null;
        if (reading(section, onlyProjectsSections)) {
          current = fromHeading(b);
          if (current != null) {
            out.add(current);
            headingDraft = true;
          }
        }
        continue;
      }
      if (!reading(section, onlyProjectsSections)) {
        continue;
      }
      switch (b.kind()) {
        case BLANK:
          if (!headingDraft) {
            current = null;
          }
          break;
        case TABLE:
          List<ProjectDraft> rows = ProjectTable.projects(b.table(), section == Section.PROJECTS);
          out.addAll(rows);
          current = null;
          headingDraft = false;
          break;
        case ITEM:
          if (current != null && headingDraft && !current.hasFacts() && !isKeyLine(b)) {
            // a heading over a list of projects ("Smaller things"), not a project itself
            ProjectDraft item = fromItem(b);
            if (item != null) {
              out.add(item);
              current = item;
              headingDraft = false;
              itemIndent = b.indent();
              break;
            }
          }
          if (current != null && (headingDraft || b.indent() > itemIndent)) {
            // a field or a line of description under the current project
            if (!ProjectFields.applyKeyLine(b.text(), current)) {
              current.describe(ProjectFields.absorbInline(b.text(), current));
              adoptUrl(current, b);
            }
            break;
          }
          if (current != null && ProjectFields.applyKeyLine(b.text(), current)) {
            break;
          }
          ProjectDraft item = fromItem(b);
          if (item != null) {
            out.add(item);
            current = item;
            headingDraft = false;
            itemIndent = b.indent();
          } else if (b.lead() != null && b.rest().isBlank() && draft(b.lead().text()) != null) {
            // a bare name ("**lox-jit**") whose facts follow in nested items
            current = draft(b.lead().text());
            out.add(current);
            headingDraft = false;
            itemIndent = b.indent();
          } else {
            current = null;
          }
          break;
        case LINE:
          if (current != null && ProjectFields.applyKeyLine(b.text(), current)) {
            adoptUrl(current, b);
            break;
          }
          ProjectDraft named = fromNameLine(b, section == Section.PROJECTS);
          if (named != null && (current == null || !headingDraft)) {
            out.add(named);
            current = named;
            headingDraft = false;
            itemIndent = b.indent();
          } else if (current != null) {
            current.describe(ProjectFields.absorbInline(b.text(), current));
            adoptUrl(current, b);
          }
          break;
        default:
          break;
      }
    }
    return dedupe(out);
  }

  /** A link the parser kept (an HTML or Markdown link whose target the text does not show). */
  private static void adoptUrl(ProjectDraft d, Block b) {
    if (d.url == null && b.urls().size() == 1) {
      d.url = b.urls().get(0);
    }
  }

  private static boolean isKeyLine(Block b) {
    return ProjectFields.isKeyLine(b.text());
  }

  private static boolean reading(Section section, boolean onlyProjectsSections) {
    return onlyProjectsSections ? section == Section.PROJECTS : section != Section.OTHER;
  }

  private static @Nullable ProjectDraft fromHeading(Block b) {
    if (b.lead() != null && b.lead().url() != null) {
      ProjectDraft d = draft(b.lead().text());
      if (d == null) {
        return null;
      }
      d.url = b.lead().url();
      d.describe(ProjectFields.absorbInline(stripSeparator(b.rest()), d));
      return d;
    }
    String[] parts = SEPARATOR.split(Text.withoutLeadingEmoji(b.text()), 2);
    return described(parts[0], parts, b);
  }

  /** A draft named {@code name}, described by {@code parts[1]} when there is one. */
  private static @Nullable ProjectDraft described(String name, String[] parts, Block b) {
    ProjectDraft d = draftWithFacts(name);
    if (d == null) {
      return null;
    }
    if (parts.length > 1) {
      d.describe(ProjectFields.absorbInline(parts[1], d));
    }
    adoptUrl(d, b);
    return d;
  }

  /** A list item that names a project; null for other items. */
  private static @Nullable ProjectDraft fromItem(Block b) {
    if (b.lead() != null) {
      String rest = b.rest();
      boolean separated =
          rest.isBlank()
              || LEADING_SEPARATOR.matcher(rest).find()
              || rest.startsWith("(")
              || b.lead().url() != null;
      if (separated && b.lead().text().split("\\s+").length <= 5) {
        ProjectDraft d = draft(b.lead().text());
        if (d != null) {
          d.url = b.lead().url();
          d.describe(ProjectFields.absorbInline(stripSeparator(rest), d));
          if (d.url == null) {
            adoptUrl(d, b);
          }
          return d.hasFacts() ? d : null;
        }
      }
    }
    Matcher m = ITEM.matcher(Text.withoutLeadingEmoji(b.text()));
    if (!m.matches()) {
      return null;
    }
    String name = m.group(1).strip();
    if (name.isEmpty() || name.split("\\s+").length > 5 || PersonalData.in(b.text(), false)) {
      return null;
    }
    ProjectDraft d = draftWithFacts(name);
    if (d == null) {
      return null;
    }
    d.describe(ProjectFields.absorbInline(m.group(2), d));
    adoptUrl(d, b);
    return d.hasFacts() ? d : null;
  }

  /**
   * A line holding only a repository-like name, or {@code name — description}. Outside a projects
   * section the name must look like a repository (a dash, dot, underscore or digit in it).
   */
  private static @Nullable ProjectDraft fromNameLine(Block b, boolean inProjects) {
    String t = Text.withoutLeadingEmoji(b.text());
    String[] parts = SEPARATOR.split(t, 2);
    String name = parts[0].strip();
    if (PersonalData.in(t, false)) {
      return null;
    }
    Matcher facts = NAME_FACTS.matcher(name);
    String bare = facts.matches() ? facts.group(1) : name;
    if (!REPO_TOKEN.matcher(bare).matches()
        || name.endsWith(".")
        || ProjectFields.isKeyLine(t)
        || name.matches("\\d+")) {
      return null;
    }
    boolean repoLike = bare.matches(".*[-._0-9].*") || bare.matches(".*[a-z][A-Z].*");
    if (!inProjects && !repoLike) {
      return null;
    }
    return described(name, parts, b);
  }

  /**
   * A draft for a name that may carry facts in parentheses ({@code modbus-sniffer (C)}): the facts
   * go to the draft, the name keeps the rest.
   */
  private static @Nullable ProjectDraft draftWithFacts(String rawName) {
    Matcher m = NAME_FACTS.matcher(rawName.strip());
    if (m.matches()) {
      ProjectDraft probe = new ProjectDraft(m.group(1));
      String left = ProjectFields.absorbInline(rawName, probe);
      if (left.strip().equals(m.group(1).strip())) {
        ProjectDraft d = draft(m.group(1));
        if (d != null) {
          d.language = probe.language;
          d.stars = probe.stars;
        }
        return d;
      }
    }
    return draft(rawName);
  }

  /** A draft for a name that can be a project's, or null. */
  static @Nullable ProjectDraft draft(String rawName) {
    String name = Text.withoutEmoji(Text.plain(rawName)).replaceAll("^[\\s#*>:-]+|[\\s:,;]+$", "");
    if (!Text.hasWord(name)
        || name.length() > 100
        || Labels.field(name) != null
        || Labels.section(name) != Section.NONE && !REPO_TOKEN.matcher(name).matches()
        || Labels.isNotAProject(name)
        || PersonalData.in(name, true)) {
      return null;
    }
    return new ProjectDraft(name);
  }

  private static String stripSeparator(String text) {
    return LEADING_SEPARATOR.matcher(text).replaceFirst("");
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
