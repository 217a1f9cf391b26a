package dev.trinity.site;

import java.util.HashSet;
import java.util.Set;

/**
 * How far two guardians agree on the same pages: each element at each viewport is a verdict
 * (overflows or not, either axis), compared between a reference (Chromium) and another guardian.
 * Immutable; add results with {@link #plus}.
 *
 * @param verdicts element × viewport pairs compared (the reference's count)
 * @param flaggedByBoth pairs both flagged
 * @param onlyReference pairs only the reference flagged (the other guardian missed them)
 * @param onlyOther pairs only the other guardian flagged (false alarms)
 */
public record LayoutAgreement(int verdicts, int flaggedByBoth, int onlyReference, int onlyOther) {

  /** Nothing compared yet. */
  public static final LayoutAgreement NONE = new LayoutAgreement(0, 0, 0, 0);

  /**
   * Compares two reports on the same page and viewports.
   *
   * @param reference the reference guardian's report
   * @param other the other guardian's report
   * @return the comparison
   */
  public static LayoutAgreement of(LayoutReport reference, LayoutReport other) {
    Set<String> a = flagged(reference);
    Set<String> b = flagged(other);
    int both = 0;
    for (String key : a) {
      if (b.contains(key)) {
        both++;
      }
    }
    return new LayoutAgreement(reference.elementsChecked(), both, a.size() - both, b.size() - both);
  }

  private static Set<String> flagged(LayoutReport r) {
    Set<String> keys = new HashSet<>();
    r.overflows().forEach(o -> keys.add(o.ref() + "@" + o.viewport().name()));
    return keys;
  }

  /**
   * The sum of two comparisons.
   *
   * @param other another comparison
   * @return the sum
   */
  public LayoutAgreement plus(LayoutAgreement other) {
    return new LayoutAgreement(
        verdicts + other.verdicts,
        flaggedByBoth + other.flaggedByBoth,
        onlyReference + other.onlyReference,
        onlyOther + other.onlyOther);
  }

  /**
   * The share of verdicts the two guardians agree on.
   *
   * @return 0 to 1; 1 when nothing was compared
   */
  public double agreement() {
    return verdicts == 0 ? 1 : 1 - (double) (onlyReference + onlyOther) / verdicts;
  }

  /**
   * Of the pairs either guardian flagged, the share both flagged (a stricter figure: it ignores the
   * many elements both see as fine).
   *
   * @return 0 to 1; 1 when neither flagged anything
   */
  public double flaggedAgreement() {
    int any = flaggedByBoth + onlyReference + onlyOther;
    return any == 0 ? 1 : (double) flaggedByBoth / any;
  }
}
