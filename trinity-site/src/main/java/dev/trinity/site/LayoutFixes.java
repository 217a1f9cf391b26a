package dev.trinity.site;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the healer asks the renderer to apply: a {@link HealingStrategy} per component, for every
 * instance of it or for one index. Immutable; {@link #with} returns a copy.
 *
 * <p>The renderer turns {@link HealingStrategy#BREAK_WORD}, {@link HealingStrategy#FONT_SHRINK} and
 * {@link HealingStrategy#TRUNCATE} into CSS classes on the element and {@link
 * HealingStrategy#CONTENT_CUT} into shortened text.
 */
public final class LayoutFixes {
  private static final LayoutFixes NONE = new LayoutFixes(Map.of());

  private final Map<ComponentRef, HealingStrategy> fixes;

  private LayoutFixes(Map<ComponentRef, HealingStrategy> fixes) {
    this.fixes = fixes;
  }

  /**
   * No fixes: the page as the theme draws it.
   *
   * @return the empty set of fixes
   */
  public static LayoutFixes none() {
    return NONE;
  }

  /**
   * These fixes.
   *
   * @param fixes strategy per component reference
   * @return the fixes, without entries mapped to {@link HealingStrategy#NONE}
   */
  public static LayoutFixes of(Map<ComponentRef, HealingStrategy> fixes) {
    LayoutFixes result = NONE;
    for (Map.Entry<ComponentRef, HealingStrategy> e : fixes.entrySet()) {
      result = result.with(e.getKey(), e.getValue());
    }
    return result;
  }

  /**
   * A copy with one more fix (replacing any for the same reference).
   *
   * @param ref the component, every instance or one
   * @param strategy the strategy; {@link HealingStrategy#NONE} removes the entry
   * @return the new fixes
   */
  public LayoutFixes with(ComponentRef ref, HealingStrategy strategy) {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(strategy, "strategy");
    Map<ComponentRef, HealingStrategy> copy = new LinkedHashMap<>(fixes);
    if (strategy == HealingStrategy.NONE) {
      copy.remove(ref);
    } else {
      copy.put(ref, strategy);
    }
    return new LayoutFixes(Collections.unmodifiableMap(copy));
  }

  /**
   * A copy fixing every instance of a component.
   *
   * @param component the component
   * @param strategy the strategy
   * @return the new fixes
   */
  public LayoutFixes with(Component component, HealingStrategy strategy) {
    return with(ComponentRef.of(component), strategy);
  }

  /**
   * The strategy applied to one element: its own entry, else its component's {@link
   * ComponentRef#ALL} entry, else {@link HealingStrategy#NONE}.
   *
   * @param component the element's component
   * @param index the element's index
   * @return the strategy
   */
  public HealingStrategy strategyFor(Component component, int index) {
    HealingStrategy own = fixes.get(ComponentRef.of(component, index));
    if (own != null) {
      return own;
    }
    return fixes.getOrDefault(ComponentRef.of(component), HealingStrategy.NONE);
  }

  /**
   * Every fix, in the order they were added.
   *
   * @return an unmodifiable view
   */
  public Map<ComponentRef, HealingStrategy> asMap() {
    return fixes;
  }

  /**
   * Whether there is no fix.
   *
   * @return true when empty
   */
  public boolean isEmpty() {
    return fixes.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LayoutFixes other && fixes.equals(other.fixes);
  }

  @Override
  public int hashCode() {
    return fixes.hashCode();
  }

  @Override
  public String toString() {
    return "LayoutFixes" + fixes;
  }
}
