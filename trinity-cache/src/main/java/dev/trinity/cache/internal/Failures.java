package dev.trinity.cache.internal;

import dev.trinity.api.internal.Throwables;

/** One-line descriptions of failures, for health reasons and log events. */
public final class Failures {
  private Failures() {}

  /**
   * Describes a failure as {@code SimpleClassName: message}, after {@link
   * Throwables#unwrap(Throwable)}.
   *
   * @param error a failure
   * @return one line
   */
  public static String describe(Throwable error) {
    Throwable t = Throwables.unwrap(error);
    String message = t.getMessage();
    return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
