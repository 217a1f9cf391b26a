package dev.trinity.logging;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Carries the caller's SLF4J MDC (and so its {@code correlation_id}) to code that runs on other
 * threads: tasks given to executors and callbacks of {@link java.util.concurrent.CompletableFuture}
 * stages.
 *
 * <p>Two kinds of wrapper, for two moments of capture:
 *
 * <ul>
 *   <li>{@link #executor(Executor)} and {@link #executorService(ExecutorService)} capture the MDC
 *       of the thread that submits each task, at submission. Because a task that completes a future
 *       still runs inside its wrapper, stages that the future then triggers on a wrapped executor
 *       ({@code thenApplyAsync(fn, wrapped)}) inherit the MDC too.
 *   <li>{@link #runnable}, {@link #callable}, {@link #supplier}, {@link #function}, {@link
 *       #consumer}, {@link #biConsumer} and {@link #biFunction} capture the MDC of the thread that
 *       calls them, that is, where the chain is built. Use them for stages that may run on a thread
 *       Trinity does not own, such as the HTTP client's or Lettuce's, which carry no MDC.
 * </ul>
 *
 * <pre>{@code
 * try (CorrelationContext scope = CorrelationContext.open("build-123")) {
 *   Executor io = MdcPropagation.executor(ioPool);
 *   CompletableFuture.supplyAsync(this::fetch, io)
 *       .thenApply(MdcPropagation.function(this::parse))
 *       .whenComplete(MdcPropagation.biConsumer((v, e) -> log.info("done")));
 * }
 * }</pre>
 *
 * <p>Every wrapper installs the captured map for the length of the call and then restores what the
 * running thread had before, so pool threads carry nothing between tasks. The wrappers are
 * immutable and thread-safe; each capture copies the MDC map once.
 */
public final class MdcPropagation {
  private MdcPropagation() {}

  /**
   * An executor that runs every task with the MDC its submitter had when calling {@code execute}.
   * Wrap the outermost executor: for {@code CompletableFuture.delayedExecutor(d, u, pool)}, wrap
   * the delayed executor, not the pool, since the delayer thread that submits to the pool has no
   * MDC.
   *
   * @param executor the executor that runs the tasks
   * @return the wrapping executor; {@code executor} itself when it already propagates
   */
  public static Executor executor(Executor executor) {
    Objects.requireNonNull(executor, "executor");
    if (executor instanceof PropagatingExecutor || executor instanceof PropagatingExecutorService) {
      return executor;
    }
    return new PropagatingExecutor(executor);
  }

  /**
   * An executor service that runs every task ({@code execute}, {@code submit}, {@code invokeAll},
   * {@code invokeAny}) with the MDC its submitter had. Shutdown and termination go to the delegate,
   * which the caller still owns.
   *
   * @param executor the executor service that runs the tasks
   * @return the wrapping service; {@code executor} itself when it already propagates
   */
  public static ExecutorService executorService(ExecutorService executor) {
    Objects.requireNonNull(executor, "executor");
    if (executor instanceof PropagatingExecutorService) {
      return executor;
    }
    return new PropagatingExecutorService(executor);
  }

  /**
   * Wraps a task so that it runs with the caller's current MDC.
   *
   * @param task the task
   * @return the wrapped task
   */
  public static Runnable runnable(Runnable task) {
    Objects.requireNonNull(task, "task");
    MdcSnapshot snapshot = MdcSnapshot.capture();
    return () -> snapshot.run(task);
  }

  /**
   * Wraps a callable so that it runs with the caller's current MDC.
   *
   * @param <T> the result type
   * @param task the callable
   * @return the wrapped callable
   */
  public static <T> Callable<T> callable(Callable<T> task) {
    Objects.requireNonNull(task, "task");
    MdcSnapshot snapshot = MdcSnapshot.capture();
    return () -> {
      MdcSnapshot.Scope scope = snapshot.apply();
      try {
        return task.call();
      } finally {
        scope.close();
      }
    };
  }

  /**
   * Wraps a supplier, for example for {@code CompletableFuture.supplyAsync}, so that it runs with
   * the caller's current MDC.
   *
   * @param <T> the result type
   * @param supplier the supplier
   * @return the wrapped supplier
   */
  public static <T> Supplier<T> supplier(Supplier<T> supplier) {
    Objects.requireNonNull(supplier, "supplier");
    MdcSnapshot snapshot = MdcSnapshot.capture();
    return () -> snapshot.call(supplier);
  }

  /**
   * Wraps a function, for example for {@code thenApply} or {@code thenCompose}, so that it runs
   * with the caller's current MDC.
   *
   * @param <T> the argument type
   * @param <R> the result type
   * @param function the function
   * @return the wrapped function
   */
  public static <T, R> Function<T, R> function(Function<? super T, ? extends R> function) {
    Objects.requireNonNull(function, "function");
    MdcSnapshot snapshot = MdcSnapshot.capture();
    return t -> {
      MdcSnapshot.Scope scope = snapshot.apply();
      try {
        return function.apply(t);
      } finally {
        scope.close();
      }
    };
  }

  /**
   * Wraps a consumer, for example for {@code thenAccept}, so that it runs with the caller's current
   * MDC.
   *
   * @param <T> the argument type
   * @param consumer the consumer
   * @return the wrapped consumer
   */
  public static <T> Consumer<T> consumer(Consumer<? super T> consumer) {
    Objects.requireNonNull(consumer, "consumer");
    MdcSnapshot snapshot = MdcSnapshot.capture();
    return t -> {
      MdcSnapshot.Scope scope = snapshot.apply();
      try {
        consumer.accept(t);
      } finally {
        scope.close();
      }
    };
  }

  /**
   * Wraps a two-argument consumer, for example for {@code whenComplete}, so that it runs with the
   * caller's current MDC.
   *
   * @param <T> the first argument's type
   * @param <U> the second argument's type
   * @param consumer the consumer
   * @return the wrapped consumer
   */
  public static <T, U> BiConsumer<T, U> biConsumer(BiConsumer<? super T, ? super U> consumer) {
    Objects.requireNonNull(consumer, "consumer");
    MdcSnapshot snapshot = MdcSnapshot.capture();
    return (t, u) -> {
      MdcSnapshot.Scope scope = snapshot.apply();
      try {
        consumer.accept(t, u);
      } finally {
        scope.close();
      }
    };
  }

  /**
   * Wraps a two-argument function, for example for {@code handle} or {@code thenCombine}, so that
   * it runs with the caller's current MDC.
   *
   * @param <T> the first argument's type
   * @param <U> the second argument's type
   * @param <R> the result type
   * @param function the function
   * @return the wrapped function
   */
  public static <T, U, R> BiFunction<T, U, R> biFunction(
      BiFunction<? super T, ? super U, ? extends R> function) {
    Objects.requireNonNull(function, "function");
    MdcSnapshot snapshot = MdcSnapshot.capture();
    return (t, u) -> {
      MdcSnapshot.Scope scope = snapshot.apply();
      try {
        return function.apply(t, u);
      } finally {
        scope.close();
      }
    };
  }

  private static final class PropagatingExecutor implements Executor {
    private final Executor delegate;

    PropagatingExecutor(Executor delegate) {
      this.delegate = delegate;
    }

    @Override
    public void execute(Runnable task) {
      delegate.execute(runnable(task));
    }

    @Override
    public String toString() {
      return "MdcPropagating[" + delegate + "]";
    }
  }

  /** Submissions reach {@link #execute} through {@link AbstractExecutorService}'s task wrapping. */
  private static final class PropagatingExecutorService extends AbstractExecutorService {
    private final ExecutorService delegate;

    PropagatingExecutorService(ExecutorService delegate) {
      this.delegate = delegate;
    }

    @Override
    public void execute(Runnable task) {
      delegate.execute(runnable(task));
    }

    @Override
    public void shutdown() {
      delegate.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
      return delegate.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
      return delegate.isShutdown();
    }

    @Override
    public boolean isTerminated() {
      return delegate.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
      return delegate.awaitTermination(timeout, unit);
    }

    @Override
    public String toString() {
      return "MdcPropagating[" + delegate + "]";
    }
  }
}
