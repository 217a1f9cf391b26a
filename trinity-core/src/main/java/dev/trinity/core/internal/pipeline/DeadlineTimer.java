package dev.trinity.core.internal.pipeline;

import dev.trinity.core.Scheduler;
import org.jspecify.annotations.Nullable;

/** A call's deadline timer, which may be set after the stages have started. Thread-safe. */
final class DeadlineTimer {
  private Scheduler.@Nullable Cancellable timer;
  private boolean cancelled;

  void set(Scheduler.Cancellable scheduled) {
    synchronized (this) {
      if (!cancelled) {
        timer = scheduled;
        return;
      }
    }
    scheduled.cancel(); // the call ended first
  }

  void cancel() {
    Scheduler.Cancellable t;
    synchronized (this) {
      cancelled = true;
      t = timer;
      timer = null;
    }
    if (t != null) {
      t.cancel();
    }
  }
}
