package dev.trinity.core.content.internal;

import dev.trinity.api.content.Hero;
import dev.trinity.api.content.Link;
import dev.trinity.api.content.Project;
import dev.trinity.api.content.SiteContent;
import dev.trinity.api.content.TextCase;
import dev.trinity.api.content.ThemeRules;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Applies a theme's {@link ThemeRules} to validated content: case first, then length limits (so
 * that a case change that lengthens text, such as {@code ß} to {@code SS}, is still cut). URLs,
 * star counts and languages are never changed.
 */
public final class ThemeStyler {
  /** Appended to text cut at a limit. */
  static final String ELLIPSIS = "…";

  private static final Set<String> SMALL_WORDS =
      Set.of(
          "a", "an", "and", "as", "at", "but", "by", "for", "in", "nor", "of", "on", "or", "the",
          "to", "via", "with");

  private ThemeStyler() {}

  /**
   * Styles content.
   *
   * @param content validated content
   * @param rules the theme's rules
   * @return new content within the rules
   */
  public static SiteContent apply(SiteContent content, ThemeRules rules) {
    Hero h = content.hero();
    Hero hero =
        new Hero(
            fit(h.title(), rules.headingCase(), rules.maxHeroTitleLength()),
            fit(h.subtitle(), rules.textCase(), rules.maxHeroSubtitleLength()),
            link(h.ctaPrimary(), rules),
            link(h.ctaSecondary(), rules));
    List<Project> repos =
        content.repos().stream()
            .limit(rules.maxRepos())
            .map(
                p ->
                    new Project(
                        fit(p.name(), rules.projectNameCase(), Project.MAX_NAME_LENGTH),
                        fit(p.description(), rules.textCase(), rules.maxDescriptionLength()),
                        p.url(),
                        p.stars(),
                        p.language(),
                        p.tags().stream().limit(rules.maxTags()).toList()))
            .toList();
    return new SiteContent(
        fit(content.brandName(), rules.headingCase(), rules.maxBrandNameLength()),
        content.tagline() == null
            ? null
            : fit(content.tagline(), rules.textCase(), rules.maxTaglineLength()),
        hero,
        repos,
        content.menuItems().stream().map(l -> link(l, rules)).toList(),
        link(content.cta(), rules));
  }

  private static @Nullable Link link(@Nullable Link link, ThemeRules rules) {
    return link == null
        ? null
        : new Link(fit(link.label(), rules.headingCase(), Link.MAX_LABEL_LENGTH), link.url());
  }

  /** The text in the given case, cut to at most {@code max} characters (code points). */
  static String fit(String text, TextCase textCase, int max) {
    return truncate(recase(text, textCase), max);
  }

  static String recase(String text, TextCase textCase) {
    switch (textCase) {
      case UPPER:
        return text.toUpperCase(Locale.ROOT);
      case LOWER:
        return text.toLowerCase(Locale.ROOT);
      case TITLE:
        return titleCase(text);
      case SENTENCE:
        return capitalize(text);
      case AS_IS:
      default:
        return text;
    }
  }

  /**
   * Cuts text longer than {@code max} characters at the last word boundary that keeps at least two
   * thirds of the allowance (else mid-word), and ends it with an ellipsis.
   */
  static String truncate(String text, int max) {
    int length = text.codePointCount(0, text.length());
    if (length <= max) {
      return text;
    }
    if (max <= 1) {
      return text.substring(0, text.offsetByCodePoints(0, max));
    }
    String head = text.substring(0, text.offsetByCodePoints(0, max - 1));
    int space = lastSpace(head);
    int keep = head.codePointCount(0, Math.max(space, 0));
    if (space > 0 && keep * 2 >= max - 1) {
      head = head.substring(0, space);
    }
    head = stripTrailingPunctuation(head);
    return head.isEmpty() ? text.substring(0, text.offsetByCodePoints(0, max)) : head + ELLIPSIS;
  }

  private static int lastSpace(String s) {
    for (int i = s.length() - 1; i > 0; i--) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static String stripTrailingPunctuation(String s) {
    int end = s.length();
    while (end > 0) {
      char c = s.charAt(end - 1);
      if (Character.isWhitespace(c) || ",;:-–—(".indexOf(c) >= 0) {
        end--;
      } else {
        break;
      }
    }
    return s.substring(0, end);
  }

  private static String titleCase(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean first = true;
    int i = 0;
    while (i < text.length()) {
      int start = i;
      while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      String word = text.substring(start, i);
      if (!word.isEmpty()) {
        boolean small = !first && SMALL_WORDS.contains(word.toLowerCase(Locale.ROOT));
        out.append(small ? word : capitalize(word));
        first = false;
      }
      while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
        out.append(text.charAt(i));
        i++;
      }
    }
    return out.toString();
  }

  /** Upper-cases the first letter; the rest stays as written (acronyms survive). */
  private static String capitalize(String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (Character.isLetter(cp)) {
        return text.substring(0, i)
            + new String(Character.toChars(Character.toTitleCase(cp)))
            + text.substring(i + Character.charCount(cp));
      }
      i += Character.charCount(cp);
    }
    return text;
  }
}
