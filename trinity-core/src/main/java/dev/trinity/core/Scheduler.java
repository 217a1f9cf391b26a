package dev.trinity.core;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs delayed tasks: retry back-off, request deadlines, breaker timers. Trinity never sleeps; it
 * schedules. Tests inject a virtual-time implementation so that back-off and deadlines run without
 * waiting.
 *
 * <p>Implementations must be thread-safe, and tasks must be short and non-blocking.
 */
@FunctionalInterface
public interface Scheduler {

  /**
   * Runs a task once after a delay.
   *
   * @param task the task
   * @param delay zero or positive
   * @return a handle that cancels the task if it has not started
   */
  Cancellable schedule(Runnable task, Duration delay);

  /** A handle to a scheduled task. */
  @FunctionalInterface
  interface Cancellable {
    /** Cancels the task if it has not started; does nothing otherwise. */
    void cancel();
  }

  /**
   * A scheduler backed by an executor the host owns (and shuts down).
   *
   * @param executor the executor
   * @return the scheduler
   */
  static Scheduler of(ScheduledExecutorService executor) {
    Objects.requireNonNull(executor, "executor");
    return (task, delay) -> {
      ScheduledFuture<?> f =
          executor.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
      return () -> f.cancel(false);
    };
  }
}
