package dev.trinity.core.internal.providers;

import dev.trinity.api.internal.Throwables;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/** Future helpers that keep cancellation flowing from the caller back to the source. */
public final class Futures {
  private Futures() {}

  /**
   * Maps a future's value, like {@link CompletableFuture#thenApply}, but cancelling the returned
   * future also cancels {@code source} (so that an HTTP exchange in flight is aborted).
   *
   * <p>A failure of {@code source} or of {@code fn} completes the result exceptionally with the
   * failure itself, not wrapped in a {@link CompletionException}. {@code fn} runs on the thread
   * that completes {@code source}; it must not block.
   *
   * @param source the future to map
   * @param fn the mapping, applied once when {@code source} completes normally
   * @param <T> the source's value type
   * @param <R> the result's value type
   * @return a new future with the mapped value
   */
  public static <T, R> CompletableFuture<R> map(
      CompletableFuture<T> source, Function<? super T, ? extends R> fn) {
    CompletableFuture<R> out = new CompletableFuture<>();
    source.whenComplete(
        (value, failure) -> {
          if (failure != null) {
            out.completeExceptionally(Throwables.unwrap(failure));
            return;
          }
          R mapped;
          try {
            mapped = fn.apply(value);
          } catch (RuntimeException | Error e) {
            out.completeExceptionally(e);
            return;
          }
          out.complete(mapped);
        });
    out.whenComplete(
        (value, failure) -> {
          if (out.isCancelled()) {
            source.cancel(true);
          }
        });
    return out;
  }
}
