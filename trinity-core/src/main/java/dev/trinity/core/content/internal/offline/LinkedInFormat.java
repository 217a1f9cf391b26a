package dev.trinity.core.content.internal.offline;

import dev.trinity.core.content.internal.offline.Labels.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a profile copied or exported from LinkedIn: a header (name, headline, location), then
 * sections titled on their own line ("About", "Experience", "Projects", "Berufserfahrung",
 * "Progetti", …). A project in the projects section is a name line followed by a date range ("Mar
 * 2022 - Present") or an "Associated with …" line, then description lines, a URL and a "Skills: Go
 * · Kubernetes" line.
 */
final class LinkedInFormat {
  private static final String MONTH =
      "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|jän|mär|mai|okt|dez|gen|mag|giu|lug|"
          + "ago|set|ott|dic|janv|févr|fév|avr|juin|juil|août|sept|déc|ene|abr|dic)\\p{L}*\\.?";
  private static final String WHEN = "(?:" + MONTH + "\\s+)?(?:19|20)\\d{2}";
  static final Pattern DATE_RANGE =
      Pattern.compile(
          "(?iu)^"
              + WHEN
              + "(?:\\s*[-–—]\\s*(?:"
              + WHEN
              + "|present|heute|oggi|presente|"
              + "aujourd'hui|actualidad|actualmente|now|current))?(?:\\s*[·•]\\s*.*)?$");
  private static final Pattern NOISE =
      Pattern.compile(
          "(?iu)^(?:show (?:project|credential|all.*|more.*)|…\\s*see more|see more|"
              + "other (?:contributors|creators)|associated with\\b.*|verbunden mit\\b.*|"
              + "associato a\\b.*|associé à\\b.*|asociado con\\b.*|\\d+\\+? (?:connections|"
              + "followers|kontakte|follower|collegamenti|relations|contactos)|contact info|"
              + "kontaktinfo|informazioni di contatto|coordonnées|información de contacto)$");
  private static final Pattern SKILLS =
      Pattern.compile(
          "(?iu)^(?:skills|kenntnisse|competenze|compétences|aptitudes|habilidades)\\s*:\\s*(.+)$");
  private static final Pattern ASSOCIATED =
      Pattern.compile(
          "(?iu)^(?:associated with|verbunden mit|associato a|associé à|asociado con)\\b.*");

  private static final Pattern EMPLOYMENT =
      Pattern.compile(
          "[·•]\\s{0,3}(?:full-time|part-time|freelance|self-employed|contract|vollzeit|teilzeit|"
              + "tempo pieno|temps plein|jornada completa)");
  private static final Pattern DURATION =
      Pattern.compile("\\b\\d{1,2} (?:yrs?|mos?|jahre?|mon\\.|anni|ans|años)(?![\\p{L}])");

  /** What the profile says. */
  record Profile(@Nullable String name, @Nullable String summary, List<ProjectDraft> projects) {}

  private LinkedInFormat() {}

  /** Whether the text reads like a LinkedIn profile: at least three of its tell-tale signs. */
  static boolean fits(String text, List<String> lines) {
    int score = 0;
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.contains("linkedin.com/in/")) {
      score++;
    }
    long dates = lines.stream().filter(l -> DATE_RANGE.matcher(l.strip()).matches()).count();
    if (dates >= 2) {
      score++;
    }
    if (lines.stream().anyMatch(l -> NOISE.matcher(l.strip()).matches())) {
      score++;
    }
    if (lower.matches(
        "(?s).*[·•]\\s*(?:full-time|part-time|freelance|self-employed|contract|"
            + "vollzeit|teilzeit|tempo pieno|temps plein|jornada completa).*")) {
      score++;
    }
    if (lower.matches(
        "(?s).*\\b(?:\\d+ yrs?|\\d+ mos?|\\d+ jahre?|\\d+ mon\\.|\\d+ anni|\\d+ ans|"
            + "\\d+ años)\\b.*")) {
      score++;
    }
    return score >= 3;
  }

  static Profile read(List<String> raw) {
    List<String> lines = raw.stream().map(l -> Text.withoutLeadingEmoji(Text.plain(l))).toList();
    String name = null;
    String summary = null;
    Section section = Section.NONE;
    String sectionTitle = "";
    List<ProjectDraft> projects = new ArrayList<>();
    ProjectDraft current = null;
    StringBuilder about = null;
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.isBlank()) {
        if (about != null && about.length() > 0) {
          summary = summary == null ? Text.collapse(about.toString()) : summary;
          about = null;
        }
        continue;
      }
      if (isSectionTitle(l)) {
        section = Labels.section(l);
        sectionTitle = Labels.fold(l);
        current = null;
        if (about != null && about.length() > 0 && summary == null) {
          summary = Text.collapse(about.toString());
        }
        about = isAbout(sectionTitle) ? new StringBuilder() : null;
        continue;
      }
      if (about != null) {
        if (!PersonalData.in(l, true) && !NOISE.matcher(l).matches()) {
          about.append(' ').append(l);
        }
        continue;
      }
      if (section == Section.NONE && name == null && projects.isEmpty()) {
        name = Names.nameOf(l);
        continue;
      }
      if (section != Section.PROJECTS) {
        continue;
      }
      if (startsEntry(lines, i)) {
        current = DocumentFormat.draft(l);
        if (current != null) {
          projects.add(current);
        }
        continue;
      }
      if (current == null
          || DATE_RANGE.matcher(l).matches()
          || NOISE.matcher(l).matches()
          || ASSOCIATED.matcher(l).matches()) {
        continue;
      }
      Matcher skills = SKILLS.matcher(l);
      if (skills.matches()) {
        for (String s : skills.group(1).split("\\s*[·,|•]\\s*")) {
          String lang = ProjectFields.language(s);
          if (lang != null && current.language == null) {
            current.language = lang;
          } else if (lang == null && !s.isBlank()) {
            current.tags.add(s.strip());
          }
        }
        continue;
      }
      if (!ProjectFields.applyKeyLine(l, current)) {
        current.describe(ProjectFields.absorbInline(l, current));
      }
    }
    if (about != null && about.length() > 0 && summary == null) {
      summary = Text.collapse(about.toString());
    }
    return new Profile(name, summary, projects);
  }

  private static boolean isAbout(String folded) {
    return List.of(
            "about",
            "info",
            "ueber mich",
            "uber mich",
            "informazioni",
            "a propos",
            "acerca de",
            "sobre mi",
            "summary",
            "zusammenfassung",
            "riepilogo",
            "resume",
            "extracto",
            "infos")
        .contains(folded);
  }

  private static boolean isSectionTitle(String line) {
    String t = Text.withoutEmoji(line).strip();
    return t.split("\\s+").length <= 4
        && t.length() <= 40
        && !t.matches(".*[.,:;!?()].*")
        && (Labels.section(t) != Section.NONE || isAbout(Labels.fold(t)));
  }

  /** A name line: the next non-blank line is a date range or "Associated with …". */
  private static boolean startsEntry(List<String> lines, int i) {
    String l = lines.get(i);
    if (DATE_RANGE.matcher(l).matches() || NOISE.matcher(l).matches() || l.length() > 80) {
      return false;
    }
    for (int j = i + 1; j < lines.size(); j++) {
      String next = lines.get(j);
      if (next.isBlank()) {
        continue;
      }
      return DATE_RANGE.matcher(next).matches() || ASSOCIATED.matcher(next).matches();
    }
    return false;
  }
}
