package dev.trinity.logging.vocabulary;

/**
 * A Java source with its comments blanked and the insides of its string, text-block and char
 * literals masked, so that searching the code never matches inside a comment or a literal. Both
 * texts have the same length and line breaks, so an offset in one is the same place in the other.
 */
final class JavaText {
  private final String source;
  private final String code;

  JavaText(String source) {
    this.source = source;
    this.code = mask(source);
  }

  /** The source as written. */
  String source() {
    return source;
  }

  /** The source with comments blanked and literal contents replaced by {@code x}. */
  String code() {
    return code;
  }

  /** The 1-based line of an offset. */
  int lineOf(int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < source.length(); i++) {
      if (source.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static String mask(String s) {
    StringBuilder out = new StringBuilder(s);
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (s.startsWith("//", i)) {
        int end = s.indexOf('\n', i);
        end = end < 0 ? n : end;
        blank(out, i, end, ' ');
        i = end;
      } else if (s.startsWith("/*", i)) {
        int end = s.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        blank(out, i, end, ' ');
        i = end;
      } else if (s.startsWith("\"\"\"", i)) {
        int end = closing(s, i + 3, "\"\"\"");
        blank(out, i + 3, end, 'x');
        i = Math.min(n, end + 3);
      } else if (c == '"' || c == '\'') {
        int end = closing(s, i + 1, String.valueOf(c));
        blank(out, i + 1, end, 'x');
        i = Math.min(n, end + 1);
      } else {
        i++;
      }
    }
    return out.toString();
  }

  /** The offset of the unescaped delimiter that closes a literal opened before {@code from}. */
  private static int closing(String s, int from, String delimiter) {
    int i = from;
    while (i < s.length()) {
      if (s.charAt(i) == '\\') {
        i += 2;
      } else if (s.startsWith(delimiter, i)) {
        return i;
      } else {
        i++;
      }
    }
    return s.length();
  }

  private static void blank(StringBuilder out, int from, int to, char with) {
    for (int i = from; i < to && i < out.length(); i++) {
      if (out.charAt(i) != '\n') {
        out.setCharAt(i, with);
      }
    }
  }
}
