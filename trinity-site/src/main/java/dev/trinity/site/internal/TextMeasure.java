package dev.trinity.site.internal;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Measures text with {@code java.awt.font} (headless), kerning and ligatures on as in browsers.
 * Each unbreakable segment (a word, split where the Unicode line-breaking rules allow, as browsers
 * do) is measured on its own: {@link LineBreakMeasurer} would silently split a word wider than the
 * box, which is exactly the overflow a page shows. Thread-safe.
 */
public final class TextMeasure {
  private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
  private static final Map<String, Font> SIZED = new ConcurrentHashMap<>();

  private TextMeasure() {}

  private static Font font(String name, double size) {
    return SIZED.computeIfAbsent(
        name + "@" + size,
        k ->
            BundledFonts.font(name)
                .deriveFont(
                    Map.of(
                        TextAttribute.SIZE, (float) size,
                        TextAttribute.KERNING, TextAttribute.KERNING_ON,
                        TextAttribute.LIGATURES, TextAttribute.LIGATURES_ON)));
  }

  /**
   * The advance of a text on one line.
   *
   * @param text the text
   * @param fontName a bundled font
   * @param size px
   * @return px
   */
  public static double width(String text, String fontName, double size) {
    if (text.isEmpty()) {
      return 0;
    }
    return new TextLayout(text, font(fontName, size), FRC).getAdvance();
  }

  /**
   * Where a line may break, as browsers do for Latin text: after a run of spaces, and after a
   * hyphen between a letter or digit and a letter ({@code event-sourcing}, not {@code since-2009}).
   * Unlike {@link java.text.BreakIterator}, a slash does not break ({@code https://a/b} stays
   * whole).
   *
   * @param text the text
   * @return the offsets a new line may start at, ascending, ending with the text's length
   */
  public static List<Integer> breaks(String text) {
    List<Integer> out = new ArrayList<>();
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        int j = i;
        while (j < n && Character.isWhitespace(text.charAt(j))) {
          j++;
        }
        if (j < n && j > 0) {
          out.add(j);
        }
        i = j - 1;
      } else if (c == '-'
          && i > 0
          && i + 1 < n
          && breaksAfterHyphen(text.charAt(i - 1), text.charAt(i + 1))) {
        out.add(i + 1);
      }
    }
    out.add(n);
    return out;
  }

  /**
   * Whether a line may break after a hyphen between two characters: between a letter or digit and a
   * letter ({@code event-sourcing}), not before a digit ({@code since-2009}). The one rule both
   * this class and the layout-risk features break hyphenated words by.
   *
   * @param before the code point before the hyphen
   * @param after the code point after it
   * @return true when a new line may start after the hyphen
   */
  public static boolean breaksAfterHyphen(int before, int after) {
    return Character.isLetterOrDigit(before) && Character.isLetter(after);
  }

  /**
   * The text split where a line may break, each segment without its trailing spaces.
   *
   * @param text the text
   * @return the segments, empty ones dropped
   */
  public static List<String> segments(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int end : breaks(text)) {
      String seg = text.substring(start, end).strip();
      if (!seg.isEmpty()) {
        out.add(seg);
      }
      start = end;
    }
    return out;
  }

  /**
   * The widest unbreakable segment.
   *
   * @param text the text
   * @param fontName a bundled font
   * @param size px
   * @return px, 0 for empty text
   */
  public static double widestSegment(String text, String fontName, double size) {
    double widest = 0;
    for (String seg : segments(text)) {
      widest = Math.max(widest, width(seg, fontName, size));
    }
    return widest;
  }

  /**
   * How many lines a text takes in a box.
   *
   * @param text the text
   * @param fontName a bundled font
   * @param size px
   * @param boxWidth px
   * @param breakWords whether a segment wider than the box may be split (overflow-wrap: anywhere);
   *     if not, it takes a line of its own and sticks out
   * @return lines, at least 1
   */
  public static int lines(
      String text, String fontName, double size, double boxWidth, boolean breakWords) {
    if (text.isBlank()) {
      return 1;
    }
    Font f = font(fontName, size);
    if (breakWords) {
      AttributedString s = new AttributedString(text, f.getAttributes());
      LineBreakMeasurer m = new LineBreakMeasurer(s.getIterator(), FRC);
      int lines = 0;
      while (m.getPosition() < text.length()) {
        m.nextLayout((float) boxWidth);
        lines++;
      }
      return Math.max(1, lines);
    }
    String t = text.strip();
    int lines = 1;
    int lineStart = 0;
    int lastFit = -1;
    for (int end : breaks(t)) {
      double w = width(t.substring(lineStart, end).stripTrailing(), fontName, size);
      if (w > boxWidth && lastFit > lineStart) {
        lines++;
        lineStart = lastFit;
        lastFit = end;
      } else {
        lastFit = end;
      }
    }
    return lines;
  }
}
