package dev.trinity.site.internal.risk;

import dev.trinity.site.internal.BundledFonts;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-character advances of a bundled font, in em, for fast width estimates (no text layout, no
 * kerning). Characters below U+0800 (Latin, Greek, Cyrillic, Hebrew, Arabic) are looked up in a
 * table built once per font; ideographs, kana, Hangul and emoji, which the bundled fonts lack and a
 * browser draws with a fallback font, count as one em. Immutable once built; thread-safe.
 */
public final class GlyphWidths {
  private static final int TABLE = 0x0800;
  private static final float FALLBACK = 1.0f;
  private static final Map<String, GlyphWidths> CACHE = new ConcurrentHashMap<>();

  private final float[] advance;
  private final float average;

  private GlyphWidths(Font font) {
    Font big = font.deriveFont(100f);
    FontRenderContext frc = new FontRenderContext(null, true, true);
    advance = new float[TABLE];
    float sum = 0;
    int n = 0;
    for (char c = 0; c < TABLE; c++) {
      if (!big.canDisplay(c) || Character.isISOControl(c)) {
        advance[c] = -1;
        continue;
      }
      GlyphVector v = big.createGlyphVector(frc, new char[] {c});
      advance[c] = (float) (v.getGlyphMetrics(0).getAdvanceX() / 100.0);
      if (c >= 'a' && c <= 'z') {
        sum += advance[c];
        n++;
      }
    }
    average = n == 0 ? 0.55f : sum / n;
    for (int c = 0; c < TABLE; c++) {
      if (advance[c] < 0) {
        advance[c] = average;
      }
    }
  }

  /**
   * The widths of a bundled font.
   *
   * @param fontName a bundled font's name, as in a theme's layout
   * @return its widths, built on first use
   */
  public static GlyphWidths of(String fontName) {
    return CACHE.computeIfAbsent(fontName, n -> new GlyphWidths(BundledFonts.font(n)));
  }

  /**
   * A code point's advance.
   *
   * @param cp the code point
   * @return em
   */
  public float em(int cp) {
    if (cp < TABLE) {
      return advance[cp];
    }
    if (Scripts.isWide(cp)) {
      return FALLBACK;
    }
    if (cp >= 0xFE00 && cp <= 0xFE0F || cp == 0x200D) {
      return 0;
    }
    return average;
  }
}
