package dev.trinity.site;

import java.util.List;
import java.util.Optional;

/**
 * Checks a rendered page for text that overflows its box. An element overflows when its content is
 * more than 5 px wider than its box ({@code scrollWidth > clientWidth + 5}), when it sticks out of
 * its card or of the page by more than 5 px, or, where its overflow is hidden, when its content is
 * more than 5 px taller than its box. Text clipped on purpose (an ellipsis or a line clamp applied
 * by {@link HealingStrategy#TRUNCATE}) does not count.
 *
 * <p>Implementations hold resources (a browser): close them when done. Unless an implementation
 * says otherwise, one instance checks one page at a time; calls from several threads are
 * serialised.
 */
public interface LayoutGuardian extends AutoCloseable {

  /**
   * Checks a page at each viewport.
   *
   * @param page the page
   * @param viewports the viewports, at least one
   * @return every overflow found
   * @throws IllegalArgumentException when no viewport is given
   * @throws SiteException when the page cannot be loaded or measured
   * @throws IllegalStateException when the guardian is closed
   */
  LayoutReport check(RenderedSite page, List<Viewport> viewports);

  /**
   * Checks a page at {@link Viewport#DEFAULTS}.
   *
   * @param page the page
   * @return every overflow found
   * @throws SiteException when the page cannot be loaded or measured
   */
  default LayoutReport check(RenderedSite page) {
    return check(page, Viewport.DEFAULTS);
  }

  /**
   * A PNG screenshot of the whole page at a viewport's width, when this guardian can take one.
   *
   * @param page the page
   * @param viewport the viewport; the image is its width wide
   * @return the PNG bytes, or empty for guardians without a browser (the default)
   * @throws SiteException when the page cannot be loaded or captured
   */
  default Optional<byte[]> fullPageScreenshot(RenderedSite page, Viewport viewport) {
    return Optional.empty();
  }

  /**
   * The guardian's name, as reports carry it.
   *
   * @return for example {@code chromium}
   */
  String name();

  /** Releases the guardian's resources; idempotent. */
  @Override
  void close();
}
