package dev.trinity.site.internal.risk;

/**
 * One pass over an element's text: its width and widest unbreakable run in em, and counts by
 * script. Runs break where browsers break lines in practice: at spaces, after a hyphen between a
 * letter or digit and a letter, and around every ideograph or emoji.
 *
 * @param chars code points
 * @param words unbreakable runs
 * @param longestRunChars code points in the longest run
 * @param totalEm the text's width on one line, em
 * @param widestRunEm the widest run, em
 * @param cjk ideographs, kana and Hangul
 * @param emoji emoji
 * @param rtl Hebrew and Arabic letters
 */
public record TextStats(
    int chars,
    int words,
    int longestRunChars,
    double totalEm,
    double widestRunEm,
    int cjk,
    int emoji,
    int rtl) {

  /**
   * Scans a text.
   *
   * @param text the text
   * @param widths the font's advances
   * @return the statistics
   */
  public static TextStats of(String text, GlyphWidths widths) {
    int chars = 0;
    int words = 0;
    int runChars = 0;
    int longest = 0;
    double total = 0;
    double run = 0;
    double widest = 0;
    int cjk = 0;
    int emoji = 0;
    int rtl = 0;
    int prev = ' ';
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
          words++;
        }
        runChars = 0;
        run = 0;
      } else if (wide) {
        if (runChars > 0) {
          words++;
        }
        words++;
        widest = Math.max(widest, w);
        longest = Math.max(longest, 1);
        runChars = 0;
        run = 0;
      } else {
        run += w;
        runChars++;
        widest = Math.max(widest, run);
        longest = Math.max(longest, runChars);
        if (cp == '-'
            && Character.isLetterOrDigit(prev)
            && i < n
            && Character.isLetter(text.codePointAt(i))) {
          words++;
          runChars = 0;
          run = 0;
        }
      }
      prev = cp;
    }
    if (runChars > 0) {
      words++;
    }
    return new TextStats(chars, words, longest, total, widest, cjk, emoji, rtl);
  }
}
