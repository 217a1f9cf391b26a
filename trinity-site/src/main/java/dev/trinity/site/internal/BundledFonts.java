package dev.trinity.site.internal;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The DejaVu fonts shipped with the module (Bitstream Vera licence, in {@code
 * fonts/LICENSE-DejaVu.txt}): their bytes for pages, and {@link Font}s for text metrics. Both
 * guardians measure the same files the pages use. Thread-safe.
 */
public final class BundledFonts {
  /** The fonts a layout may name. */
  public static final List<String> NAMES =
      List.of(
          "DejaVuSans",
          "DejaVuSans-Bold",
          "DejaVuSansMono",
          "DejaVuSansMono-Bold",
          "DejaVuSerif",
          "DejaVuSerif-Bold");

  /** The licence file shipped next to the fonts. */
  public static final String LICENSE = "LICENSE-DejaVu.txt";

  private static final String BASE = "/dev/trinity/site/fonts/";
  private static final Map<String, byte[]> BYTES = new ConcurrentHashMap<>();
  private static final Map<String, Font> FONTS = new ConcurrentHashMap<>();

  private BundledFonts() {}

  /**
   * A bundled file's bytes: a font ({@code DejaVuSans.ttf}) or the licence.
   *
   * @param file the file name
   * @return the bytes (shared; do not modify)
   * @throws IllegalArgumentException when no such file is bundled
   */
  public static byte[] bytes(String file) {
    if (!file.equals(LICENSE)
        && !(file.endsWith(".ttf") && NAMES.contains(file.substring(0, file.length() - 4)))) {
      throw new IllegalArgumentException(
          "no bundled font file '" + file + "'; bundled: " + NAMES + " (.ttf)");
    }
    return BYTES.computeIfAbsent(file, BundledFonts::read);
  }

  /**
   * A bundled font at size 1, for deriving sizes.
   *
   * @param name the font's name without {@code .ttf}
   * @return the font
   * @throws IllegalArgumentException when no such font is bundled
   */
  public static Font font(String name) {
    byte[] data = bytes(name + ".ttf");
    return FONTS.computeIfAbsent(
        name,
        n -> {
          try {
            return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(data));
          } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("bundled font " + n + " cannot be read", e);
          }
        });
  }

  private static byte[] read(String file) {
    try (InputStream in = BundledFonts.class.getResourceAsStream(BASE + file)) {
      if (in == null) {
        throw new IllegalStateException("bundled font file " + file + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read bundled font file " + file, e);
    }
  }
}
