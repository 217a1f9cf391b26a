package dev.trinity.core.resilience;

import dev.trinity.api.CircuitOpenException;
import dev.trinity.core.resilience.internal.CircuitBreakerStateMachine;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Fails fast while the service behind it is failing, then probes its way back: {@link State#CLOSED}
 * (calls pass, failures are counted) → {@link State#OPEN} (calls are refused with a {@link
 * CircuitOpenException} for the open duration) → {@link State#HALF_OPEN} (a few probe calls pass) →
 * closed again, or open again if a probe fails. {@link CircuitBreakerConfig} describes the rules.
 *
 * <p>Two ways to use it:
 *
 * <ul>
 *   <li>Wrap a call: {@link #call(Supplier)} or {@link #callAsync(Supplier)}. They ask for
 *       permission, run the call, classify the outcome and give the permission back; this is the
 *       safe choice, because the outcome is reported against the state that admitted the call.
 *   <li>By hand: {@link #tryAcquirePermission()} or {@link #acquirePermission()}, then exactly one
 *       of {@link #onSuccess()}, {@link #onError(Throwable)} or {@link #releasePermission()} for
 *       every permission granted. Outcomes are reported against the breaker's current state.
 * </ul>
 *
 * <p>Time-driven changes (open → half-open when the open duration ends, half-open → open when a
 * probe has taken too long) happen lazily, when a call asks for permission; the breaker has no
 * thread and no timer.
 *
 * <p>Implementations are thread-safe and take no lock on the call path: the state is an immutable
 * object behind an atomic reference, and exactly one thread wins each transition.
 */
public interface CircuitBreaker {

  /** The breaker's states. */
  enum State {
    /** Calls pass; counted failures may open the breaker. */
    CLOSED,
    /** Calls are refused until the open duration has passed. */
    OPEN,
    /** A limited number of probe calls pass; their outcomes close or re-open the breaker. */
    HALF_OPEN
  }

  /**
   * Told about every state change. Called on the thread that made the change, after the change;
   * must be fast and must not throw (a listener that throws is logged and skipped). When two
   * changes race, their notifications may arrive in either order.
   */
  @FunctionalInterface
  interface StateListener {
    /**
     * A breaker changed state.
     *
     * @param breakerName the breaker's name
     * @param from the state it left
     * @param to the state it entered
     */
    void onStateChange(String breakerName, State from, State to);
  }

  /**
   * Creates a breaker, closed.
   *
   * @param name the breaker's name, used in exceptions, status and listener calls
   * @param config the rules
   * @param clock the time source for the open duration, the half-open wait and the status times
   * @return a new breaker
   */
  static CircuitBreaker of(String name, CircuitBreakerConfig config, Clock clock) {
    return new CircuitBreakerStateMachine(name, config, clock);
  }

  /**
   * Creates a breaker with {@link CircuitBreakerConfig#ofDefaults()}.
   *
   * @param name the breaker's name
   * @param clock the time source
   * @return a new breaker
   */
  static CircuitBreaker ofDefaults(String name, Clock clock) {
    return of(name, CircuitBreakerConfig.ofDefaults(), clock);
  }

  /**
   * The breaker's name.
   *
   * @return the name given at creation
   */
  String name();

  /**
   * The rules this breaker follows.
   *
   * @return the configuration
   */
  CircuitBreakerConfig config();

  /**
   * The current state, as of the last transition. Time-driven transitions happen when a call asks
   * for permission, so an open breaker whose open duration has passed still reports {@link
   * State#OPEN} until the next call.
   *
   * @return the state
   */
  State state();

  /**
   * Asks to make one call. When this returns true the caller must report the call's end with
   * exactly one of {@link #onSuccess()}, {@link #onError(Throwable)} or {@link
   * #releasePermission()}.
   *
   * @return true when the call may proceed; false when the breaker is open, or half-open with every
   *     probe place taken (the refusal is counted in {@link CircuitBreakerStatus#totalRejected()})
   */
  boolean tryAcquirePermission();

  /**
   * Like {@link #tryAcquirePermission()}, but throws instead of returning false.
   *
   * @throws CircuitOpenException when the call is not permitted; it names this breaker and the time
   *     until a probe will be admitted
   */
  void acquirePermission();

  /**
   * Reports that a permitted call succeeded. In half-open this counts towards closing.
   *
   * <p>Thread-safe. Reported against the current state: a call admitted in an earlier state is
   * treated as if it were admitted by this one (use {@link #call} / {@link #callAsync} to avoid
   * that).
   */
  void onSuccess();

  /**
   * Reports that a permitted call failed. The failure is classified by {@link
   * CircuitBreakerConfig#countsAsFailure(Throwable)}: a counted failure may open the breaker; one
   * that does not count is handled like {@link #releasePermission()}.
   *
   * <p>Thread-safe; reported against the current state, as for {@link #onSuccess()}.
   *
   * @param failure what the call failed with, wrapped or not
   */
  void onError(Throwable failure);

  /**
   * Reports that a permitted call ended without an outcome that counts (cancelled, ignored, or not
   * made at all): no count changes and a half-open probe place is given back.
   *
   * <p>Thread-safe; reported against the current state, as for {@link #onSuccess()}.
   */
  void releasePermission();

  /**
   * Runs a call on the calling thread if the breaker permits it, and records its outcome.
   *
   * @param <T> the call's result type
   * @param call the call
   * @return what the call returned
   * @throws CircuitOpenException when the call is not permitted; {@code call} is not invoked
   * @throws RuntimeException whatever {@code call} threw, unchanged, after recording it
   */
  <T> T call(Supplier<T> call);

  /**
   * Starts an asynchronous call if the breaker permits it, and records its outcome when it ends.
   * Never throws: a refusal, or a {@code call} that throws or returns null, yields a failed future.
   *
   * <p>Cancelling the returned future does not count as a failure: the permission is given back at
   * once (a half-open probe place is freed) and the cancellation is passed on to the call's stage
   * when it is a {@link java.util.concurrent.Future}. An outcome that arrives after that is
   * ignored.
   *
   * @param <T> the call's result type
   * @param call starts the call; invoked on the calling thread only when permitted
   * @return the call's result; failed with {@link CircuitOpenException} when not permitted, or with
   *     whatever the call failed with
   */
  <T> CompletableFuture<T> callAsync(Supplier<? extends CompletionStage<T>> call);

  /**
   * Adds a listener for this breaker's state changes. Thread-safe.
   *
   * @param listener the listener
   */
  void addListener(StateListener listener);

  /**
   * Removes a listener added with {@link #addListener(StateListener)}. Thread-safe.
   *
   * @param listener the listener
   * @return true when it was registered
   */
  boolean removeListener(StateListener listener);

  /**
   * A snapshot of the breaker's state and statistics. Thread-safe; the numbers are read one at a
   * time, so under concurrent calls they may be a few calls apart.
   *
   * @return the status
   */
  CircuitBreakerStatus status();

  /**
   * Closes the breaker and starts its failure count again. Lifetime totals (calls, failures,
   * successes, rejections, state changes) are kept, so that they always add up. Listeners hear the
   * change when the breaker was not closed.
   */
  void reset();

  /**
   * Forces the breaker open for a full open duration, whatever its state (an operator's switch).
   * Listeners hear the change when the breaker was not already open.
   */
  void transitionToOpen();

  /**
   * Forces the breaker closed with fresh failure counts, keeping its statistics (an operator's
   * switch). Listeners hear the change when the breaker was not already closed.
   */
  void transitionToClosed();
}
