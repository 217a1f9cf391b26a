package dev.trinity.site.internal;

/**
 * Shortens text for {@link dev.trinity.site.HealingStrategy#CONTENT_CUT}: at the last word boundary
 * that fits, ending with "…", never shorter than a floor. A text with no boundary in reach (one
 * long unbroken word) is cut inside the word.
 */
public final class ContentCut {
  /** The mark a cut text ends with. */
  public static final String ELLIPSIS = "…";

  private ContentCut() {}

  /**
   * Cuts a text.
   *
   * @param text the text
   * @param budget the most characters to keep, the ellipsis included
   * @param floor the fewest characters to keep before the ellipsis (at least 1)
   * @return the text when it fits, else the cut text
   * @throws IllegalArgumentException when the floor is below 1 or the budget below floor + 1
   */
  public static String cut(String text, int budget, int floor) {
    if (floor < 1) {
      throw new IllegalArgumentException("floor must be >= 1, was " + floor);
    }
    if (budget < floor + 1) {
      throw new IllegalArgumentException("budget must be > floor (" + floor + "), was " + budget);
    }
    String stripped = text.strip();
    if (stripped.codePointCount(0, stripped.length()) <= budget) {
      return stripped;
    }
    int keep = stripped.offsetByCodePoints(0, budget - 1);
    int boundary = -1;
    for (int i = keep; i > 0; i--) {
      if (Character.isWhitespace(stripped.charAt(i))) {
        boundary = i;
        break;
      }
    }
    String head;
    if (boundary > 0 && stripped.codePointCount(0, boundary) >= floor) {
      head = stripped.substring(0, boundary);
    } else {
      head = stripped.substring(0, keep);
    }
    head = head.stripTrailing().replaceAll("[\\s,;:.\\-–—]+$", "");
    if (head.codePointCount(0, head.length()) < floor) {
      head = stripped.substring(0, stripped.offsetByCodePoints(0, floor));
    }
    return head + ELLIPSIS;
  }
}
