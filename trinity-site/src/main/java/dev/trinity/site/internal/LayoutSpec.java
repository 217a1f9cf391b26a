package dev.trinity.site.internal;

import dev.trinity.site.Component;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A theme's layout numbers: page width and padding, the card grid, and per component its font,
 * size, line height, padding and line limit. One source for both sides: the renderer writes them
 * out as {@code assets/layout.css}, and the text-metrics guardian computes each element's box from
 * them. Read from the theme's {@code layout.properties}; missing keys take the defaults below.
 *
 * <p>Breakpoints are fixed for every theme: narrow below {@value #MID} px, mid below {@value #WIDE}
 * px, wide from there.
 */
public final class LayoutSpec {
  /** The first breakpoint (px): from here the page uses the wide padding and two columns. */
  public static final int MID = 700;

  /** The second breakpoint (px): from here the grid has its widest column count. */
  public static final int WIDE = 1100;

  /** How much {@code FONT_SHRINK} scales a component's text. */
  public static final double SHRINK = 0.8;

  private final int pageMax;
  private final int padNarrow;
  private final int padWide;
  private final int gap;
  private final int cardPad;
  private final int cardBorder;
  private final int colsMid;
  private final int colsWide;
  private final String bodyFont;
  private final java.util.List<String> extraFonts;
  private final Map<Component, Type> types = new EnumMap<>(Component.class);

  /**
   * A component's type settings.
   *
   * @param font the bundled font's file name without {@code .ttf}
   * @param size font size in px below {@link #MID}
   * @param sizeWide font size in px from {@link #MID}
   * @param lineHeight line height as a multiple of the size
   * @param padX horizontal padding plus border per side, px (labels)
   * @param lines the most lines shown, the rest hidden; 0 for no limit
   * @param maxWidth the widest the element gets, px; 0 for its container's width
   */
  public record Type(
      String font,
      double size,
      double sizeWide,
      double lineHeight,
      int padX,
      int lines,
      int maxWidth) {
    /**
     * The font size at a viewport width.
     *
     * @param viewportWidth px
     * @return px
     */
    public double sizeAt(int viewportWidth) {
      return viewportWidth >= MID ? sizeWide : size;
    }
  }

  private LayoutSpec(Properties p) {
    pageMax = intOf(p, "page.max", 1120);
    padNarrow = intOf(p, "page.pad.narrow", 16);
    padWide = intOf(p, "page.pad.wide", 40);
    gap = intOf(p, "grid.gap", 24);
    cardPad = intOf(p, "card.pad", 20);
    cardBorder = intOf(p, "card.border", 1);
    colsMid = intOf(p, "grid.cols.mid", 2);
    colsWide = intOf(p, "grid.cols.wide", 3);
    bodyFont = p.getProperty("font.body", "DejaVuSans");
    String extra = p.getProperty("font.extra", "").strip();
    extraFonts =
        extra.isEmpty() ? java.util.List.of() : java.util.List.of(extra.split("\\s*,\\s*"));
    for (Component c : Component.values()) {
      String k = c.id() + ".";
      double size = doubleOf(p, k + "size", 16);
      types.put(
          c,
          new Type(
              p.getProperty(k + "font", bodyFont),
              size,
              doubleOf(p, k + "size.wide", size),
              doubleOf(p, k + "line", 1.3),
              intOf(p, k + "padx", c.singleLine() ? 8 : 0),
              intOf(p, k + "lines", 0),
              intOf(p, k + "maxw", 0)));
    }
  }

  /**
   * Reads a layout.
   *
   * @param properties the theme's layout properties
   * @return the layout
   * @throws IllegalArgumentException naming a key whose value is not a number
   */
  public static LayoutSpec of(Properties properties) {
    return new LayoutSpec(properties);
  }

  private static int intOf(Properties p, String key, int dflt) {
    String v = p.getProperty(key);
    if (v == null) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n < 0) {
        throw new IllegalArgumentException("layout key " + key + " must be >= 0, was " + v);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("layout key " + key + " must be an integer, was " + v, e);
    }
  }

  private static double doubleOf(Properties p, String key, double dflt) {
    String v = p.getProperty(key);
    if (v == null) {
      return dflt;
    }
    try {
      double d = Double.parseDouble(v.strip());
      if (!(d > 0)) {
        throw new IllegalArgumentException("layout key " + key + " must be > 0, was " + v);
      }
      return d;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("layout key " + key + " must be a number, was " + v, e);
    }
  }

  /**
   * A component's type settings.
   *
   * @param component the component
   * @return its settings
   */
  public Type type(Component component) {
    return types.get(component);
  }

  /**
   * The width of the page's content column.
   *
   * @param viewportWidth the layout viewport's width, px
   * @return px
   */
  public double containerWidth(int viewportWidth) {
    int pad = viewportWidth >= MID ? padWide : padNarrow;
    return Math.min(viewportWidth, pageMax + 2 * pad) - 2.0 * pad;
  }

  /**
   * The width inside a project card.
   *
   * @param viewportWidth the layout viewport's width, px
   * @return px
   */
  public double cardInnerWidth(int viewportWidth) {
    int cols = viewportWidth >= WIDE ? colsWide : viewportWidth >= MID ? colsMid : 1;
    double column = (containerWidth(viewportWidth) - (cols - 1) * (double) gap) / cols;
    return column - 2.0 * cardPad - 2.0 * cardBorder;
  }

  /**
   * The width a component's element may take.
   *
   * @param component the component
   * @param viewportWidth the layout viewport's width, px
   * @return px
   */
  public double boxWidth(Component component, int viewportWidth) {
    double outer =
        switch (component) {
          case CARD_TITLE, CARD_DESCRIPTION, CARD_META, TAG -> cardInnerWidth(viewportWidth);
          default -> containerWidth(viewportWidth);
        };
    int max = types.get(component).maxWidth();
    return max > 0 ? Math.min(outer, max) : outer;
  }

  /**
   * The layout as CSS: page column, grid and per component typography. Numbers only, no content.
   *
   * @return the stylesheet
   */
  public String css() {
    StringBuilder css = new StringBuilder(4096);
    css.append("/* Layout numbers shared with the text-metrics guardian; generated. */\n");
    css.append(
        String.format(
            Locale.ROOT,
            ".page{box-sizing:border-box;width:100%%;max-width:%dpx;margin:0 auto;"
                + "padding-left:%dpx;padding-right:%dpx}\n",
            pageMax + 2 * padNarrow,
            padNarrow,
            padNarrow));
    css.append(
        String.format(
            Locale.ROOT,
            ".cards{display:grid;grid-template-columns:minmax(0,1fr);gap:%dpx}\n"
                + ".card{min-width:0;padding:%dpx;border-width:%dpx;border-style:solid}\n",
            gap,
            cardPad,
            cardBorder));
    css.append(
        String.format(
            Locale.ROOT,
            "@media (min-width:%dpx){.page{max-width:%dpx;padding-left:%dpx;padding-right:%dpx}"
                + ".cards{grid-template-columns:repeat(%d,minmax(0,1fr))}}\n",
            MID,
            pageMax + 2 * padWide,
            padWide,
            padWide,
            colsMid));
    css.append(
        String.format(
            Locale.ROOT,
            "@media (min-width:%dpx){.cards{grid-template-columns:repeat(%d,minmax(0,1fr))}}\n",
            WIDE,
            colsWide));
    StringBuilder wide = new StringBuilder();
    for (Component c : Component.values()) {
      Type t = types.get(c);
      String sel = "[data-component=\"" + c.id() + "\"]";
      css.append(sel)
          .append(
              String.format(
                  Locale.ROOT,
                  "{font-family:'%s';font-weight:normal;font-style:normal;letter-spacing:0;"
                      + "text-transform:none;min-width:0;box-sizing:border-box;"
                      + "font-size:calc(%.2fpx * var(--shrink,1));line-height:%.3f",
                  t.font(),
                  t.size(),
                  t.lineHeight()));
      if (c.singleLine()) {
        css.append(
            String.format(
                Locale.ROOT,
                ";display:inline-block;white-space:nowrap;padding-left:%dpx;padding-right:%dpx;"
                    + "border-width:1px;border-style:solid;max-width:100%%",
                t.padX() - borderOf(c),
                t.padX() - borderOf(c)));
      } else {
        css.append(";display:block;overflow-wrap:normal;word-break:normal;white-space:normal");
      }
      if (t.lines() > 0) {
        css.append(
            String.format(
                Locale.ROOT,
                ";max-height:%.3fem;overflow:hidden;--clamp:%d",
                t.lines() * t.lineHeight(),
                t.lines()));
      }
      if (t.maxWidth() > 0) {
        css.append(String.format(Locale.ROOT, ";max-width:%dpx", t.maxWidth()));
      }
      css.append("}\n");
      if (t.sizeWide() != t.size()) {
        wide.append(sel)
            .append(
                String.format(
                    Locale.ROOT, "{font-size:calc(%.2fpx * var(--shrink,1))}", t.sizeWide()));
      }
    }
    if (!wide.isEmpty()) {
      css.append("@media (min-width:").append(MID).append("px){").append(wide).append("}\n");
    }
    return css.toString();
  }

  /**
   * The {@code @font-face} rules for every font the layout names; the font files sit in {@code
   * fonts/} next to the stylesheet.
   *
   * @return the rules
   */
  public String fontFaces() {
    StringBuilder css = new StringBuilder();
    for (String font : fonts()) {
      css.append("@font-face{font-family:'")
          .append(font)
          .append("';src:url(fonts/")
          .append(font)
          .append(
              ".ttf) format('truetype');font-weight:normal;font-style:normal;"
                  + "font-display:block}\n");
    }
    return css.toString();
  }

  /**
   * The bundled fonts the layout uses.
   *
   * @return font file names without {@code .ttf}, sorted
   */
  public java.util.SortedSet<String> fonts() {
    java.util.SortedSet<String> fonts = new java.util.TreeSet<>();
    fonts.add(bodyFont);
    fonts.addAll(extraFonts);
    types.values().forEach(t -> fonts.add(t.font()));
    return fonts;
  }

  /** Labels have a 1 px border; the theme's stylesheet gives it a colour. */
  private static int borderOf(Component c) {
    return c.singleLine() ? 1 : 0;
  }
}
