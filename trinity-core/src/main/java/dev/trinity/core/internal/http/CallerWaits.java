package dev.trinity.core.internal.http;

import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Marks the current thread, for the length of one provider call, as a caller that is going to wait
 * for the answer anyway (the blocking {@code LlmClient}). While the mark is set, {@link
 * JdkHttpTransport} runs the exchange with {@link java.net.http.HttpClient#send} on this thread and
 * returns a future that is already complete, so that every stage after it completes on this thread
 * too; without the mark it uses {@code sendAsync} as always.
 *
 * <p>Why: {@code sendAsync} completes its future through {@code CompletableFuture}'s default async
 * pool, and on Java 17–24 with two or fewer CPUs that pool starts a new thread for every response.
 * A caller that blocks gains nothing from that hop; {@code send} does not make it.
 *
 * <p>The mark carries the call's cancellation hook: when the call is abandoned (its deadline
 * passed, or every caller of a shared flight left) the transport interrupts the thread while, and
 * only while, it is inside {@code send}, which makes {@code HttpClient} abort the exchange. A
 * transport or provider that ignores the mark still works: it answers asynchronously and the caller
 * waits.
 */
public final class CallerWaits {
  private static final ThreadLocal<@Nullable CallerWaits> CURRENT = new ThreadLocal<>();

  private final Consumer<Runnable> onAbandon;

  private CallerWaits(Consumer<Runnable> onAbandon) {
    this.onAbandon = onAbandon;
  }

  /**
   * Runs {@code work} with the current thread marked.
   *
   * @param onAbandon registers an action to run when the call is abandoned; runs it at once when
   *     the call already is
   * @param work the provider call
   * @param <T> what the work returns
   * @return what the work returned
   */
  public static <T> T run(Consumer<Runnable> onAbandon, Supplier<T> work) {
    CallerWaits previous = CURRENT.get();
    CURRENT.set(new CallerWaits(onAbandon));
    try {
      return work.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /** The mark of the current thread, or null when no caller waits on it. */
  static @Nullable CallerWaits current() {
    return CURRENT.get();
  }

  /** Registers an action to run when the call is abandoned. */
  void onAbandon(Runnable action) {
    onAbandon.accept(action);
  }

  /**
   * The exchange failed because the waiting caller's own thread was interrupted (not because the
   * call was abandoned). The thread keeps its interrupt status. Work shared with other callers may
   * start over for them without this thread.
   */
  public static final class CallerInterruptedException extends CancellationException {
    private static final long serialVersionUID = 1L;

    CallerInterruptedException(String message, InterruptedException cause) {
      super(message);
      initCause(cause);
    }
  }
}
