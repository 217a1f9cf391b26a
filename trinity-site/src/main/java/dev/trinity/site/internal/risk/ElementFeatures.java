package dev.trinity.site.internal.risk;

import dev.trinity.site.Component;
import dev.trinity.site.internal.LayoutSpec;
import java.util.List;

/**
 * The features the layout-risk model reads for one element: what the component is, the theme's
 * numbers for it (type size, box widths, line limit), and how its text measures against them (the
 * widest unbreakable run relative to the box at each viewport, the lines it needs against the
 * limit, its script). Widths are estimates from per-character advances ({@link GlyphWidths}).
 */
public final class ElementFeatures {
  /** Feature names, in vector order; the model file must list exactly these. */
  public static final List<String> NAMES =
      List.of(
          "component",
          "single_line",
          "line_limit",
          "font_size_narrow",
          "font_size_wide",
          "line_height",
          "box_375",
          "box_768",
          "box_1280",
          "chars",
          "words",
          "longest_token_chars",
          "cjk_fraction",
          "emoji_count",
          "rtl_fraction",
          "token_ratio_375",
          "token_ratio_768",
          "token_ratio_1280",
          "token_ratio_max",
          "text_ratio_max",
          "lines_375",
          "lines_over_limit_max",
          "shrunk_lines_over_limit_max",
          "wrapped_lines_over_limit_max",
          "broken_lines_over_limit_max",
          "shrunk_broken_lines_over_limit_max");

  /**
   * Line counts stop at this multiple of the line limit: beyond it every strategy but a clip fails.
   */
  static final int LINE_CAP = 4;

  /** How many features. */
  public static final int COUNT = NAMES.size();

  private ElementFeatures() {}

  /**
   * Computes an element's features.
   *
   * @param component the element's component
   * @param text its text
   * @param layout the theme's numbers
   * @param out receives {@link #COUNT} values
   */
  public static void compute(Component component, String text, ThemeLayout layout, double[] out) {
    ThemeLayout.Slot s = layout.slot(component);
    TextStats t = TextStats.of(text, s.widths());
    out[0] = component.ordinal();
    out[1] = s.singleLine() ? 1 : 0;
    out[2] = s.lines();
    out[3] = s.size()[0];
    out[4] = s.size()[2];
    out[5] = s.lineHeight();
    out[6] = s.box()[0];
    out[7] = s.box()[1];
    out[8] = s.box()[2];
    out[9] = t.chars();
    out[10] = t.words();
    out[11] = t.longestRunChars();
    out[12] = t.chars() == 0 ? 0 : (double) t.cjk() / t.chars();
    out[13] = t.emoji();
    out[14] = t.chars() == 0 ? 0 : (double) t.rtl() / t.chars();
    double tokenMax = 0;
    double textMax = 0;
    double linesOver = 0;
    double shrunkOver = 0;
    double lines375 = 1;
    double wrappedOver = 0;
    double brokenOver = 0;
    double shrunkBrokenOver = 0;
    for (int v = 0; v < ThemeLayout.WIDTHS.length; v++) {
      double size = s.size()[v];
      double box = Math.max(1, s.box()[v]);
      double pad = s.singleLine() ? 2.0 * s.padX() : 0;
      double token = s.singleLine() ? t.totalEm() * size + pad : t.widestRunEm() * size;
      double ratio = token / box;
      out[15 + v] = ratio;
      tokenMax = Math.max(tokenMax, ratio);
      textMax = Math.max(textMax, (t.totalEm() * size + pad) / box);
      double lines = Math.max(1, Math.ceil(t.totalEm() * size / box));
      double shrunk = Math.max(1, Math.ceil(t.totalEm() * size * LayoutSpec.SHRINK / box));
      if (v == 0) {
        lines375 = lines;
      }
      if (s.lines() > 0) {
        linesOver = Math.max(linesOver, lines / s.lines());
        shrunkOver = Math.max(shrunkOver, shrunk / s.lines());
        double boxEm = box / size;
        int cap = LINE_CAP * s.lines();
        wrappedOver = Math.max(wrappedOver, (double) t.lines(boxEm, false, cap) / s.lines());
        brokenOver = Math.max(brokenOver, (double) t.lines(boxEm, true, cap) / s.lines());
        shrunkBrokenOver =
            Math.max(
                shrunkBrokenOver,
                (double) t.lines(boxEm / LayoutSpec.SHRINK, true, cap) / s.lines());
      }
    }
    out[18] = tokenMax;
    out[19] = textMax;
    out[20] = lines375;
    out[21] = linesOver;
    out[22] = shrunkOver;
    out[23] = wrappedOver;
    out[24] = brokenOver;
    out[25] = shrunkBrokenOver;
  }
}
