package dev.trinity.core.testing;

import dev.trinity.core.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock and a scheduler that move only when a test says so. Thread-safe: tasks may be scheduled
 * from any thread; {@link #advance(Duration)} runs due tasks on the calling thread, in due order.
 */
public final class VirtualTime implements Scheduler {
  private final Object lock = new Object();
  private final PriorityQueue<Task> tasks = new PriorityQueue<>();
  private final AtomicLong sequence = new AtomicLong();
  private volatile Instant now;
  private final Clock clock = new VirtualClock();

  /** Starts at 2026-01-01T00:00:00Z. */
  public VirtualTime() {
    this(Instant.parse("2026-01-01T00:00:00Z"));
  }

  /**
   * Starts at the given instant.
   *
   * @param start the initial time
   */
  public VirtualTime(Instant start) {
    this.now = start;
  }

  /** The clock that reads this virtual time. */
  public Clock clock() {
    return clock;
  }

  /** The current virtual instant. */
  public Instant now() {
    return now;
  }

  @Override
  public Cancellable schedule(Runnable task, Duration delay) {
    Task t;
    synchronized (lock) {
      Duration d = delay.isNegative() ? Duration.ZERO : delay;
      t = new Task(now.plus(d), sequence.getAndIncrement(), task);
      tasks.add(t);
    }
    return () -> {
      synchronized (lock) {
        tasks.remove(t);
      }
    };
  }

  /**
   * Moves time forward, running every task that falls due, in order, with the clock set to each
   * task's due time while it runs.
   *
   * @param duration how far to move
   */
  public void advance(Duration duration) {
    Instant target = now.plus(duration);
    while (true) {
      Task next;
      synchronized (lock) {
        next = tasks.peek();
        if (next == null || next.due.isAfter(target)) {
          break;
        }
        tasks.poll();
        if (next.due.isAfter(now)) {
          now = next.due;
        }
      }
      next.task.run();
    }
    synchronized (lock) {
      if (target.isAfter(now)) {
        now = target;
      }
    }
  }

  /** Runs the next pending task, moving the clock to its due time; false if there is none. */
  public boolean runNext() {
    Optional<Duration> d = nextDelay();
    if (d.isEmpty()) {
      return false;
    }
    advance(d.get());
    return true;
  }

  /** Time until each pending task is due, soonest first. */
  public List<Duration> pendingDelays() {
    synchronized (lock) {
      List<Task> copy = new ArrayList<>(tasks);
      copy.sort(null);
      List<Duration> out = new ArrayList<>();
      for (Task t : copy) {
        out.add(Duration.between(now, t.due));
      }
      return out;
    }
  }

  /** Time until the next pending task is due. */
  public Optional<Duration> nextDelay() {
    synchronized (lock) {
      Task t = tasks.peek();
      return t == null ? Optional.empty() : Optional.of(Duration.between(now, t.due));
    }
  }

  /** How many tasks are waiting. */
  public int pendingCount() {
    synchronized (lock) {
      return tasks.size();
    }
  }

  private record Task(Instant due, long seq, Runnable task) implements Comparable<Task> {
    @Override
    public int compareTo(Task o) {
      int c = due.compareTo(o.due);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  private final class VirtualClock extends Clock {
    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
