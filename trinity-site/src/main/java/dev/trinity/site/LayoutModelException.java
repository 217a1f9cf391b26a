package dev.trinity.site;

import org.jspecify.annotations.Nullable;

/**
 * A layout-risk model file could not be used: it is missing a part, does not parse, does not match
 * the checksum in its metadata (changed after training), or describes trees that are not
 * well-formed. The model files are plain JSON read as data, never code. Not retryable.
 */
public class LayoutModelException extends SiteException {
  private static final long serialVersionUID = 1L;

  private final String source;

  /**
   * An error.
   *
   * @param source the model file or resource
   * @param problem what is wrong with it
   * @param cause the parse or I/O error, if any
   */
  public LayoutModelException(String source, String problem, @Nullable Throwable cause) {
    super("layout-risk model " + source + ": " + problem, cause);
    this.source = source;
  }

  /**
   * The model file or resource that failed.
   *
   * @return its path or resource name
   */
  public String source() {
    return source;
  }
}
