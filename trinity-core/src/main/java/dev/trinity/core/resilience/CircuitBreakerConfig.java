package dev.trinity.core.resilience;

import dev.trinity.api.internal.Checks;
import dev.trinity.api.internal.Throwables;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

/**
 * How a {@link CircuitBreaker} decides to open, how long it stays open and how it probes its way
 * back. Immutable and thread-safe; build with {@link #builder()}, start from the defaults with
 * {@link #ofDefaults()}, or change a copy with {@link #toBuilder()}.
 *
 * <h2>Opening</h2>
 *
 * <p>In {@link Mode#FAILURE_RATE} mode (the default) the breaker keeps the outcomes of the last
 * {@link #slidingWindowSize()} counted calls and opens on a counted failure when at least {@link
 * #minimumNumberOfCalls()} outcomes are recorded and failures make up at least {@link
 * #failureRateThreshold()} percent of those outcomes plus the calls it admitted that are still in
 * flight (at most {@link #slidingWindowSize()} of them). This is Resilience4j's count-based sliding
 * window, with one change: a call still running has not failed, so failures that end in
 * microseconds (reset connections) cannot outvote the slower calls that started with them. When the
 * service is down every call fails fast and nothing stays in flight: with the defaults the breaker
 * opens at the 10th failed call. A success never opens it.
 *
 * <p>In {@link Mode#CONSECUTIVE_FAILURES} mode it opens after {@link #failureThreshold()} failures
 * in a row, in the order they are reported; any success in between starts the count again. {@link
 * #consecutiveFailures()} is the original Trinity's "5 failures / 60 s" breaker in this mode.
 *
 * <p>Why these defaults: with 20% of connections reset at random, 200 requests at once, a
 * concurrency limit of 8 and 3 attempts, the old default (5 consecutive failures) opened in 3 of 50
 * seeded runs and failed 27–45 requests in each; the failure-rate default opened in none, and the
 * runs lost 0.7% of requests, all of them requests whose 3 attempts were all reset. A window of 50
 * keeps a limit of up to about 50 calls in flight from diluting the rate below the threshold when
 * the service is down; a dead endpoint must still open it within 10 calls.
 *
 * <h2>Open and half-open</h2>
 *
 * <p>An open breaker refuses every call for {@link #openDuration()}. The first call after that
 * moves it to half-open, where at most {@link #halfOpenMaxCalls()} probe calls run at a time; a
 * probe that ends without counting (see below) gives its place back. {@link #successThreshold()}
 * successful probes close the breaker; one failed probe re-opens it for a fresh open duration. If
 * the breaker is still half-open {@link #maxWaitInHalfOpen()} after it got there (a probe that
 * never returns), the next call re-opens it. Both modes probe the same way.
 *
 * <h2>What counts as a failure</h2>
 *
 * <p>A failure is first unwrapped from {@link CompletionException} and {@link ExecutionException}.
 * It counts when it is not a {@link CancellationException} (the caller gave up; the service did not
 * fail), {@link #ignoreExceptionPredicate()} does not hold for it, and {@link
 * #recordFailurePredicate()} holds for it. A call that does not count is neither a success nor a
 * failure: it changes no count and gives back its half-open permit. By default every other
 * throwable counts. Trinity's request pipeline passes an LLM-aware predicate instead: server
 * errors, I/O errors and exchange timeouts count; client errors (4xx), cancellations and invalid
 * input do not.
 */
public final class CircuitBreakerConfig {
  /** When the breaker opens. */
  public enum Mode {
    /** Open after {@link #failureThreshold()} counted failures in a row. */
    CONSECUTIVE_FAILURES,
    /**
     * Open when the failure rate over the last {@link #slidingWindowSize()} counted calls reaches
     * {@link #failureRateThreshold()}, once {@link #minimumNumberOfCalls()} calls are recorded.
     */
    FAILURE_RATE
  }

