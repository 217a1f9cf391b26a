package dev.trinity.core.resilience;

import dev.trinity.api.internal.Checks;
import java.time.Duration;
import java.util.Objects;

/**
 * How the pipeline retries a failed call: at most {@link #maxAttempts()} attempts, with capped
 * exponential back-off and jitter between them. Immutable; build with {@link #builder()}.
 *
 * <p>The delay before attempt {@code n + 1} is {@code min(initialBackoff × multiplier^(n-1),
 * maxBackoff)}, then spread by ±{@code jitter} (a fraction): jitter applies after the cap, so
 * clients that all reached the cap still spread out. A server's retry hint ({@code Retry-After},
 * {@code retry-after-ms}, "try again in 1.5s" and the others the README lists) replaces the
 * computed delay, capped by {@link #maxBackoff()}. Whatever the delay, an attempt is never
 * scheduled past the request's deadline.
 */
public final class RetryConfig {
  /** Default attempts, including the first: {@value}. */
  public static final int DEFAULT_MAX_ATTEMPTS = 3;

  /** Default delay before the second attempt: 1 s. */
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(1);

  /** Default growth factor between delays: {@value}. */
  public static final double DEFAULT_MULTIPLIER = 2.0;

  /** Default cap on the delay before jitter: 30 s. */
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);

  /** Default jitter fraction: {@value}. */
  public static final double DEFAULT_JITTER = 0.2;

  private static final RetryConfig DEFAULTS = builder().build();

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final double multiplier;
  private final Duration maxBackoff;
  private final double jitter;

  private RetryConfig(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.multiplier = b.multiplier;
    this.maxBackoff = b.maxBackoff;
    this.jitter = b.jitter;
  }

  /**
   * The defaults: 3 attempts, 1 s initial back-off, ×2, capped at 30 s, ±20 % jitter.
   *
   * @return the default configuration
   */
  public static RetryConfig ofDefaults() {
    return DEFAULTS;
  }

  /**
   * A configuration that never retries.
   *
   * @return a configuration with one attempt
   */
  public static RetryConfig disabled() {
    return builder().maxAttempts(1).build();
  }

  /**
   * A builder starting from the defaults.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder starting from this configuration.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return new Builder()
        .maxAttempts(maxAttempts)
        .initialBackoff(initialBackoff)
        .multiplier(multiplier)
        .maxBackoff(maxBackoff)
        .jitter(jitter);
  }

  /**
   * Attempts in all, including the first.
   *
   * @return at least 1
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * Delay before the second attempt, before jitter.
   *
   * @return the initial back-off
   */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /**
   * Growth factor between consecutive delays.
   *
   * @return at least 1
   */
  public double multiplier() {
    return multiplier;
  }

  /**
   * Cap on the delay before jitter, and on a server's retry hint.
   *
   * @return the cap
   */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /**
   * Jitter as a fraction of the delay, in [0, 1).
   *
   * @return the jitter fraction
   */
  public double jitter() {
    return jitter;
  }

  /**
   * The back-off after a failed attempt.
   *
   * @param failedAttempt the attempt that just failed, from 1
   * @param random a uniform random number in [0, 1) that chooses the jitter
   * @return the delay before the next attempt
   * @throws IllegalArgumentException when {@code failedAttempt} is below 1 or {@code random} is out
   *     of range
   */
  public Duration backoff(int failedAttempt, double random) {
    Checks.requirePositive(failedAttempt, "failedAttempt");
    Checks.requireRangeBelowMax(random, 0, 1, "random");
    double base = initialBackoff.toNanos() * Math.pow(multiplier, failedAttempt - 1);
    double capped = Math.min(base, (double) maxBackoff.toNanos());
    double spread = capped * (1.0 + jitter * (2.0 * random - 1.0));
    return Duration.ofNanos(Math.max(0L, (long) spread));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RetryConfig c
        && maxAttempts == c.maxAttempts
        && initialBackoff.equals(c.initialBackoff)
        && multiplier == c.multiplier
        && maxBackoff.equals(c.maxBackoff)
        && jitter == c.jitter;
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxAttempts, initialBackoff, multiplier, maxBackoff, jitter);
  }

  @Override
  public String toString() {
    return "RetryConfig[maxAttempts="
        + maxAttempts
        + ", initialBackoff="
        + initialBackoff
        + ", multiplier="
        + multiplier
        + ", maxBackoff="
        + maxBackoff
        + ", jitter="
        + jitter
        + "]";
  }

  /** Builds a {@link RetryConfig}; setters validate and name the field they reject. */
  public static final class Builder {
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
    private double multiplier = DEFAULT_MULTIPLIER;
    private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
    private double jitter = DEFAULT_JITTER;

    private Builder() {}

    /**
     * Sets the attempts in all.
     *
     * @param maxAttempts 1 to 20
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = Checks.requireRange(maxAttempts, 1, 20, "max_attempts");
      return this;
    }

    /**
     * Sets the first delay.
     *
     * @param initialBackoff zero or positive
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = Checks.requireNonNegative(initialBackoff, "initial_backoff");
      return this;
    }

    /**
     * Sets the growth factor.
     *
     * @param multiplier in [1, 10]
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder multiplier(double multiplier) {
      this.multiplier = Checks.requireRange(multiplier, 1, 10, "multiplier");
      return this;
    }

    /**
     * Sets the cap on the delay before jitter.
     *
     * @param maxBackoff zero or positive
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = Checks.requireNonNegative(maxBackoff, "max_backoff");
      return this;
    }

    /**
     * Sets the jitter fraction.
     *
     * @param jitter in [0, 1)
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder jitter(double jitter) {
      this.jitter = Checks.requireRangeBelowMax(jitter, 0, 1, "jitter");
      return this;
    }

    /**
     * Builds the configuration.
     *
     * @return the immutable configuration
     * @throws IllegalArgumentException when max_backoff is below initial_backoff
     */
    public RetryConfig build() {
      Checks.requireArgument(
          maxBackoff.compareTo(initialBackoff) >= 0,
          () ->
              "max_backoff ("
                  + maxBackoff
                  + ") must not be below initial_backoff ("
                  + initialBackoff
                  + ")");
      return new RetryConfig(this);
    }
  }
}
