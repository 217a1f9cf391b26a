package dev.trinity.core.content.internal;

import dev.trinity.api.TrinityException;
import dev.trinity.api.internal.Throwables;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Unwrapping and waiting: what the blocking views share. */
final class Futures {
  private Futures() {}

  /** The failure as a {@link TrinityException}; anything else is reported as a bug. */
  static TrinityException asTrinityException(Throwable failure) {
    Throwable t = Throwables.unwrap(failure);
    if (t instanceof TrinityException te) {
      return te;
    }
    if (t instanceof CancellationException) {
      return new TrinityException("content generation was cancelled", t, false);
    }
    return new TrinityException(
        "content generation failed unexpectedly: " + t.getClass().getName(), t, false);
  }

  /**
   * Waits for a future: its value, or its failure unwrapped. Interrupting the waiting thread
   * cancels the future and throws {@link CancellationException} with the interrupt flag restored.
   */
  static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      Throwable cause = Throwables.unwrap(e);
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw asTrinityException(cause);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      CancellationException ce = new CancellationException("interrupted while generating content");
      ce.initCause(e);
      throw ce;
    }
  }
}
