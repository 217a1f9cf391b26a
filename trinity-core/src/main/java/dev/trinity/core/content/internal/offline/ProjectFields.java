package dev.trinity.core.content.internal.offline;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads project facts out of portfolio text for the offline extractor: {@code Language:} / {@code
 * Stars:} / {@code URL:} / {@code Tags:} lines, star counts written inline ({@code ★ 120}, {@code
 * 1.2k stars}), languages in parentheses, URLs, and Markdown emphasis and links.
 */
final class ProjectFields {
  private static final Map<String, String> LANGUAGES = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  static {
    for (String l :
        Arrays.asList(
            "Assembly",
            "Astro",
            "Bash",
            "C",
            "C#",
            "C++",
            "Clojure",
            "CMake",
            "COBOL",
            "CoffeeScript",
            "Common Lisp",
            "Crystal",
            "CSS",
            "D",
            "Dart",
            "Dockerfile",
            "Elixir",
            "Elm",
            "Emacs Lisp",
            "Erlang",
            "F#",
            "Fortran",
            "GDScript",
            "Go",
            "Groovy",
            "Haskell",
            "HCL",
            "HTML",
            "Java",
            "JavaScript",
            "Jsonnet",
            "Julia",
            "Jupyter Notebook",
            "Kotlin",
            "Lua",
            "Makefile",
            "MATLAB",
            "Mojo",
            "Nim",
            "Nix",
            "Objective-C",
            "OCaml",
            "Pascal",
            "Perl",
            "PHP",
            "PLpgSQL",
            "PowerShell",
            "Prolog",
            "PureScript",
            "Python",
            "R",
            "Racket",
            "Ruby",
            "Rust",
            "Scala",
            "Scheme",
            "SCSS",
            "Shell",
            "Smalltalk",
            "Solidity",
            "SQL",
            "Svelte",
            "Swift",
            "Tcl",
            "TeX",
            "TypeScript",
            "V",
            "Vala",
            "Verilog",
            "VHDL",
            "Vim Script",
            "Vue",
            "WebAssembly",
            "Zig")) {
      LANGUAGES.put(l, l);
    }
    for (String l :
        List.of(
            "ABAP",
            "Apex",
            "Arduino",
            "Ballerina",
            "CUDA",
            "Cython",
            "Gleam",
            "Hack",
            "Haxe",
            "Less",
            "Markdown",
            "MicroPython",
            "CircuitPython",
            "Odin",
            "Processing",
            "ReScript",
            "Sass",
            "Starlark")) {
      LANGUAGES.put(l, l);
    }
    LANGUAGES.put("golang", "Go");
    LANGUAGES.put("js", "JavaScript");
    LANGUAGES.put("ts", "TypeScript");
    LANGUAGES.put("node.js", "JavaScript");
    LANGUAGES.put("nodejs", "JavaScript");
    LANGUAGES.put("python3", "Python");
    LANGUAGES.put("sh", "Shell");
    LANGUAGES.put("terraform", "HCL");
  }

  private static final String COUNT =
      "(\\d{1,3}(?:[,.\\u202F]\\d{3})+(?!\\d)|\\d+(?:[.,]\\d+)?)\\s*([kK])?";

  /** Labels too common in prose to end a description when they turn up in it. */
  private static final Set<String> NOT_INLINE =
      Set.of(
          "web",
          "site",
          "code",
          "source",
          "source code",
          "demo",
          "sito",
          "sitio",
          "quelle",
          "codice",
          "codigo",
          "sorgente",
          "website",
          "homepage",
          "webseite",
          "built with",
          "links",
          "languages",
          "lingua",
          "tech",
          "technologie",
          "tecnologia",
          "tecnologias",
          "star");

