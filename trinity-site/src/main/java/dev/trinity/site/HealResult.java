package dev.trinity.site;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What healing a page came to. Immutable.
 *
 * @param site the last page rendered
 * @param report the guardian's report on it
 * @param fixes the fixes it was rendered with
 * @param fixedBy for each element that overflowed on the way, the strategy it ended with (the one
 *     that fixed it when the page is clean)
 * @param renders how many times the page was rendered and checked
 * @param overflowsPerRender the number of overflows each check found, in order
 */
public record HealResult(
    RenderedSite site,
    LayoutReport report,
    LayoutFixes fixes,
    Map<ComponentRef, HealingStrategy> fixedBy,
    int renders,
    List<Integer> overflowsPerRender) {

  /** Validates and copies. */
  public HealResult {
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(fixes, "fixes");
    fixedBy = Collections.unmodifiableMap(new LinkedHashMap<>(fixedBy));
    overflowsPerRender = List.copyOf(overflowsPerRender);
    if (renders < 1) {
      throw new IllegalArgumentException("renders must be >= 1, was " + renders);
    }
  }

  /**
   * Whether the last page has no overflow at any viewport checked.
   *
   * @return true when clean
   */
  public boolean isClean() {
    return report.isClean();
  }

  /**
   * The strongest strategy used on the page.
   *
   * @return {@link HealingStrategy#NONE} when nothing needed fixing
   */
  public HealingStrategy strongest() {
    return fixedBy.values().stream().max(Enum::compareTo).orElse(HealingStrategy.NONE);
  }
}
