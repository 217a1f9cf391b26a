package dev.trinity.site.internal.risk;

/**
 * The rules used when no model is available, read off the same features: a run wider than its box
 * needs {@code BREAK_WORD}; more lines than the limit needs {@code FONT_SHRINK} when the smaller
 * type fits them, else {@code TRUNCATE}; a label that only a smaller type fits needs {@code
 * FONT_SHRINK}. It never picks {@code CONTENT_CUT}, the step that loses words. Stateless.
 */
public final class HeuristicRisk {
  private HeuristicRisk() {}

  /**
   * The strategy an element needs.
   *
   * @param x the element's {@link ElementFeatures}
   * @return the class id, 0 ({@code NONE}) to 3 ({@code TRUNCATE})
   */
  public static int classify(double[] x) {
    boolean label = x[1] > 0;
    boolean limited = x[2] > 0;
    double tokenMax = x[18];
    if (label || !limited) {
      return tokenMax <= 1.0 ? 0 : 1;
    }
    double wrapped = x[23];
    double broken = x[24];
    double shrunkBroken = x[25];
    if (wrapped <= 1.0 && tokenMax <= 1.0) {
      return 0;
    }
    if (broken <= 1.0) {
      return 1;
    }
    return shrunkBroken <= 1.0 ? 2 : 3;
  }
}
