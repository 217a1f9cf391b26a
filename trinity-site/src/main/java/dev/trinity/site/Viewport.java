package dev.trinity.site;

import java.util.List;
import java.util.Objects;

/**
 * A browser window size a page is checked at. Immutable.
 *
 * @param name a short name for reports ({@code mobile}, {@code tablet}, {@code desktop})
 * @param width CSS pixels, 200 to 4000
 * @param height CSS pixels, 200 to 10000
 */
public record Viewport(String name, int width, int height) {
  /** A phone: 375 × 812. */
  public static final Viewport MOBILE = new Viewport("mobile", 375, 812);

  /** A tablet: 768 × 1024. */
  public static final Viewport TABLET = new Viewport("tablet", 768, 1024);

  /** A laptop: 1280 × 800. */
  public static final Viewport DESKTOP = new Viewport("desktop", 1280, 800);

  /** The viewports checked unless told otherwise: 375, 768 and 1280 px wide. */
  public static final List<Viewport> DEFAULTS = List.of(MOBILE, TABLET, DESKTOP);

  /**
   * Validates the size.
   *
   * @throws IllegalArgumentException when the name is blank or a size is out of range
   */
  public Viewport {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("viewport name must not be blank");
    }
    if (width < 200 || width > 4000) {
      throw new IllegalArgumentException(
          "viewport '" + name + "': width must be in [200, 4000], was " + width);
    }
    if (height < 200 || height > 10000) {
      throw new IllegalArgumentException(
          "viewport '" + name + "': height must be in [200, 10000], was " + height);
    }
  }
}
