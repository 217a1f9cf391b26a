package dev.trinity.core.internal.pipeline;

import dev.trinity.api.internal.Throwables;
import dev.trinity.logging.LogEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether fleet mode can reach Redis. The first failure marks it degraded and logs {@code
 * fleet_degraded} once; while degraded, requests skip the fleet layer, except one every {@link
 * #PROBE_INTERVAL} that tries Redis again; the first success logs {@code fleet_restored}.
 * Thread-safe.
 */
public final class FleetHealth {
  /** How often a request tries Redis again while the fleet is degraded. */
  static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);

  private static final Logger log = LoggerFactory.getLogger(FleetHealth.class);

  private final Clock clock;
  private final AtomicBoolean degraded = new AtomicBoolean();
  private volatile boolean closed;
  private final AtomicReference<Instant> nextProbe = new AtomicReference<>(Instant.MIN);

  /**
   * Starts healthy.
   *
   * @param clock the time source of the probe interval
   */
  public FleetHealth(Clock clock) {
    this.clock = clock;
  }

  /** Whether this request should use the fleet layer: always when healthy, one probe when not. */
  boolean admits() {
    if (!degraded.get()) {
      return true;
    }
    Instant now = clock.instant();
    Instant due = nextProbe.get();
    return !now.isBefore(due) && nextProbe.compareAndSet(due, now.plus(PROBE_INTERVAL));
  }

  /** Whether the fleet is degraded now. */
  public boolean isDegraded() {
    return degraded.get();
  }

  void failed(Throwable error) {
    Throwable cause = Throwables.unwrap(error);
    failed(
        cause.getClass().getSimpleName()
            + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
  }

  void failed(String reason) {
    if (closed) {
      return; // a release or publish cut short by closing the instance says nothing about Redis
    }
    nextProbe.set(clock.instant().plus(PROBE_INTERVAL));
    if (degraded.compareAndSet(false, true)) {
      log.atWarn()
          .setMessage(LogEvents.FLEET_DEGRADED)
          .addKeyValue(LogEvents.Keys.ERROR, reason)
          .log();
    }
  }

  /** Stops reporting: the instance is closing and its Redis connections with it. */
  public void close() {
    closed = true;
  }

  void succeeded() {
    if (degraded.get() && degraded.compareAndSet(true, false)) {
      log.atInfo().setMessage(LogEvents.FLEET_RESTORED).log();
    }
  }
}
