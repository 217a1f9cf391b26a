package dev.trinity.site.internal.risk;

import dev.trinity.site.Component;
import dev.trinity.site.internal.LayoutSpec;
import java.util.EnumMap;
import java.util.Map;

/**
 * A theme's layout numbers per component at the three checked viewport widths (375, 768 and 1280
 * px), computed once from its {@link LayoutSpec}. Immutable.
 */
public final class ThemeLayout {
  /** The viewport widths the model was trained at. */
  static final int[] WIDTHS = {375, 768, 1280};

  /**
   * One component's numbers.
   *
   * @param widths the font's advances
   * @param singleLine whether it is a one-line label
   * @param lines the line limit, 0 for none
   * @param lineHeight line height as a multiple of the size
   * @param padX horizontal padding per side (labels)
   * @param size font size per viewport, px
   * @param box box width per viewport, px
   */
  record Slot(
      GlyphWidths widths,
      boolean singleLine,
      int lines,
      double lineHeight,
      int padX,
      double[] size,
      double[] box) {}

  private final Map<Component, Slot> slots = new EnumMap<>(Component.class);

  /**
   * Computes the numbers.
   *
   * @param spec the theme's layout
   */
  public ThemeLayout(LayoutSpec spec) {
    for (Component c : Component.values()) {
      LayoutSpec.Type t = spec.type(c);
      double[] size = new double[WIDTHS.length];
      double[] box = new double[WIDTHS.length];
      for (int v = 0; v < WIDTHS.length; v++) {
        size[v] = t.sizeAt(WIDTHS[v]);
        box[v] = spec.boxWidth(c, WIDTHS[v]);
      }
      slots.put(
          c,
          new Slot(
              GlyphWidths.of(t.font()),
              c.singleLine(),
              t.lines(),
              t.lineHeight(),
              t.padX(),
              size,
              box));
    }
  }

  Slot slot(Component c) {
    return slots.get(c);
  }
}
