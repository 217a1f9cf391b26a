package dev.trinity.core.resilience;

import dev.trinity.api.ConcurrencyLimitExceededException;
import dev.trinity.api.internal.Checks;
import dev.trinity.core.Scheduler;
import dev.trinity.core.resilience.internal.DefaultConcurrencyLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Bounds how many calls run at once. A caller takes a {@link Permit} before its call and releases
 * it after; while {@link #currentLimit()} permits are out, further callers wait in a bounded FIFO
 * queue, each for at most its own maximum wait, and are refused with a {@link
 * ConcurrencyLimitExceededException} when the queue is full or the wait runs out. {@link
 * ConcurrencyLimitConfig} describes the fixed and adaptive limits.
 *
 * <p>Nothing blocks a thread: waiting is a pending future, and the maximum wait is timed by the
 * injected {@link Scheduler}. A released permit goes to the longest waiter, whose future is
 * completed on the releasing thread, outside the limiter's lock.
 *
 * <p>Implementations are thread-safe.
 */
public interface ConcurrencyLimiter {

  /**
   * Creates a limiter with every permit free.
   *
   * @param name the limiter's name, used in exceptions
   * @param config the limits
   * @param clock the time source for call latencies
   * @param scheduler times each waiter's maximum wait
   * @return a new limiter
   */
  static ConcurrencyLimiter of(
      String name, ConcurrencyLimitConfig config, Clock clock, Scheduler scheduler) {
    return new DefaultConcurrencyLimiter(name, config, clock, scheduler);
  }

  /**
   * The limiter's name.
   *
   * @return the name given at creation
   */
  String name();

  /**
   * The limits this limiter follows.
   *
   * @return the configuration
   */
  ConcurrencyLimitConfig config();

  /**
   * Asks for a permit, waiting at most {@code maxWait}. Never blocks and never throws for a
   * refusal.
   *
   * <p>The future completes at once with a permit when one is free and nobody is waiting; otherwise
   * the caller joins the queue, and the future completes when a permit is handed to it (on the
   * releasing thread). It fails with {@link ConcurrencyLimitExceededException} at once when the
   * queue is full ({@link ConcurrencyLimitExceededException.Reason#QUEUE_FULL}), or when {@code
   * maxWait} passes first ({@link ConcurrencyLimitExceededException.Reason#WAIT_EXCEEDED}; a zero
   * or negative wait is refused at once when no permit is free). Cancelling the future leaves the
   * queue without taking a permit. If the scheduler refuses to time the wait (an overflowing
   * duration, a scheduler shut down), the future fails with the scheduler's exception.
   *
   * @param maxWait the longest the caller will wait for a permit
   * @return the permit; whoever completes it normally must release the permit exactly once
   */
  CompletableFuture<Permit> acquire(Duration maxWait);

  /**
   * Takes a permit if one is free and nobody is waiting; never waits.
   *
   * @return the permit, or empty
   */
  Optional<Permit> tryAcquire();

  /**
   * Runs an asynchronous call under a permit, released whenever the call ends: success, failure or
   * cancellation. Never throws: a refusal, or a {@code call} that throws or returns null, yields a
   * failed future.
   *
   * <p>{@code call} is invoked on the calling thread when a permit is free, otherwise on the thread
   * that hands over a permit, so it must only start the work, not wait for it. The outcome is
   * reported to the permit: a success with its latency (from permit to completion, on the limiter's
   * clock), a failure matching {@link ConcurrencyLimitConfig#dropPredicate()} as a drop, anything
   * else (including cancellation) as no signal.
   *
   * <p>Cancelling the returned future while waiting leaves the queue; while running, it releases
   * the permit at once and cancels the call's stage when it is a {@link
   * java.util.concurrent.Future}.
   *
   * @param <T> the call's result type
   * @param call starts the call
   * @param maxWait the longest to wait for a permit
   * @return the call's result; failed with {@link ConcurrencyLimitExceededException} when refused,
   *     or with whatever the call failed with
   */
  <T> CompletableFuture<T> callAsync(Supplier<? extends CompletionStage<T>> call, Duration maxWait);

  /**
   * The limit now: fixed, or the adaptive limit's current value.
   *
   * @return at least 1
   */
  int currentLimit();

  /**
   * Permits out now. May exceed {@link #currentLimit()} briefly after an adaptive limit shrinks.
   *
   * @return zero or positive
   */
  int inFlight();

  /**
   * Callers waiting for a permit now.
   *
   * @return zero to the queue capacity
   */
  int queued();

  /**
   * The right to run one call. Release it exactly once when the call ends, with the outcome when
   * known; further releases are ignored. Thread-safe.
   */
  interface Permit extends AutoCloseable {

    /**
     * When the permit was granted, on the limiter's clock.
     *
     * @return the grant time
     */
    Instant grantedAt();

    /**
     * Gives the permit back, reporting how the call went (an adaptive limit learns from it). Only
     * the first release of a permit counts.
     *
     * @param outcome how the call went
     */
    void release(Outcome outcome);

    /** Gives the permit back without an outcome the limit can learn from. Idempotent. */
    default void release() {
      release(Outcome.ignored());
    }

    /**
     * Gives the permit back after a successful call.
     *
     * @param latency how long the call took
     */
    default void onSuccess(Duration latency) {
      release(Outcome.success(latency));
    }

    /** Gives the permit back after the service dropped the call (timeout, 503, overload). */
    default void onDropped() {
      release(Outcome.dropped());
    }

    /** Same as {@link #release()}, for try-with-resources. */
    @Override
    default void close() {
      release();
    }
  }

  /**
   * How a call under a permit went.
   *
   * @param kind what happened
   * @param latency how long a successful call took; zero for the other kinds
   */
  record Outcome(Kind kind, Duration latency) {

    /** What happened to a call. */
    public enum Kind {
      /** The call succeeded; its latency is a signal. */
      SUCCESS,
      /** The service was overloaded: a timeout, 503 or similar. */
      DROPPED,
      /** No signal about load: a client error, a cancellation, or an unknown outcome. */
      IGNORED
    }

    /**
     * Checks the parts.
     *
     * @param kind what happened
     * @param latency how long a successful call took
     * @throws IllegalArgumentException when the latency is negative
     */
    public Outcome {
      Objects.requireNonNull(kind, "kind");
      Checks.requireNonNegative(latency, "latency");
    }

    /**
     * A success.
     *
     * @param latency how long the call took
     * @return the outcome
     */
    public static Outcome success(Duration latency) {
      return new Outcome(Kind.SUCCESS, latency);
    }

    /**
     * A drop.
     *
     * @return the outcome
     */
    public static Outcome dropped() {
      return new Outcome(Kind.DROPPED, Duration.ZERO);
    }

    /**
     * No signal.
     *
     * @return the outcome
     */
    public static Outcome ignored() {
      return new Outcome(Kind.IGNORED, Duration.ZERO);
    }
  }
}
