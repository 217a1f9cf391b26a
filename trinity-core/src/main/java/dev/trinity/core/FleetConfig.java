package dev.trinity.core;

import dev.trinity.api.internal.Checks;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code fleet:} section: several JVMs sharing one Redis behave like one client. With {@code
 * enabled: true}, identical requests across every instance that shares the Redis cache tier share
 * one provider call (fleet-wide single flight, see {@code docs/fleet.md}). Fleet mode needs the
 * Redis cache tier ({@code cache.enabled: true} with {@code redis} in {@code cache.tiers}): that is
 * where leases live and answers are shared.
 *
 * <pre>{@code
 * fleet:
 *   enabled: true          # default false
 *   lease_time: 10s        # how long a lease outlives a silent owner
 *   poll_interval: 100ms   # how often a waiter looks for the answer besides pub/sub
 *   max_concurrency: 4     # optional: calls in flight per model endpoint across the fleet
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param enabled whether fleet mode is on
 * @param leaseTime how long a lease lives without renewal; the owner renews it every third of it
 *     while its call runs, so a waiter takes over at most this long after the owner died
 * @param pollInterval how often a waiter checks the Redis tier for the answer (the safety net
 *     beside pub/sub), and how late at most it notices a lapsed lease
 * @param maxConcurrency the most calls in flight to one model endpoint across the fleet, or null
 *     for no fleet-wide limit (the local {@code concurrency_limit} still applies)
 */
public record FleetConfig(
    boolean enabled, Duration leaseTime, Duration pollInterval, @Nullable Integer maxConcurrency) {
  /** Default lease time: 10 s. */
  public static final Duration DEFAULT_LEASE_TIME = Duration.ofSeconds(10);

  /** Default poll interval: 100 ms. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(100);

  private static final FleetConfig DEFAULTS =
      new FleetConfig(false, DEFAULT_LEASE_TIME, DEFAULT_POLL_INTERVAL, null);

  /**
   * Checks the values.
   *
   * @throws NullPointerException when a duration is null
   * @throws IllegalArgumentException when a duration is not positive, the poll interval is not
   *     shorter than the lease time, or the limit is below 1
   */
  public FleetConfig {
    Checks.requirePositive(leaseTime, "fleet.lease_time");
    Checks.requirePositive(pollInterval, "fleet.poll_interval");
    Checks.requireArgument(
        pollInterval.compareTo(leaseTime) < 0,
        () ->
            "fleet.poll_interval must be shorter than fleet.lease_time, were "
                + pollInterval
                + " and "
                + leaseTime);
    if (maxConcurrency != null) {
      Checks.requirePositive(maxConcurrency, "fleet.max_concurrency");
    }
  }

  /**
   * Fleet mode off, with the default lease time and poll interval.
   *
   * @return the defaults
   */
  public static FleetConfig ofDefaults() {
    return DEFAULTS;
  }

  /**
   * A copy with fleet mode switched on or off.
   *
   * @param enabled whether fleet mode is on
   * @return the copy
   */
  public FleetConfig withEnabled(boolean enabled) {
    return new FleetConfig(enabled, leaseTime, pollInterval, maxConcurrency);
  }

  /**
   * A copy with another lease time.
   *
   * @param leaseTime the lease time
   * @return the copy
   * @throws IllegalArgumentException when it is not positive or not longer than the poll interval
   */
  public FleetConfig withLeaseTime(Duration leaseTime) {
    return new FleetConfig(enabled, leaseTime, pollInterval, maxConcurrency);
  }

  /**
   * A copy with another poll interval.
   *
   * @param pollInterval the poll interval
   * @return the copy
   * @throws IllegalArgumentException when it is not positive or not shorter than the lease time
   */
  public FleetConfig withPollInterval(Duration pollInterval) {
    return new FleetConfig(enabled, leaseTime, pollInterval, maxConcurrency);
  }

  /**
   * A copy with another fleet-wide limit.
   *
   * @param maxConcurrency the limit, or null for none
   * @return the copy
   * @throws IllegalArgumentException when it is below 1
   */
  public FleetConfig withMaxConcurrency(@Nullable Integer maxConcurrency) {
    return new FleetConfig(enabled, leaseTime, pollInterval, maxConcurrency);
  }

  /**
   * The fleet-wide limit per model endpoint, when set.
   *
   * @return the limit, or empty for none
   */
  public Optional<Integer> fleetLimit() {
    return Optional.ofNullable(maxConcurrency);
  }
}
