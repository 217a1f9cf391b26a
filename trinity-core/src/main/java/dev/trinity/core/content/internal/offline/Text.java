package dev.trinity.core.content.internal.offline;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * Plain text for the page: no HTML tags, no Markdown syntax, no badges, white space collapsed, cut
 * to a field's limit at a word.
 */
final class Text {
  /** Appended to text cut at a limit. */
  static final String ELLIPSIS = "…";

  private static final Pattern MD_IMAGE = Pattern.compile("!\\[[^\\]]{0,500}+]\\([^)]{0,2000}+\\)");
  private static final Pattern MD_LINK =
      Pattern.compile("\\[([^\\]]{0,500}+)]\\(([^)\\s]{0,2000}+)[^)]{0,200}+\\)");
  private static final Pattern MD_REF_LINK =
      Pattern.compile("\\[([^\\]]{1,500}+)]\\[[^\\]]{0,100}]");
  private static final Pattern HTML_TAG =
      Pattern.compile("</?[A-Za-z][^<>]{0,2000}+>|<!--.{0,4000}?-->");
  private static final Pattern EMPHASIS =
      Pattern.compile("(?<![\\w*])[*_]{1,3}(\\S(?:[^*_]{0,300}?\\S)?)[*_]{1,3}(?![\\w*])");
  private static final Pattern LEADING_SYNTAX =
      Pattern.compile("^(?:\\s*(?:#{1,6}|>|[-*+•]|\\d{1,2}[.)])\\s+)+");
  private static final Pattern BADGE_URL =
      Pattern.compile(
          "(?i)\\bhttps?://\\S*(?:shields\\.io|badge|komarev|readme-stats|vercel\\.app/api|"
              + "skillicons|devicon|\\.svg|\\.png|\\.gif|\\.jpe?g)\\S*");
  private static final Pattern EMOJI_SHORTCODE = Pattern.compile(":[a-z0-9_+-]{2,30}:");
  private static final Pattern EMOJI =
      Pattern.compile(
          "[\\x{1F000}-\\x{1FAFF}\\x{2600}-\\x{27BF}\\x{2B00}-\\x{2BFF}\\x{FE0F}\\x{200D}"
              + "\\x{20E3}\\x{E0020}-\\x{E007F}\\x{1F1E6}-\\x{1F1FF}]");

  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
  private static final Pattern TABLE_RULE =
      Pattern.compile("(?m)^\\s*\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)*\\|?\\s*$");
  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s,.;:!?–—-]+$");

  private Text() {}

  /** White space runs as single spaces. */
  static String collapse(String text) {
    return WHITE_SPACE.matcher(text).replaceAll(" ").strip();
  }

  /**
   * The text as a page may show it: HTML reduced to its text, Markdown images and badges dropped,
   * links reduced to their text, emphasis and code marks removed.
   */
  static String plain(String text) {
    String s = text;
    if (s.indexOf('<') >= 0 && HTML_TAG.matcher(s).find()) {
      s = Jsoup.parseBodyFragment(s.replace("\n", "<br>")).body().wholeText();
      s = HTML_TAG.matcher(s).replaceAll(" ");
    }
    s = s.replace("&nbsp;", " ");
    s = MD_IMAGE.matcher(s).replaceAll(" ");
    s = MD_LINK.matcher(s).replaceAll("$1");
    s = MD_REF_LINK.matcher(s).replaceAll("$1");
    s = BADGE_URL.matcher(s).replaceAll(" ");
    s = s.replace("**", "").replace("__", "").replace("`", "").replace("~~", "");
    s = EMPHASIS.matcher(s).replaceAll("$1");
    s = EMOJI_SHORTCODE.matcher(s).replaceAll(" ");
    s = LEADING_SYNTAX.matcher(s).replaceAll("");
    s = TABLE_RULE.matcher(s).replaceAll(" ");
    return collapse(s);
  }

  /** The text without emoji and pictographs (for names and labels). */
  static String withoutEmoji(String text) {
    return collapse(EMOJI.matcher(text).replaceAll(" "));
  }

  /** The text without the emoji and pictographs it starts with ("🚀 tapas-router"). */
  static String withoutLeadingEmoji(String text) {
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      if (!Character.isWhitespace(cp)
          && !EMOJI.matcher(new String(Character.toChars(cp))).matches()) {
        break;
      }
      i += Character.charCount(cp);
    }
    return text.substring(i);
  }

  /** Whether the text has a letter or a digit. */
  static boolean hasWord(String text) {
    return text.codePoints().anyMatch(Character::isLetterOrDigit);
  }

  /** The text cut to at most {@code max} characters (code points), at a word when it can. */
  static String limit(String text, int max) {
    int length = text.codePointCount(0, text.length());
    if (length <= max) {
      return text;
    }
    String head = text.substring(0, text.offsetByCodePoints(0, Math.max(1, max - 1)));
    int space = head.lastIndexOf(' ');
    if (space > 0 && space * 2 >= head.length()) {
      head = head.substring(0, space);
    }
    head = TRAILING_PUNCTUATION.matcher(head).replaceAll("");
    return head.isEmpty() ? text.substring(0, text.offsetByCodePoints(0, max)) : head + ELLIPSIS;
  }

  /** ALL CAPS words as Title Case ("MARCO ROSSI" → "Marco Rossi"); other text as it is. */
  static String unshout(String text) {
    if (!text.equals(text.toUpperCase(Locale.ROOT))
        || text.chars().noneMatch(Character::isLetter)) {
      return text;
    }
    StringBuilder sb = new StringBuilder();
    boolean start = true;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      String c = new String(Character.toChars(cp));
      sb.append(start ? c : c.toLowerCase(Locale.ROOT));
      start = !Character.isLetter(cp) && cp != '\'';
      i += Character.charCount(cp);
    }
    return sb.toString();
  }
}