  private static final Pattern KEY_SEGMENT =
      Pattern.compile(
          "(?iu)^\\s*(?:[-*+•]\\s+)?[*_]{0,2}([\\p{L}][\\p{L} .'-]{0,24}?)[*_]{0,2}\\s*:[*_]{0,2}"
              + "\\s*(.*?)\\s*$");
  private static final Pattern TRAILING_FIELDS = trailingFields();
  private static final Pattern SEGMENT_SEPARATOR =
      Pattern.compile("\\s+[|·•]\\s+|;\\s+|,\\s+(?=[\\p{L}][\\p{L} -]{1,24}?\\s*:)");
  private static final Pattern STAR_BEFORE =
      Pattern.compile("(?:★|⭐|☆|:star:)\\s*" + COUNT + "(?:\\s*stars?\\b)?");
  private static final Pattern STAR_AFTER =
      Pattern.compile(
          "(?iu)\\b"
              + COUNT
              + "\\s*(?:★|⭐|stars?\\b|stargazers\\b|sterne\\b|stelle\\b|étoiles\\b|estrellas\\b)");
  private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s<>()\\[\\]\"']+");
  private static final Pattern BARE_GITHUB =
      Pattern.compile(
          "(?i)(?<![/\\w.])(?:www\\.)?github\\.com/[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)?");
  private static final Pattern MD_LINK =
      Pattern.compile("\\[([^\\]]{0,500}+)]\\(([^)\\s]{1,2000}+)[^)]{0,200}+\\)");
  private static final Pattern SENTENCE = Pattern.compile("(?<=[.!?])\\s+");
  private static final Pattern PARENS = Pattern.compile("\\(([^()]{1,80}+)\\)");

  private static final Pattern SPACE_BEFORE_PUNCTUATION =
      Pattern.compile("\\s+([,.;:!?])(?=\\s|$)");
  private static final Pattern PAUSE_BEFORE_STOP = Pattern.compile("([,;:])+([.!?])");
  private static final Pattern TRAILING_PAUSE = Pattern.compile("[,;:]+$");
  private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[,.;:]+\\s*");

  /** Separates the facts in parentheses; a comma in "1,200" does not. */
  private static final Pattern FACT_SEPARATOR = Pattern.compile("[;·|]|,(?!\\d{3}(?!\\d))");

  private static final Pattern TRAILING_SEPARATORS = Pattern.compile("[\\s|·•;]+$");
  private static final Pattern TRAILING_DASH = Pattern.compile("\\s*[—–-]\\s*$");
  private static final Pattern LEADING_DASH = Pattern.compile("^\\s*[—–:-]\\s*");

  private ProjectFields() {}

  /** The canonical spelling of a programming language, or null when the text is not one. */
  static @Nullable String language(String text) {
    String t = clean(text).replaceAll("[.,;]+$", "").strip();
    return t.isEmpty() ? null : LANGUAGES.get(t);
  }

  /** Whether a line of a GitHub listing holds a language, or says it has none ({@code N/A}). */
  static boolean isLanguageLine(String line) {
    String t = line.strip();
    return t.equalsIgnoreCase("N/A") || LANGUAGES.containsKey(t);
  }

  /**
   * Applies a line made only of {@code Key: value} fields (separated by {@code |}, {@code ·},
   * {@code •} or {@code ;}) to a project.
   *
   * @return whether the line was such a line
   */
  static boolean applyKeyLine(String line, ProjectDraft draft) {
    String[] segments = SEGMENT_SEPARATOR.split(line.strip());
    Matcher[] matches = new Matcher[segments.length];
    for (int i = 0; i < segments.length; i++) {
      matches[i] = KEY_SEGMENT.matcher(segments[i]);
      if (!matches[i].matches() || Labels.field(matches[i].group(1)) == null) {
        return false;
      }
    }
    for (Matcher m : matches) {
      apply(Labels.field(m.group(1)), m.group(2), draft);
    }
    return true;
  }

  /** Whether the line starts with a known {@code Key:}. */
  static boolean isKeyLine(String line) {
    String first = SEGMENT_SEPARATOR.split(line.strip())[0];
    Matcher m = KEY_SEGMENT.matcher(first);
    return m.matches() && Labels.field(m.group(1)) != null;
  }

  private static void apply(Labels.Field key, String rawValue, ProjectDraft d) {
    String value = clean(rawValue);
    if (value.isEmpty() && key != Labels.Field.LINK) {
      return;
    }
    switch (key) {
      case LANGUAGE:
        if (d.language == null) {
          String whole = language(value);
          String first = value.split("\\s*[,/·|;(]\\s*|\\s+(?:and|und|e|et|y)\\s+")[0];
          String known = whole != null ? whole : language(first);
          d.language = known != null ? known : Text.limit(first.strip(), 40);
        }
        break;
      case STARS:
        Integer n = count(value);
        if (n != null) {
          d.stars = n;
        }
        break;
      case TAGS:
        for (String tag : value.split("[,;]|\\s#")) {
          String t = tag.strip().replaceFirst("^#", "").strip();
          if (!t.isEmpty()) {
            d.tags.add(t);
          }
        }
        break;
      case DESCRIPTION:
        d.describe(value);
        break;
      default: // LINK
        String url = url(rawValue);
        if (url != null && d.url == null) {
          d.url = url;
        }
        break;
    }
  }

  /**
   * Takes star counts, a language in parentheses and a URL out of free text, recording them on the
   * project.
   *
   * @return the text that is left, as plain prose
   */
  static String absorbInline(String text, ProjectDraft d) {
    String s = text;
    if (d.url == null) {
      d.url = url(s);
    }
    s = MD_LINK.matcher(s).replaceAll("$1");
    s = URL.matcher(s).replaceAll("");
    Matcher parens = PARENS.matcher(s);
    StringBuilder kept = new StringBuilder();
    while (parens.find()) {
      if (applyKeyLine(parens.group(1), d)) {
        parens.appendReplacement(kept, "");
        continue;
      }
      boolean allFacts = true;
      for (String part : FACT_SEPARATOR.split(parens.group(1))) {
        String p = part.strip();
        if (p.isEmpty()) {
          continue;
        }
        String lang = language(p);
        Integer stars = starsIn(p);
        if (lang != null) {
          if (d.language == null) {
            d.language = lang;
          }
        } else if (stars != null) {
          if (d.stars == null) {
            d.stars = stars;
          }
        } else {
          allFacts = false;
        }
      }
      parens.appendReplacement(kept, allFacts ? "" : Matcher.quoteReplacement(parens.group()));
    }
    parens.appendTail(kept);
    s = kept.toString();
    Matcher fields = TRAILING_FIELDS.matcher(s);
    while (fields.find()) {
      if (applyKeyLine(s.substring(fields.start(1)), d)) {
        s = TRAILING_SEPARATORS.matcher(s.substring(0, fields.start(1))).replaceAll("");
        break;
      }
    }
    Integer stars = starsIn(s);
    if (stars != null) {
      if (d.stars == null) {
        d.stars = stars;
      }
      s = STAR_BEFORE.matcher(s).replaceAll("");
      s = STAR_AFTER.matcher(s).replaceAll("");
    }
    s = absorbFactSentence(tidy(clean(s)), d);
    return tidy(LEADING_DASH.matcher(TRAILING_DASH.matcher(s).replaceAll("")).replaceAll(""));
  }

  /**
   * Takes a last sentence made only of facts ({@code "… maps. Python, 45 stars."}) off the text.
   */
  private static String absorbFactSentence(String text, ProjectDraft d) {
    String[] sentences = SENTENCE.split(text);
    if (sentences.length < 2) {
      return text;
    }
    String last = sentences[sentences.length - 1].replaceAll("[.!?]+$", "").strip();
    String language = null;
    for (String part : last.split(",")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      String lang = language(p);
      if (lang != null) {
        language = lang;
      } else {
        return text;
      }
    }
    if (language != null && d.language == null) {
      d.language = language;
    }
    return text.substring(0, text.length() - sentences[sentences.length - 1].length()).strip();
  }

  /** Collapses white space and drops punctuation left dangling by what was taken out. */
  private static String tidy(String text) {
    String s = Text.collapse(text);
    s = SPACE_BEFORE_PUNCTUATION.matcher(s).replaceAll("$1");
    s = PAUSE_BEFORE_STOP.matcher(s).replaceAll("$2");
    s = TRAILING_PAUSE.matcher(s).replaceAll("");
    s = LEADING_PUNCTUATION.matcher(s).replaceAll("");
    return s.strip();
  }

  /** A star count written with a star sign or the word "stars", or null. */
  static @Nullable Integer starsIn(String text) {
    Matcher m = STAR_BEFORE.matcher(text);
    if (m.find()) {
      return number(m.group(1), m.group(2));
    }
    m = STAR_AFTER.matcher(text);
    return m.find() ? number(m.group(1), m.group(2)) : null;
  }

  /** A count such as {@code 898}, {@code 1,234} or {@code 1.2k}; null when there is none. */
  static @Nullable Integer count(String text) {
    Matcher m = Pattern.compile(COUNT).matcher(text);
    return m.find() ? number(m.group(1), m.group(2)) : null;
  }

  private static @Nullable Integer number(String digits, @Nullable String thousands) {
    try {
      if (thousands != null) {
        double v = Double.parseDouble(digits.replace(",", "."));
        return (int) Math.round(v * 1000);
      }
      if (digits.matches("\\d+[.,]\\d{1,2}")) {
        return (int) Double.parseDouble(digits.replace(',', '.'));
      }
      long v = Long.parseLong(digits.replaceAll("[,.\\u202F]", ""));
      return v > Integer.MAX_VALUE ? null : (int) v;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The first http(s) URL in the text (a bare {@code github.com/…} gets {@code https://}). */
  static @Nullable String url(String text) {
    Matcher m = URL.matcher(text);
    while (m.find()) {
      String u = SafeUrl.of(m.group().replaceAll("[.,;:!?*_`>]+$", ""));
      if (u != null && !isImage(u)) {
        return u;
      }
    }
    Matcher gh = BARE_GITHUB.matcher(text);
    return gh.find() ? SafeUrl.of("https://" + gh.group().replaceAll("[.]+$", "")) : null;
  }

  /** Whether a URL points at a badge or a picture rather than a project. */
  static boolean isImage(String url) {
    return url.matches(
        "(?i).*(?:shields\\.io|/badge|badgen\\.net|komarev|readme-stats|\\.svg|\\.png|\\.gif"
            + "|\\.jpe?g|\\.webp)(?:[?#].*)?");
  }

  /** The text without Markdown emphasis, code ticks and link syntax. */
  static String clean(String text) {
    return Text.plain(text);
  }

  private static Pattern trailingFields() {
    StringBuilder labels = new StringBuilder();
    for (List<String> group : List.of(Labels.LANGUAGE, Labels.STARS, Labels.LINK, Labels.TAGS)) {
      for (String label : group) {
        if (NOT_INLINE.contains(label)) {
          continue;
        }
        if (labels.length() > 0) {
          labels.append('|');
        }
        labels.append(Pattern.quote(label));
      }
    }
    return Pattern.compile(
        "(?iu)(?:^|[\\s|·•;])((?:" + labels + "|sprache|étoiles|depot|dépôt)\\s*:)");
  }
}
