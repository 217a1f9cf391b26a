package dev.trinity.core.internal.pipeline;

import dev.trinity.core.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Scheduler} over another one that asks it for a wake-up only when a task falls due before
 * every wake-up already asked for. Most tasks Trinity schedules are deadlines that are cancelled
 * long before they fall due: with this, a stream of calls with the same timeout schedules and
 * cancels its deadline timers in a sorted set, and the underlying executor's thread wakes about
 * once per timeout instead of once per call (on a machine with two CPUs, each such wake-up is a
 * context switch the caller pays for).
 *
 * <p>Tasks run on the underlying scheduler's thread, in due order, once each; a task that throws
 * does not keep the others from running. Thread-safe.
 */
public final class LazyWakeScheduler implements Scheduler {
  /** Delays are capped so that comparing two due times by subtraction never overflows. */
  private static final long MAX_DELAY_NANOS = Long.MAX_VALUE / 4;

  private final Scheduler wakes;
  private final LongSupplier nanoTime;
  private final Object lock = new Object();
  private final TreeSet<Task> tasks = new TreeSet<>();
  private long sequence;
  private @Nullable Wake wake; // the earliest wake-up asked for that has not run

  /**
   * Creates the scheduler.
   *
   * @param wakes the scheduler that runs the wake-ups (backed by the executor's thread)
   * @param nanoTime the time, in nanoseconds, that {@code wakes} counts its delays in ({@code
   *     System::nanoTime} for a real executor)
   */
  public LazyWakeScheduler(Scheduler wakes, LongSupplier nanoTime) {
    this.wakes = wakes;
    this.nanoTime = nanoTime;
  }

  @Override
  public Cancellable schedule(Runnable task, Duration delay) {
    long nanos = delay.isNegative() ? 0 : Math.min(saturatedNanos(delay), MAX_DELAY_NANOS);
    Task t;
    synchronized (lock) {
      long now = nanoTime.getAsLong();
      t = new Task(now + nanos, sequence++, task);
      tasks.add(t);
      if (wake == null || t.due - wake.at < 0) {
        if (wake != null) {
          wake.handle.cancel();
        }
        wakeAt(t.due, now);
      }
    }
    return () -> {
      synchronized (lock) {
        tasks.remove(t);
      }
    };
  }

  /** The number of tasks waiting (for tests). */
  int pending() {
    synchronized (lock) {
      return tasks.size();
    }
  }

  private void fire(long at) {
    List<Task> due = new ArrayList<>();
    synchronized (lock) {
      if (wake != null && wake.at == at) {
        wake = null;
      }
      long now = nanoTime.getAsLong();
      while (!tasks.isEmpty() && tasks.first().due - now <= 0) {
        due.add(tasks.pollFirst());
      }
      if (!tasks.isEmpty() && wake == null) {
        wakeAt(tasks.first().due, now);
      }
    }
    RuntimeException first = null;
    for (Task t : due) {
      try {
        t.task.run();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** Asks for a wake-up at {@code at}; called holding the lock. */
  private void wakeAt(long at, long now) {
    Cancellable handle = wakes.schedule(() -> fire(at), Duration.ofNanos(Math.max(0, at - now)));
    wake = new Wake(at, handle);
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }

  private record Wake(long at, Cancellable handle) {}

  private record Task(long due, long seq, Runnable task) implements Comparable<Task> {
    @Override
    public int compareTo(Task o) {
      long d = due - o.due;
      return d != 0 ? (d < 0 ? -1 : 1) : Long.compare(seq, o.seq);
    }
  }
}
