package dev.trinity.core.resilience;

import dev.trinity.api.internal.Checks;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * How many calls a {@link ConcurrencyLimiter} lets run at once, and how many may wait. Immutable
 * and thread-safe; build with {@link #builder()}, start from the defaults with {@link
 * #ofDefaults()}, or change a copy with {@link #toBuilder()}.
 *
 * <h2>Fixed</h2>
 *
 * <p>In {@link Mode#FIXED} mode (the default) the limit is {@link #maxConcurrency()}.
 *
 * <h2>Adaptive</h2>
 *
 * <p>In {@link Mode#ADAPTIVE} mode the limit starts at {@link #initialLimit()} and follows the
 * outcomes callers report on their permits, in the manner of TCP congestion control and Netflix's
 * concurrency-limits AIMD limit:
 *
 * <ul>
 *   <li><b>Additive increase.</b> Once as many successes as the current limit have been reported at
 *       that limit, the limit grows by one. A success only counts when the limiter was at least
 *       half used when its call started, so a lightly loaded limiter does not grow without evidence
 *       that the service copes.
 *   <li><b>Multiplicative decrease.</b> A dropped call (timeout, 503, overload) multiplies the
 *       limit by {@link #backoffRatio()}, rounding down. So does a success slower than {@link
 *       #latencyTolerance()} times the fastest success seen, when a tolerance is set. Only calls
 *       that started after the last decrease can cause another, so a burst of drops from calls
 *       already in flight shrinks the limit once, not once per call.
 *   <li>The limit never goes below {@link #minLimit()} nor above {@link #maxLimit()}.
 * </ul>
 *
 * <p>The limit depends only on the reported outcomes and latencies, so it is deterministic for a
 * given sequence of calls and clock.
 */
public final class ConcurrencyLimitConfig {
  /** How the limit is set. */
  public enum Mode {
    /** The limit is {@link #maxConcurrency()}. */
    FIXED,
    /**
     * The limit adapts to reported outcomes (AIMD), between {@link #minLimit()} and {@link
     * #maxLimit()}.
     */
    ADAPTIVE
  }

  /** Default mode: {@link Mode#FIXED}. */
  public static final Mode DEFAULT_MODE = Mode.FIXED;

  /**
   * Default fixed limit: {@value}. In a Trinity configuration file this is {@code
   * llm.max_concurrency} (or {@code concurrency_limit.max_concurrency}); this class is the one
   * place the value lives.
   */
  public static final int DEFAULT_MAX_CONCURRENCY = 8;

  /** The highest fixed limit accepted: {@value}. */
  public static final int MAX_MAX_CONCURRENCY = 1024;

  /** Default number of calls that may wait for a permit: {@value}. */
  public static final int DEFAULT_QUEUE_CAPACITY = 1000;

  /** Default adaptive starting limit: {@value}. */
  public static final int DEFAULT_INITIAL_LIMIT = 8;

  /** Default adaptive floor: {@value}. */
  public static final int DEFAULT_MIN_LIMIT = 1;

  /** Default adaptive ceiling: {@value}. */
  public static final int DEFAULT_MAX_LIMIT = 32;

  /** Default factor applied to the adaptive limit on a drop: {@value}. */
  public static final double DEFAULT_BACKOFF_RATIO = 0.9;

  /**
   * Default latency tolerance: infinite, so latency alone never shrinks the limit. An LLM call's
   * latency follows the length of its answer more than the server's load; set a finite tolerance
   * (such as 2.0) for services whose calls take similar time.
   */
  public static final double DEFAULT_LATENCY_TOLERANCE = Double.POSITIVE_INFINITY;

  /**
   * Default {@link #dropPredicate()}: a {@link TimeoutException}. Trinity's pipeline passes an
   * LLM-aware predicate instead: a provider failure whose {@link
   * dev.trinity.api.ProviderException#kind()} {@linkplain
   * dev.trinity.api.ProviderException.Kind#isOverload() is an overload} (exchange timeouts, 503,
   * 429, a server saying it is busy).
   */
  public static final Predicate<Throwable> DEFAULT_DROP_PREDICATE =
      t -> t instanceof TimeoutException;

  private static final ConcurrencyLimitConfig DEFAULTS = builder().build();

  private final Mode mode;
  private final int maxConcurrency;
  private final int queueCapacity;
  private final int initialLimit;
  private final int minLimit;
  private final int maxLimit;
  private final double backoffRatio;
  private final double latencyTolerance;
  private final Predicate<Throwable> dropPredicate;

  private ConcurrencyLimitConfig(Builder b) {
    this.mode = b.mode;
    this.maxConcurrency = b.maxConcurrency;
    this.queueCapacity = b.queueCapacity;
    this.initialLimit = b.initialLimit;
    this.minLimit = b.minLimit;
    this.maxLimit = b.maxLimit;
    this.backoffRatio = b.backoffRatio;
    this.latencyTolerance = b.latencyTolerance;
    this.dropPredicate = b.dropPredicate;
  }

  /**
   * The defaults: a fixed limit of 8 calls in flight, up to 1000 waiting.
   *
   * @return the default configuration
   */
  public static ConcurrencyLimitConfig ofDefaults() {
    return DEFAULTS;
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
    Builder b = new Builder();
    b.mode = mode;
    b.maxConcurrency = maxConcurrency;
    b.queueCapacity = queueCapacity;
    b.initialLimit = initialLimit;
    b.minLimit = minLimit;
    b.maxLimit = maxLimit;
    b.backoffRatio = backoffRatio;
    b.latencyTolerance = latencyTolerance;
    b.dropPredicate = dropPredicate;
    return b;
  }

  /**
   * How the limit is set.
   *
   * @return the mode
   */
  public Mode mode() {
    return mode;
  }

  /**
   * The limit in {@link Mode#FIXED} mode.
   *
   * @return at least 1
   */
  public int maxConcurrency() {
    return maxConcurrency;
  }

  /**
   * How many calls may wait for a permit; further calls are refused at once.
   *
   * @return zero or positive
   */
  public int queueCapacity() {
    return queueCapacity;
  }

  /**
   * The limit an adaptive limiter starts with.
   *
   * @return between {@link #minLimit()} and {@link #maxLimit()}
   */
  public int initialLimit() {
    return initialLimit;
  }

  /**
   * The lowest an adaptive limit goes.
   *
   * @return at least 1
   */
  public int minLimit() {
    return minLimit;
  }

  /**
   * The highest an adaptive limit goes.
   *
   * @return at least {@link #minLimit()}
   */
  public int maxLimit() {
    return maxLimit;
  }

  /**
   * The factor an adaptive limit is multiplied by on a drop.
   *
   * @return in [0.1, 1)
   */
  public double backoffRatio() {
    return backoffRatio;
  }

  /**
   * How many times slower than the fastest success seen a success may be before an adaptive limiter
   * treats it like a drop.
   *
   * @return at least 1, or infinite when latency is not a signal
   */
  public double latencyTolerance() {
    return latencyTolerance;
  }

  /**
   * Which failures of a call made through {@link ConcurrencyLimiter#callAsync} mean the service is
   * overloaded (a drop). Other failures carry no signal. Completion wrappers are removed first.
   *
   * @return the predicate
   */
  public Predicate<Throwable> dropPredicate() {
    return dropPredicate;
  }

  /** Equal when every setting is equal; predicates are compared by identity. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ConcurrencyLimitConfig c
        && mode == c.mode
        && maxConcurrency == c.maxConcurrency
        && queueCapacity == c.queueCapacity
        && initialLimit == c.initialLimit
        && minLimit == c.minLimit
        && maxLimit == c.maxLimit
        && backoffRatio == c.backoffRatio
        && latencyTolerance == c.latencyTolerance
        && dropPredicate == c.dropPredicate;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        mode,
        maxConcurrency,
        queueCapacity,
        initialLimit,
        minLimit,
        maxLimit,
        backoffRatio,
        latencyTolerance,
        System.identityHashCode(dropPredicate));
  }

  @Override
  public String toString() {
    return "ConcurrencyLimitConfig[mode="
        + mode
        + ", maxConcurrency="
        + maxConcurrency
        + ", queueCapacity="
        + queueCapacity
        + ", initialLimit="
        + initialLimit
        + ", minLimit="
        + minLimit
        + ", maxLimit="
        + maxLimit
        + ", backoffRatio="
        + backoffRatio
        + ", latencyTolerance="
        + latencyTolerance
        + "]";
  }

  /**
   * Builds a {@link ConcurrencyLimitConfig}; setters validate and name the field they reject. Not
   * thread-safe.
   */
  public static final class Builder {
    private Mode mode = DEFAULT_MODE;
    private int maxConcurrency = DEFAULT_MAX_CONCURRENCY;
    private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
    private int initialLimit = DEFAULT_INITIAL_LIMIT;
    private int minLimit = DEFAULT_MIN_LIMIT;
    private int maxLimit = DEFAULT_MAX_LIMIT;
    private double backoffRatio = DEFAULT_BACKOFF_RATIO;
    private double latencyTolerance = DEFAULT_LATENCY_TOLERANCE;
    private Predicate<Throwable> dropPredicate = DEFAULT_DROP_PREDICATE;

    private Builder() {}

    /**
     * Sets how the limit is set.
     *
     * @param mode the mode
     * @return this builder
     */
    public Builder mode(Mode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * Sets the fixed limit.
     *
     * @param maxConcurrency 1 to {@value ConcurrencyLimitConfig#MAX_MAX_CONCURRENCY}
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder maxConcurrency(int maxConcurrency) {
      this.maxConcurrency =
          Checks.requireRange(maxConcurrency, 1, MAX_MAX_CONCURRENCY, "max_concurrency");
      return this;
    }

    /**
     * Sets how many calls may wait for a permit.
     *
     * @param queueCapacity zero (never wait) or positive
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder queueCapacity(int queueCapacity) {
      this.queueCapacity = Checks.requireNonNegative(queueCapacity, "queue_capacity");
      return this;
    }

    /**
     * Sets the adaptive starting limit.
     *
     * @param initialLimit at least 1, between the floor and the ceiling (checked by {@link
     *     #build()})
     * @return this builder
     * @throws IllegalArgumentException when below 1
     */
    public Builder initialLimit(int initialLimit) {
      this.initialLimit = Checks.requirePositive(initialLimit, "initial_limit");
      return this;
    }

    /**
     * Sets the adaptive floor.
     *
     * @param minLimit at least 1
     * @return this builder
     * @throws IllegalArgumentException when below 1
     */
    public Builder minLimit(int minLimit) {
      this.minLimit = Checks.requirePositive(minLimit, "min_limit");
      return this;
    }

    /**
     * Sets the adaptive ceiling.
     *
     * @param maxLimit at least 1, and at least the floor (checked by {@link #build()})
     * @return this builder
     * @throws IllegalArgumentException when below 1
     */
    public Builder maxLimit(int maxLimit) {
      this.maxLimit = Checks.requirePositive(maxLimit, "max_limit");
      return this;
    }

    /**
     * Sets the factor applied to the adaptive limit on a drop.
     *
     * @param backoffRatio in [0.1, 1)
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder backoffRatio(double backoffRatio) {
      this.backoffRatio = Checks.requireRangeBelowMax(backoffRatio, 0.1, 1, "backoff_ratio");
      return this;
    }

    /**
     * Sets how much slower than the fastest success a success may be before it counts as a drop.
     *
     * @param latencyTolerance at least 1; {@link Double#POSITIVE_INFINITY} to ignore latency
     * @return this builder
     * @throws IllegalArgumentException when below 1 or not a number
     */
    public Builder latencyTolerance(double latencyTolerance) {
      this.latencyTolerance = Checks.requireAtLeast(latencyTolerance, 1, "latency_tolerance");
      return this;
    }

    /**
     * Sets which failures mean the service is overloaded. Called with the unwrapped failure on the
     * thread that completed the call; must be fast, thread-safe and must not throw.
     *
     * @param dropPredicate true for failures that should shrink an adaptive limit
     * @return this builder
     */
    public Builder dropPredicate(Predicate<Throwable> dropPredicate) {
      this.dropPredicate = Objects.requireNonNull(dropPredicate, "dropPredicate");
      return this;
    }

    /**
     * Builds the configuration.
     *
     * @return the immutable configuration
     * @throws IllegalArgumentException when the adaptive limits are not ordered min_limit ≤
     *     initial_limit ≤ max_limit
     */
    public ConcurrencyLimitConfig build() {
      Checks.requireArgument(
          minLimit <= maxLimit,
          () -> "min_limit (" + minLimit + ") must not exceed max_limit (" + maxLimit + ")");
      Checks.requireArgument(
          initialLimit >= minLimit && initialLimit <= maxLimit,
          () ->
              "initial_limit ("
                  + initialLimit
                  + ") must be in [min_limit, max_limit] = ["
                  + minLimit
                  + ", "
                  + maxLimit
                  + "]");
      return new ConcurrencyLimitConfig(this);
    }
  }
}
