package dev.trinity.site;

import java.util.Objects;

/**
 * One component on a page: every instance of it ({@link #ALL}) or the one at an index.
 *
 * @param component the component
 * @param index the element's {@code data-index}, or {@link #ALL} for every instance
 */
public record ComponentRef(Component component, int index) {
  /** The index meaning "every instance of the component". */
  public static final int ALL = -1;

  /**
   * Validates.
   *
   * @throws IllegalArgumentException when the index is below {@link #ALL}
   */
  public ComponentRef {
    Objects.requireNonNull(component, "component");
    if (index < ALL) {
      throw new IllegalArgumentException("index must be >= 0 or ALL (-1), was " + index);
    }
  }

  /**
   * Every instance of a component.
   *
   * @param component the component
   * @return the reference
   */
  public static ComponentRef of(Component component) {
    return new ComponentRef(component, ALL);
  }

  /**
   * One instance of a component.
   *
   * @param component the component
   * @param index its {@code data-index}
   * @return the reference
   */
  public static ComponentRef of(Component component, int index) {
    return new ComponentRef(component, index);
  }

  /**
   * Reads as {@code card_title[2]} or {@code card_title[*]}.
   *
   * @return the readable form
   */
  @Override
  public String toString() {
    return component.id() + "[" + (index == ALL ? "*" : Integer.toString(index)) + "]";
  }
}