  /** Default mode: {@link Mode#FAILURE_RATE}. */
  public static final Mode DEFAULT_MODE = Mode.FAILURE_RATE;

  /**
   * Default consecutive failures that open the breaker in {@link Mode#CONSECUTIVE_FAILURES} mode:
   * {@value}.
   */
  public static final int DEFAULT_FAILURE_THRESHOLD = 5;

  /** Default time an open breaker refuses calls: 60 s. */
  public static final Duration DEFAULT_OPEN_DURATION = Duration.ofSeconds(60);

  /** Default probe calls in flight at once while half-open: {@value}. */
  public static final int DEFAULT_HALF_OPEN_MAX_CALLS = 1;

  /** Default successful probes that close the breaker: {@value}. */
  public static final int DEFAULT_SUCCESS_THRESHOLD = 1;

  /** Default longest stay in half-open before the breaker re-opens: 60 s. */
  public static final Duration DEFAULT_MAX_WAIT_IN_HALF_OPEN = Duration.ofSeconds(60);

  /** Default number of counted calls the failure-rate window holds: {@value}. */
  public static final int DEFAULT_SLIDING_WINDOW_SIZE = 50;

  /** Default calls the failure-rate window needs before it can open the breaker: {@value}. */
  public static final int DEFAULT_MINIMUM_NUMBER_OF_CALLS = 10;

  /** Default failure rate, in percent, that opens the breaker: {@value}. */
  public static final double DEFAULT_FAILURE_RATE_THRESHOLD = 50.0;

  /** Largest sliding window accepted: {@value}. */
  public static final int MAX_SLIDING_WINDOW_SIZE = 10_000;

  /** Default {@link #recordFailurePredicate()}: every throwable counts. */
  public static final Predicate<Throwable> DEFAULT_RECORD_FAILURE_PREDICATE = t -> true;

  /** Default {@link #ignoreExceptionPredicate()}: no throwable is ignored. */
  public static final Predicate<Throwable> DEFAULT_IGNORE_EXCEPTION_PREDICATE = t -> false;

  private static final CircuitBreakerConfig DEFAULTS = builder().build();

  private static final CircuitBreakerConfig CONSECUTIVE_FAILURES_PRESET =
      builder()
          .mode(Mode.CONSECUTIVE_FAILURES)
          .failureThreshold(5)
          .openDuration(Duration.ofSeconds(60))
          .build();

  private final Mode mode;
  private final int failureThreshold;
  private final Duration openDuration;
  private final int halfOpenMaxCalls;
  private final int successThreshold;
  private final Duration maxWaitInHalfOpen;
  private final int slidingWindowSize;
  private final int minimumNumberOfCalls;
  private final double failureRateThreshold;
  private final Predicate<Throwable> recordFailurePredicate;
  private final Predicate<Throwable> ignoreExceptionPredicate;

  private CircuitBreakerConfig(Builder b) {
    this.mode = b.mode;
    this.failureThreshold = b.failureThreshold;
    this.openDuration = b.openDuration;
    this.halfOpenMaxCalls = b.halfOpenMaxCalls;
    this.successThreshold = b.successThreshold;
    this.maxWaitInHalfOpen = b.maxWaitInHalfOpen;
    this.slidingWindowSize = b.slidingWindowSize;
    this.minimumNumberOfCalls = b.minimumNumberOfCalls;
    this.failureRateThreshold = b.failureRateThreshold;
    this.recordFailurePredicate = b.recordFailurePredicate;
    this.ignoreExceptionPredicate = b.ignoreExceptionPredicate;
  }

  /**
   * The defaults: failure-rate mode over a window of the last 50 calls, open on a failure once 10
   * outcomes are recorded and failures are at least 50% of them plus the calls in flight, stay open
   * 60 s, one probe at a time, one successful probe closes, at most 60 s in half-open.
   *
   * @return the default configuration
   */
  public static CircuitBreakerConfig ofDefaults() {
    return DEFAULTS;
  }

