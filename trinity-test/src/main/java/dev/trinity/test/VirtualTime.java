package dev.trinity.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * A clock and a task scheduler that move only when a test says so, so that back-off, deadlines and
 * breaker timers run without waiting and a run is the same every time.
 *
 * <p>{@link #clock()} is the {@link Clock} to inject. {@link #schedule(Runnable, Duration)} has the
 * shape of Trinity's {@code Scheduler}; since this module sits below {@code trinity-core}, adapt it
 * with a lambda that hands back the cancel method:
 *
 * <pre>{@code
 * VirtualTime time = new VirtualTime();
 * Trinity trinity =
 *     Trinity.builder()
 *         .clock(time.clock())
 *         .scheduler((task, delay) -> time.schedule(task, delay)::cancel)
 *         .build();
 * time.advance(Duration.ofSeconds(30)); // runs every task due in the next 30 s, in order
 * }</pre>
 *
 * <p>Tasks run on the thread that moves time ({@link #advance}, {@link #runNext}, {@link
 * #runUntilIdle}), in due order, tasks due at the same instant in the order they were scheduled;
 * while a task runs, the clock reads its due time. Time never moves by itself, except by the step
 * set with {@link #autoAdvance(Duration)}.
 *
 * <p>Thread-safe: tasks may be scheduled and cancelled, and the clock read, from any thread.
 */
public final class VirtualTime {
  /** Where a {@code new VirtualTime()} starts: 2026-01-01T00:00:00Z. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

  private final Object lock = new Object();
  private final PriorityQueue<Entry> tasks = new PriorityQueue<>();
  private final Clock clock = new VirtualClock();
  private long sequence;
  // written under the lock; read without it when no step is set
  private volatile Instant now;
  private volatile Duration step = Duration.ZERO;

  /** Starts at {@link #DEFAULT_START}. */
  public VirtualTime() {
    this(DEFAULT_START);
  }

  /**
   * Starts at the given instant.
   *
   * @param start the initial time
   * @throws NullPointerException if {@code start} is null
   */
  public VirtualTime(Instant start) {
    this.now = Objects.requireNonNull(start, "start");
  }

  /**
   * The clock that reads this virtual time, in UTC. Every reading sees the current virtual instant
   * (and, with {@link #autoAdvance(Duration)}, moves it on by the step).
   *
   * @return the clock; always the same instance
   */
  public Clock clock() {
    return clock;
  }

  /**
   * The current virtual instant. Unlike a reading of {@link #clock()}, this never moves time.
   *
   * @return the current instant
   */
  public Instant now() {
    return now;
  }

  /**
   * Makes every reading of {@link #clock()} move time forward by {@code step} after it is taken:
   * the first reading sees the current instant, the next one {@code step} later, and so on. Useful
   * to give each measured interval a known, non-zero length. A reading moves time without running
   * the tasks it passes; they run at the next {@link #advance}, {@link #runNext} or {@link
   * #runUntilIdle}. {@link Duration#ZERO} (the default) turns it off.
   *
   * @param step how far each reading moves time; zero or positive
   * @return this virtual time
   * @throws NullPointerException if {@code step} is null
   * @throws IllegalArgumentException if {@code step} is negative
   */
  public VirtualTime autoAdvance(Duration step) {
    Objects.requireNonNull(step, "step");
    if (step.isNegative()) {
      throw new IllegalArgumentException("step must be zero or positive, got " + step);
    }
    synchronized (lock) {
      this.step = step;
    }
    return this;
  }

  /**
   * Schedules a task to run once when virtual time reaches now plus {@code delay}. A negative delay
   * counts as zero: the task runs at the next move of time, even a move by {@link Duration#ZERO}.
   *
   * @param task the task
   * @param delay how long after the current virtual instant the task is due
   * @return a handle that cancels the task
   * @throws NullPointerException if {@code task} or {@code delay} is null
   */
  public ScheduledTask schedule(Runnable task, Duration delay) {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(delay, "delay");
    synchronized (lock) {
      Entry e = new Entry(now.plus(delay.isNegative() ? Duration.ZERO : delay), sequence++, task);
      tasks.add(e);
      return e;
    }
  }

  /**
   * Moves time forward by {@code duration}, running every task that falls due on the way, in due
   * order, with the clock at each task's due time while it runs. A task scheduled by a running task
   * runs too if it falls due before the end. Afterwards the clock reads the start plus {@code
   * duration} (or later, if {@link #autoAdvance(Duration)} moved it meanwhile).
   *
   * @param duration how far to move; zero runs the tasks already due
   * @throws NullPointerException if {@code duration} is null
   * @throws IllegalArgumentException if {@code duration} is negative: time does not go back
   */
  public void advance(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException(
          "duration must be zero or positive (time does not go back), got " + duration);
    }
    Instant target;
    synchronized (lock) {
      target = now.plus(duration);
    }
    while (true) {
      Entry next;
      synchronized (lock) {
        next = tasks.peek();
        if (next == null || next.due.isAfter(target)) {
          if (target.isAfter(now)) {
            now = target;
          }
          return;
        }
        tasks.poll();
        if (next.due.isAfter(now)) {
          now = next.due;
        }
      }
      next.task.run();
    }
  }

  /**
   * Moves time to the next pending task's due time and runs the tasks due then.
   *
   * @return false, without moving time, if no task is pending
   */
  public boolean runNext() {
    Optional<Duration> d = nextDelay();
    if (d.isEmpty()) {
      return false;
    }
    advance(d.get().isNegative() ? Duration.ZERO : d.get());
    return true;
  }

  /**
   * Runs pending tasks in due order, moving time to each, until none is left, including tasks that
   * running tasks schedule. Does not return while tasks keep scheduling further tasks (a periodic
   * timer, for instance); use {@link #advance(Duration)} for those.
   *
   * @return how many tasks ran
   */
  public int runUntilIdle() {
    int ran = 0;
    while (true) {
      Entry next;
      synchronized (lock) {
        next = tasks.poll();
        if (next == null) {
          return ran;
        }
        if (next.due.isAfter(now)) {
          now = next.due;
        }
      }
      next.task.run();
      ran++;
    }
  }

  /**
   * Time from now until each pending task is due, soonest first (negative for a task past due).
   *
   * @return a snapshot; empty if nothing is pending
   */
  public List<Duration> pendingDelays() {
    synchronized (lock) {
      List<Entry> copy = new ArrayList<>(tasks);
      copy.sort(null);
      List<Duration> out = new ArrayList<>(copy.size());
      for (Entry e : copy) {
        out.add(Duration.between(now, e.due));
      }
      return out;
    }
  }

  /**
   * Time from now until the soonest pending task is due.
   *
   * @return the delay, or empty if nothing is pending
   */
  public Optional<Duration> nextDelay() {
    synchronized (lock) {
      Entry e = tasks.peek();
      return e == null ? Optional.empty() : Optional.of(Duration.between(now, e.due));
    }
  }

  /**
   * How many tasks are waiting (scheduled, not yet run, not cancelled).
   *
   * @return the count
   */
  public int pendingCount() {
    synchronized (lock) {
      return tasks.size();
    }
  }

  @Override
  public String toString() {
    synchronized (lock) {
      return "VirtualTime[now=" + now + ", pending=" + tasks.size() + "]";
    }
  }

  /** A task waiting in a {@link VirtualTime}. */
  public interface ScheduledTask {
    /**
     * Removes the task if it has not run yet; does nothing otherwise. Safe from any thread, and
     * more than once.
     */
    void cancel();

    /**
     * The virtual instant at which the task is due.
     *
     * @return the due time
     */
    Instant due();
  }

  private final class Entry implements ScheduledTask, Comparable<Entry> {
    private final Instant due;
    private final long seq;
    private final Runnable task;

    Entry(Instant due, long seq, Runnable task) {
      this.due = due;
      this.seq = seq;
      this.task = task;
    }

    @Override
    public void cancel() {
      synchronized (lock) {
        tasks.remove(this);
      }
    }

    @Override
    public Instant due() {
      return due;
    }

    @Override
    public int compareTo(Entry o) {
      int c = due.compareTo(o.due);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }

    @Override
    public String toString() {
      return "ScheduledTask[due=" + due + "]";
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
      if (step.isZero()) {
        return now;
      }
      synchronized (lock) {
        Instant t = now;
        now = now.plus(step);
        return t;
      }
    }

    @Override
    public String toString() {
      return "VirtualClock[" + VirtualTime.this + "]";
    }
  }
}
