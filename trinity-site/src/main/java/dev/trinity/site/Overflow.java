package dev.trinity.site;

import java.util.Objects;

/**
 * One element whose text does not fit, at one viewport.
 *
 * @param component the element's component
 * @param index the element's {@code data-index} (0 for single components)
 * @param viewport the viewport it overflows at
 * @param overflowPx by how many CSS pixels it overflows (more than the 5 px tolerance)
 * @param axis which way
 */
public record Overflow(
    Component component, int index, Viewport viewport, int overflowPx, Axis axis) {

  /** Which way an element overflows. */
  public enum Axis {
    /** Wider than its box, or sticking out of its card or of the page. */
    HORIZONTAL,
    /** Taller than a box whose overflow is hidden. */
    VERTICAL
  }

  /**
   * Validates.
   *
   * @throws IllegalArgumentException when the index or overflow is negative
   */
  public Overflow {
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(viewport, "viewport");
    Objects.requireNonNull(axis, "axis");
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0, was " + index);
    }
    if (overflowPx < 0) {
      throw new IllegalArgumentException("overflowPx must be >= 0, was " + overflowPx);
    }
  }

  /**
   * The overflowing element.
   *
   * @return its reference
   */
  public ComponentRef ref() {
    return ComponentRef.of(component, index);
  }
}
