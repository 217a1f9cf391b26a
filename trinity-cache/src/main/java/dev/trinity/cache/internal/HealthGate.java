package dev.trinity.cache.internal;

import dev.trinity.cache.TierHealth;
import dev.trinity.logging.LogEvents;
import dev.trinity.logging.LogEvents.Keys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health state machine of a tier whose backend can fail: UP → DOWN on a failure; while DOWN,
 * calls are answered at once without touching the backend, and after a back-off (by the injected
 * clock) one caller at a time is allowed to {@linkplain #tryStartProbe() probe}. A successful probe
 * brings the tier UP; a failed one doubles the back-off up to a cap.
 *
 * <p>Each change between serving and not serving is logged once: {@value
 * LogEvents#CACHE_TIER_UNAVAILABLE} (WARN, keys {@code cache_tier} and {@code error}) and {@value
 * LogEvents#CACHE_TIER_AVAILABLE} (INFO, key {@code cache_tier}).
 *
 * <p>Thread-safe. {@link #isUp()} and {@link #health()} are a volatile read; transitions are
 * synchronized and rare.
 */
public final class HealthGate {
  private static final Logger LOG = LoggerFactory.getLogger("dev.trinity.cache");

  private final String tier;
  private final Clock clock;
  private final Duration minBackoff;
  private final Duration maxBackoff;

  private volatile TierHealth health;

  // guarded by this
  private boolean probing;
  private boolean reported;
  private Duration backoff;
  private Instant retryAt;

  private HealthGate(
      String tier, Clock clock, Duration minBackoff, Duration maxBackoff, TierHealth initial) {
    this.tier = Objects.requireNonNull(tier, "tier");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.minBackoff = minBackoff;
    this.maxBackoff = maxBackoff;
    this.health = initial;
    this.backoff = minBackoff;
    this.retryAt = clock.instant();
  }

  /**
   * A gate that starts UP.
   *
   * @param tier the tier's name, for logs
   * @param clock the time source of back-offs
   * @param minBackoff the first back-off after a failure
   * @param maxBackoff the cap of the doubling back-off
   * @return the gate
   */
  public static HealthGate up(String tier, Clock clock, Duration minBackoff, Duration maxBackoff) {
    return new HealthGate(tier, clock, minBackoff, maxBackoff, TierHealth.up());
  }

  /**
   * A gate that starts DOWN, not yet reported, with a probe due at once: for a backend that is
   * still connecting.
   *
   * @param tier the tier's name, for logs
   * @param clock the time source of back-offs
   * @param minBackoff the first back-off after a failure
   * @param maxBackoff the cap of the doubling back-off
   * @param reason why the tier does not serve yet
   * @return the gate
   */
  public static HealthGate starting(
      String tier, Clock clock, Duration minBackoff, Duration maxBackoff, String reason) {
    return new HealthGate(tier, clock, minBackoff, maxBackoff, TierHealth.down(reason));
  }

  /**
   * Whether calls may go to the backend.
   *
   * @return true when UP
   */
  public boolean isUp() {
    return health.isUp();
  }

  /**
   * The current health.
   *
   * @return the health
   */
  public TierHealth health() {
    return health;
  }

  /**
   * Claims the next probe: succeeds for one caller once the back-off has passed while DOWN. The
   * caller must then report {@link #succeeded()} or {@link #probeFailed(String)}.
   *
   * @return true when the caller should probe the backend now
   */
  public synchronized boolean tryStartProbe() {
    if (health.status() != TierHealth.Status.DOWN || probing) {
      return false;
    }
    if (clock.instant().isBefore(retryAt)) {
      return false;
    }
    probing = true;
    return true;
  }

  /**
   * The backend answered (a probe, or any call when the caller does not gate its calls): the tier
   * is UP again.
   */
  public synchronized void succeeded() {
    probing = false;
    if (health.status() != TierHealth.Status.DOWN) {
      return;
    }
    health = TierHealth.up();
    backoff = minBackoff;
    if (reported) {
      reported = false;
      LOG.atInfo()
          .setMessage(LogEvents.CACHE_TIER_AVAILABLE)
          .addKeyValue(Keys.CACHE_TIER, tier)
          .log();
    }
  }

  /**
   * A probe failed: stay DOWN and wait twice as long (up to the cap) before the next one.
   *
   * @param reason what failed; must not contain secrets
   */
  public synchronized void probeFailed(String reason) {
    probing = false;
    if (health.status() != TierHealth.Status.DOWN) {
      return;
    }
    backoff = min(backoff.multipliedBy(2), maxBackoff);
    retryAt = clock.instant().plus(backoff);
    health = TierHealth.down(reason);
    report(reason);
  }

  /**
   * A call to the backend failed: an UP tier goes DOWN until a probe succeeds. Failures reported
   * while already DOWN (calls that were in flight) change nothing.
   *
   * @param reason what failed; must not contain secrets
   */
  public synchronized void failed(String reason) {
    if (health.status() != TierHealth.Status.UP) {
      return;
    }
    backoff = minBackoff;
    retryAt = clock.instant().plus(backoff);
    health = TierHealth.down(reason);
    report(reason);
  }

  /** The backend is known to be back (a reconnect event): allow a probe at once. */
  public synchronized void probeDueNow() {
    backoff = minBackoff;
    retryAt = clock.instant();
  }

  /**
   * Stops the tier for good; no probe is ever allowed again.
   *
   * @param reason why
   */
  public synchronized void disable(String reason) {
    health = TierHealth.disabled(reason);
    probing = false;
  }

  private void report(String reason) {
    if (!reported) {
      reported = true;
      LOG.atWarn()
          .setMessage(LogEvents.CACHE_TIER_UNAVAILABLE)
          .addKeyValue(Keys.CACHE_TIER, tier)
          .addKeyValue(Keys.ERROR, reason)
          .log();
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