  /**
   * The original Trinity's breaker, kept as a preset: open after 5 consecutive counted failures and
   * stay open 60 s. Counting in arrival order, it can open on a bunch of fast transient failures
   * (connection resets arrive in microseconds while successes take the model's latency); prefer the
   * defaults unless you need the original's behaviour.
   *
   * @return the preset
   */
  public static CircuitBreakerConfig consecutiveFailures() {
    return CONSECUTIVE_FAILURES_PRESET;
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
    b.failureThreshold = failureThreshold;
    b.openDuration = openDuration;
    b.halfOpenMaxCalls = halfOpenMaxCalls;
    b.successThreshold = successThreshold;
    b.maxWaitInHalfOpen = maxWaitInHalfOpen;
    b.slidingWindowSize = slidingWindowSize;
    b.minimumNumberOfCalls = minimumNumberOfCalls;
    b.failureRateThreshold = failureRateThreshold;
    b.recordFailurePredicate = recordFailurePredicate;
    b.ignoreExceptionPredicate = ignoreExceptionPredicate;
    return b;
  }

  /**
   * Whether a call that failed with {@code failure} counts as a failure, by the rules in the class
   * description: unwrap completion wrappers, never count a cancellation, then apply the ignore and
   * record predicates. Thread-safe if the predicates are.
   *
   * @param failure what the call failed with
   * @return true when the failure counts towards opening the breaker; false when the call should be
   *     treated as not counted
   */
  public boolean countsAsFailure(Throwable failure) {
    Throwable t = Throwables.unwrap(failure);
    if (t instanceof CancellationException) {
      return false;
    }
    return !ignoreExceptionPredicate.test(t) && recordFailurePredicate.test(t);
  }

  /**
   * When the breaker opens.
   *
   * @return the mode
   */
  public Mode mode() {
    return mode;
  }

  /**
   * Consecutive counted failures that open the breaker ({@link Mode#CONSECUTIVE_FAILURES} mode).
   *
   * @return at least 1
   */
  public int failureThreshold() {
    return failureThreshold;
  }

  /**
   * How long an open breaker refuses calls before it admits a probe.
   *
   * @return positive
   */
  public Duration openDuration() {
    return openDuration;
  }

  /**
   * Probe calls allowed in flight at once while half-open.
   *
   * @return at least 1
   */
  public int halfOpenMaxCalls() {
    return halfOpenMaxCalls;
  }

  /**
   * Successful probes that close a half-open breaker.
   *
   * @return at least 1
   */
  public int successThreshold() {
    return successThreshold;
  }

  /**
   * The longest a breaker stays half-open; a call arriving later re-opens it, so a probe that never
   * returns cannot wedge it.
   *
   * @return positive
   */
  public Duration maxWaitInHalfOpen() {
    return maxWaitInHalfOpen;
  }

  /**
   * Counted calls the failure-rate window holds ({@link Mode#FAILURE_RATE} mode).
   *
   * @return 1 to {@link #MAX_SLIDING_WINDOW_SIZE}
   */
  public int slidingWindowSize() {
    return slidingWindowSize;
  }

  /**
   * Calls the window must hold before the failure rate can open the breaker ({@link
   * Mode#FAILURE_RATE} mode).
   *
   * @return 1 to {@link #slidingWindowSize()}
   */
  public int minimumNumberOfCalls() {
    return minimumNumberOfCalls;
  }

  /**
   * Failure rate, in percent of the calls in the window, that opens the breaker ({@link
   * Mode#FAILURE_RATE} mode).
   *
   * @return in (0, 100]
   */
  public double failureRateThreshold() {
    return failureRateThreshold;
  }

  /**
   * Which failures count (after unwrapping, and unless ignored).
   *
   * @return the predicate
   */
  public Predicate<Throwable> recordFailurePredicate() {
    return recordFailurePredicate;
  }

  /**
   * Which failures never count, whatever {@link #recordFailurePredicate()} says.
   *
   * @return the predicate
   */
  public Predicate<Throwable> ignoreExceptionPredicate() {
    return ignoreExceptionPredicate;
  }

