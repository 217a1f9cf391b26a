package dev.trinity.site.internal.risk;

import dev.trinity.site.internal.TextMeasure;
import java.util.Arrays;

/**
 * One pass over an element's text: its width and widest unbreakable run in em, the runs in order
 * (for line wrapping), and counts by script. Runs break where browsers break lines in practice: at
 * spaces, after a hyphen between a letter or digit and a letter, and around every ideograph or
 * emoji.
 *
 * @param chars code points
 * @param words unbreakable runs
 * @param longestRunChars code points in the longest run
 * @param totalEm the text's width on one line, em
 * @param widestRunEm the widest run, em
 * @param cjk ideographs, kana and Hangul
 * @param emoji emoji
 * @param rtl Hebrew and Arabic letters
 * @param runs each run's width in em, in order, the first {@code runCount} entries; negative when
 *     the run follows the previous one without a space
 * @param runCount how many runs
 * @param spaceEm the width of a space, em
 */
public record TextStats(
    int chars,
    int words,
    int longestRunChars,
    double totalEm,
    double widestRunEm,
    int cjk,
    int emoji,
    int rtl,
    double[] runs,
    int runCount,
    double spaceEm) {

  /**
   * Scans a text.
   *
   * @param text the text
   * @param widths the font's advances
   * @return the statistics
   */
  public static TextStats of(String text, GlyphWidths widths) {
    int chars = 0;
    int runChars = 0;
    int longest = 0;
    double total = 0;
    double run = 0;
    double widest = 0;
    int cjk = 0;
    int emoji = 0;
    int rtl = 0;
    int prev = ' ';
    boolean spaced = true;
    double[] runs = new double[8];
    int count = 0;
    int n = text.length();
    for (int i = 0; i < n; ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      chars++;
      float w = widths.em(cp);
      total += w;
      boolean wide = Scripts.isWide(cp);
      if (wide) {
        if (Scripts.isCjk(cp)) {
          cjk++;
        } else {
          emoji++;
        }
      } else if (Scripts.isRtl(cp)) {
        rtl++;
      }
      if (Character.isWhitespace(cp)) {
        if (runChars > 0) {
          runs = push(runs, count++, spaced ? run : -run);
        }
        runChars = 0;
        run = 0;
        spaced = true;
      } else if (wide) {
        if (runChars > 0) {
          runs = push(runs, count++, spaced ? run : -run);
          spaced = false;
        }
        runs = push(runs, count++, spaced ? w : -w);
        spaced = false;
        widest = Math.max(widest, w);
        longest = Math.max(longest, 1);
        runChars = 0;
        run = 0;
      } else {
        run += w;
        runChars++;
        widest = Math.max(widest, run);
        longest = Math.max(longest, runChars);
        if (cp == '-' && i < n && TextMeasure.breaksAfterHyphen(prev, text.codePointAt(i))) {
          runs = push(runs, count++, spaced ? run : -run);
          spaced = false;
          runChars = 0;
          run = 0;
        }
      }
      prev = cp;
    }
    if (runChars > 0) {
      runs = push(runs, count++, spaced ? run : -run);
    }
    return new TextStats(
        chars, count, longest, total, widest, cjk, emoji, rtl, runs, count, widths.em(' '));
  }

  private static double[] push(double[] runs, int at, double w) {
    double[] out = at < runs.length ? runs : Arrays.copyOf(runs, runs.length * 2);
    out[at] = w;
    return out;
  }

  /**
   * The lines the text wraps to in a box, filling each line greedily as browsers do.
   *
   * @param boxEm the box width in em of the font size
   * @param breakWords whether a run wider than the box is split across lines (else it takes a line
   *     of its own and sticks out)
   * @param cap stop counting beyond this many lines
   * @return lines, 1 to {@code cap}
   */
  public int lines(double boxEm, boolean breakWords, int cap) {
    int lines = 1;
    double line = 0;
    for (int i = 0; i < runCount && lines < cap; i++) {
      double w = Math.abs(runs[i]);
      double gap = line == 0 || runs[i] < 0 ? 0 : spaceEm;
      if (line > 0 && line + gap + w > boxEm) {
        lines++;
        line = 0;
        gap = 0;
      }
      if (breakWords && w > boxEm) {
        int extra = (int) Math.ceil(w / boxEm) - 1;
        lines += extra;
        line = w - extra * boxEm;
      } else {
        line += gap + w;
      }
    }
    return Math.min(lines, cap);
  }
}
