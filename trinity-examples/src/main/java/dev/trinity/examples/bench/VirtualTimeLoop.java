package dev.trinity.examples.bench;

import dev.trinity.core.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;

/**
 * A clock and a scheduler for one thread that move only when {@link #runUntilIdle()} runs the next
 * due task, so that a scenario of minutes runs in milliseconds and the same seed gives the same
 * run. Not thread-safe: everything, provider answers included, must happen on the loop's thread.
 */
final class VirtualTimeLoop implements Scheduler {
  private final PriorityQueue<Task> tasks = new PriorityQueue<>();
  private long sequence;
  private Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private final Clock clock =
      new Clock() {
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
      };

  Clock clock() {
    return clock;
  }

  Instant now() {
    return now;
  }

  @Override
  public Cancellable schedule(Runnable task, Duration delay) {
    Task t = new Task(now.plus(delay.isNegative() ? Duration.ZERO : delay), sequence++, task);
    tasks.add(t);
    return () -> tasks.remove(t);
  }

  /** Runs due tasks in time order, moving the clock to each, until none is left. */
  void runUntilIdle() {
    Task next;
    while ((next = tasks.poll()) != null) {
      if (next.due.isAfter(now)) {
        now = next.due;
      }
      next.task.run();
    }
  }

  private record Task(Instant due, long seq, Runnable task) implements Comparable<Task> {
    @Override
    public int compareTo(Task o) {
      int c = due.compareTo(o.due);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }
}
