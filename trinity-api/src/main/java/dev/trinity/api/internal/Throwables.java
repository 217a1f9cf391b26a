package dev.trinity.api.internal;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Helpers for failures that arrive wrapped by a future. */
public final class Throwables {
  /** More wrappers than any real chain has: a guard against a cause cycle. */
  private static final int MAX_DEPTH = 64;

  private Throwables() {}

  /**
   * The failure without the {@link CompletionException} and {@link ExecutionException} wrappers
   * that {@link java.util.concurrent.CompletableFuture} and {@link java.util.concurrent.Future} put
   * around it. A wrapper without a cause is returned as it is. Thread-safe.
   *
   * @param failure a failure, perhaps wrapped
   * @return the innermost failure that is not such a wrapper, or {@code failure} itself
   */
  public static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    for (int depth = 0;
        depth < MAX_DEPTH
            && (t instanceof CompletionException || t instanceof ExecutionException)
            && t.getCause() != null;
        depth++) {
      t = t.getCause();
    }
    return t;
  }
}
