package dev.trinity.core.testing;

import dev.trinity.core.Scheduler;
import dev.trinity.test.VirtualTime;

/** {@link VirtualTime} as the {@link Scheduler} Trinity's stages take. */
public final class VirtualScheduler {
  private VirtualScheduler() {}

  /**
   * A scheduler whose tasks run when the virtual time passes their delay.
   *
   * @param time the virtual time
   * @return the scheduler
   */
  public static Scheduler of(VirtualTime time) {
    return (task, delay) -> time.schedule(task, delay)::cancel;
  }
}
