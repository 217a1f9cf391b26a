package dev.trinity.site;

import dev.trinity.api.TrinityException;
import org.jspecify.annotations.Nullable;

/**
 * A page could not be rendered, written, loaded in the browser or checked. The message names the
 * page or the browser and what went wrong.
 */
public class SiteException extends TrinityException {
  private static final long serialVersionUID = 1L;

  /**
   * A failure with a cause.
   *
   * @param message what failed
   * @param cause the underlying failure, or null
   */
  public SiteException(String message, @Nullable Throwable cause) {
    super(message, cause, false);
  }

  /**
   * A failure.
   *
   * @param message what failed
   */
  public SiteException(String message) {
    this(message, null);
  }
}