  /** Equal when every setting is equal; predicates are compared by identity. */
  @Override
  public boolean equals(Object o) {
    return o instanceof CircuitBreakerConfig c
        && mode == c.mode
        && failureThreshold == c.failureThreshold
        && openDuration.equals(c.openDuration)
        && halfOpenMaxCalls == c.halfOpenMaxCalls
        && successThreshold == c.successThreshold
        && maxWaitInHalfOpen.equals(c.maxWaitInHalfOpen)
        && slidingWindowSize == c.slidingWindowSize
        && minimumNumberOfCalls == c.minimumNumberOfCalls
        && failureRateThreshold == c.failureRateThreshold
        && recordFailurePredicate == c.recordFailurePredicate
        && ignoreExceptionPredicate == c.ignoreExceptionPredicate;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        mode,
        failureThreshold,
        openDuration,
        halfOpenMaxCalls,
        successThreshold,
        maxWaitInHalfOpen,
        slidingWindowSize,
        minimumNumberOfCalls,
        failureRateThreshold,
        System.identityHashCode(recordFailurePredicate),
        System.identityHashCode(ignoreExceptionPredicate));
  }

  @Override
  public String toString() {
    return "CircuitBreakerConfig[mode="
        + mode
        + ", failureThreshold="
        + failureThreshold
        + ", openDuration="
        + openDuration
        + ", halfOpenMaxCalls="
        + halfOpenMaxCalls
        + ", successThreshold="
        + successThreshold
        + ", maxWaitInHalfOpen="
        + maxWaitInHalfOpen
        + ", slidingWindowSize="
        + slidingWindowSize
        + ", minimumNumberOfCalls="
        + minimumNumberOfCalls
        + ", failureRateThreshold="
        + failureRateThreshold
        + "]";
  }

  /**
   * Builds a {@link CircuitBreakerConfig}; setters validate and name the field they reject. Not
   * thread-safe.
   */
  public static final class Builder {
    private Mode mode = DEFAULT_MODE;
    private int failureThreshold = DEFAULT_FAILURE_THRESHOLD;
    private Duration openDuration = DEFAULT_OPEN_DURATION;
    private int halfOpenMaxCalls = DEFAULT_HALF_OPEN_MAX_CALLS;
    private int successThreshold = DEFAULT_SUCCESS_THRESHOLD;
    private Duration maxWaitInHalfOpen = DEFAULT_MAX_WAIT_IN_HALF_OPEN;
    private int slidingWindowSize = DEFAULT_SLIDING_WINDOW_SIZE;
    private int minimumNumberOfCalls = DEFAULT_MINIMUM_NUMBER_OF_CALLS;
    private double failureRateThreshold = DEFAULT_FAILURE_RATE_THRESHOLD;
    private Predicate<Throwable> recordFailurePredicate = DEFAULT_RECORD_FAILURE_PREDICATE;
    private Predicate<Throwable> ignoreExceptionPredicate = DEFAULT_IGNORE_EXCEPTION_PREDICATE;

    private Builder() {}

    /**
     * Sets when the breaker opens.
     *
     * @param mode the mode
     * @return this builder
     */
    public Builder mode(Mode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * Sets the consecutive failures that open the breaker.
     *
     * @param failureThreshold at least 1
     * @return this builder
     * @throws IllegalArgumentException when below 1
     */
    public Builder failureThreshold(int failureThreshold) {
      this.failureThreshold = Checks.requirePositive(failureThreshold, "failure_threshold");
      return this;
    }

    /**
     * Sets how long an open breaker refuses calls.
     *
     * @param openDuration positive
     * @return this builder
     * @throws IllegalArgumentException when zero or negative
     */
    public Builder openDuration(Duration openDuration) {
      this.openDuration = Checks.requirePositive(openDuration, "open_duration");
      return this;
    }

    /**
     * Sets the probe calls allowed in flight at once while half-open.
     *
     * @param halfOpenMaxCalls at least 1
     * @return this builder
     * @throws IllegalArgumentException when below 1
     */
    public Builder halfOpenMaxCalls(int halfOpenMaxCalls) {
      this.halfOpenMaxCalls = Checks.requirePositive(halfOpenMaxCalls, "half_open_max_calls");
      return this;
    }

    /**
     * Sets the successful probes that close a half-open breaker.
     *
     * @param successThreshold at least 1
     * @return this builder
     * @throws IllegalArgumentException when below 1
     */
    public Builder successThreshold(int successThreshold) {
      this.successThreshold = Checks.requirePositive(successThreshold, "success_threshold");
      return this;
    }

    /**
     * Sets the longest stay in half-open.
     *
     * @param maxWaitInHalfOpen positive
     * @return this builder
     * @throws IllegalArgumentException when zero or negative
     */
    public Builder maxWaitInHalfOpen(Duration maxWaitInHalfOpen) {
      this.maxWaitInHalfOpen = Checks.requirePositive(maxWaitInHalfOpen, "max_wait_in_half_open");
      return this;
    }

    /**
     * Sets the counted calls the failure-rate window holds.
     *
     * @param slidingWindowSize 1 to {@link #MAX_SLIDING_WINDOW_SIZE}
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder slidingWindowSize(int slidingWindowSize) {
      this.slidingWindowSize =
          Checks.requireRange(slidingWindowSize, 1, MAX_SLIDING_WINDOW_SIZE, "sliding_window_size");
      return this;
    }

    /**
     * Sets the calls the window must hold before the failure rate can open the breaker.
     *
     * @param minimumNumberOfCalls at least 1, and at most the sliding window size (checked by
     *     {@link #build()})
     * @return this builder
     * @throws IllegalArgumentException when below 1
     */
    public Builder minimumNumberOfCalls(int minimumNumberOfCalls) {
      this.minimumNumberOfCalls =
          Checks.requirePositive(minimumNumberOfCalls, "minimum_number_of_calls");
      return this;
    }

    /**
     * Sets the failure rate, in percent, that opens the breaker.
     *
     * @param failureRateThreshold in (0, 100]
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder failureRateThreshold(double failureRateThreshold) {
      this.failureRateThreshold =
          Checks.requireRangeAboveMin(failureRateThreshold, 0, 100, "failure_rate_threshold");
      return this;
    }

    /**
     * Sets which failures count. Called with the unwrapped failure, on the thread that completed
     * the call; it must be fast, thread-safe and must not throw.
     *
     * @param recordFailurePredicate true for failures that count
     * @return this builder
     */
    public Builder recordFailurePredicate(Predicate<Throwable> recordFailurePredicate) {
      this.recordFailurePredicate =
          Objects.requireNonNull(recordFailurePredicate, "recordFailurePredicate");
      return this;
    }

    /**
     * Sets which failures never count. Same threading rules as {@link
     * #recordFailurePredicate(Predicate)}.
     *
     * @param ignoreExceptionPredicate true for failures that must not count
     * @return this builder
     */
    public Builder ignoreExceptionPredicate(Predicate<Throwable> ignoreExceptionPredicate) {
      this.ignoreExceptionPredicate =
          Objects.requireNonNull(ignoreExceptionPredicate, "ignoreExceptionPredicate");
      return this;
    }

    /**
     * Builds the configuration.
     *
     * @return the immutable configuration
     * @throws IllegalArgumentException when minimum_number_of_calls exceeds sliding_window_size
     */
    public CircuitBreakerConfig build() {
      Checks.requireArgument(
          minimumNumberOfCalls <= slidingWindowSize,
          () ->
              "minimum_number_of_calls ("
                  + minimumNumberOfCalls
                  + ") must not exceed sliding_window_size ("
                  + slidingWindowSize
                  + ")");
      return new CircuitBreakerConfig(this);
    }
  }
}
