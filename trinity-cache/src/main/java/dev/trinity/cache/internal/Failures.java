package dev.trinity.cache.internal;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** One-line descriptions of failures, for health reasons and log events. */
public final class Failures {
  private Failures() {}

  /**
   * The failure without the {@link CompletionException} or {@link ExecutionException} wrapping it.
   *
   * @param error a failure, possibly from a future
   * @return the innermost failure that is not such a wrapper
   */
  public static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /**
   * Describes a failure as {@code SimpleClassName: message}, after {@link #unwrap(Throwable)}.
   *
   * @param error a failure
   * @return one line
   */
  public static String describe(Throwable error) {
    Throwable t = unwrap(error);
    String message = t.getMessage();
    return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
