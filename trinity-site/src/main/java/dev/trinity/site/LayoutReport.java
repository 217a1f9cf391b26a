package dev.trinity.site;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a guardian found on a page. Immutable.
 *
 * @param guardian the name of the guardian that checked ({@code chromium} or {@code text-metrics})
 * @param viewports the viewports checked
 * @param overflows every overflowing element, per viewport
 * @param elementsChecked how many element × viewport pairs were checked
 */
public record LayoutReport(
    String guardian, List<Viewport> viewports, List<Overflow> overflows, int elementsChecked) {

  /** Validates and copies. */
  public LayoutReport {
    Objects.requireNonNull(guardian, "guardian");
    viewports = List.copyOf(viewports);
    overflows = List.copyOf(overflows);
  }

  /**
   * Whether nothing overflows at any viewport.
   *
   * @return true when clean
   */
  public boolean isClean() {
    return overflows.isEmpty();
  }

  /**
   * The overflowing elements, whatever the viewport.
   *
   * @return distinct references, in report order
   */
  public Set<ComponentRef> overflowingElements() {
    return overflows.stream()
        .map(Overflow::ref)
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  /**
   * The overflows at one viewport.
   *
   * @param viewport the viewport
   * @return its overflows
   */
  public List<Overflow> at(Viewport viewport) {
    return overflows.stream().filter(o -> o.viewport().equals(viewport)).toList();
  }
}
