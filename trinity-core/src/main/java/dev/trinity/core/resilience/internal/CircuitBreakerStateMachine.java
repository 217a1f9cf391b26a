package dev.trinity.core.resilience.internal;

import dev.trinity.api.CircuitOpenException;
import dev.trinity.api.internal.Throwables;
import dev.trinity.core.resilience.CircuitBreaker;
import dev.trinity.core.resilience.CircuitBreakerConfig;
import dev.trinity.core.resilience.CircuitBreakerStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CircuitBreaker}: an atomic reference to an immutable {@link BreakerState} ({@link
 * ClosedState}, {@link OpenState}, {@link HalfOpenState}). A transition is a compare-and-set from
 * the state that asked for it, so exactly one thread wins it and outcomes reported to a replaced
 * state change nothing. No lock is taken on the call path.
 */
public final class CircuitBreakerStateMachine implements CircuitBreaker {
  private static final Logger log = LoggerFactory.getLogger(CircuitBreakerStateMachine.class);

  private final String name;
  private final CircuitBreakerConfig config;
  private final Clock clock;
  private final AtomicReference<BreakerState> state;
  private final List<StateListener> listeners = new CopyOnWriteArrayList<>();

  /**
   * Creates a closed breaker; use {@link CircuitBreaker#of} instead.
   *
   * @param name the breaker's name
   * @param config the rules
   * @param clock the time source
   */
  public CircuitBreakerStateMachine(String name, CircuitBreakerConfig config, Clock clock) {
    this.name = Objects.requireNonNull(name, "name");
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.state = new AtomicReference<>(newClosed(new BreakerMetrics()));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public CircuitBreakerConfig config() {
    return config;
  }

  @Override
  public State state() {
    return state.get().state();
  }

  // ---- permission -------------------------------------------------------------------------

  /** The state that admitted the call, or null when it was refused. */
  private @Nullable BreakerState admit() {
    while (true) {
      BreakerState current = state.get();
      if (current.tryAcquire(clock.instant())) {
        current.metrics.onPermitted();
        return current;
      }
      if (state.get() == current) {
        current.metrics.onRejected();
        return null;
      }
      // the state changed (a time-driven transition, or another thread's): ask the new one
    }
  }

  private CircuitOpenException refusal() {
    BreakerState current = state.get();
    return new CircuitOpenException(
        name,
        current.remainingOpen(clock.instant()),
        current.openedBecause(),
        current.lastFailure());
  }

  @Override
  public boolean tryAcquirePermission() {
    return admit() != null;
  }

  @Override
  public void acquirePermission() {
    if (admit() == null) {
      throw refusal();
    }
  }

  // ---- outcomes ---------------------------------------------------------------------------

  private void succeeded(BreakerState admittedBy) {
    admittedBy.metrics.onSuccess(clock.instant());
    admittedBy.onSuccess();
  }

  private void failed(BreakerState admittedBy, Throwable failure) {
    if (config.countsAsFailure(failure)) {
      admittedBy.metrics.onFailure(clock.instant());
      admittedBy.onFailure(failure);
    } else {
      admittedBy.onRelease();
    }
  }

  @Override
  public void onSuccess() {
    succeeded(state.get());
  }

  @Override
  public void onError(Throwable failure) {
    Objects.requireNonNull(failure, "failure");
    failed(state.get(), failure);
  }

  @Override
  public void releasePermission() {
    state.get().onRelease();
  }

  // ---- decorated calls --------------------------------------------------------------------

  @Override
  public <T> T call(Supplier<T> call) {
    Objects.requireNonNull(call, "call");
    BreakerState admittedBy = admit();
    if (admittedBy == null) {
      throw refusal();
    }
    T result;
    try {
      result = call.get();
    } catch (Throwable t) {
      failed(admittedBy, t);
      throw t;
    }
    succeeded(admittedBy);
    return result;
  }

  @Override
  public <T> CompletableFuture<T> callAsync(Supplier<? extends CompletionStage<T>> call) {
    Objects.requireNonNull(call, "call");
    BreakerState admittedBy = admit();
    if (admittedBy == null) {
      return CompletableFuture.failedFuture(refusal());
    }
    CompletionStage<T> stage;
    try {
      stage = Objects.requireNonNull(call.get(), "the call returned a null stage");
    } catch (Throwable t) {
      failed(admittedBy, t);
      return CompletableFuture.failedFuture(t);
    }
    CompletableFuture<T> result = new CompletableFuture<>();
    AtomicBoolean settled = new AtomicBoolean();
    result.whenComplete(
        (value, failure) -> {
          if (result.isCancelled() && settled.compareAndSet(false, true)) {
            admittedBy.onRelease();
            if (stage instanceof Future<?> future) {
              future.cancel(true);
            }
          }
        });
    stage.whenComplete(
        (value, failure) -> {
          if (settled.compareAndSet(false, true)) {
            if (failure == null) {
              succeeded(admittedBy);
            } else {
              failed(admittedBy, failure);
            }
          }
          if (failure == null) {
            result.complete(value);
          } else {
            result.completeExceptionally(Throwables.unwrap(failure));
          }
        });
    return result;
  }

  // ---- transitions ------------------------------------------------------------------------

  private ClosedState newClosed(BreakerMetrics metrics) {
    return new ClosedState(this, metrics, FailureTracker.of(config));
  }

  private OpenState newOpen(
      BreakerMetrics metrics, String openedBecause, @Nullable Throwable lastFailure) {
    return new OpenState(
        this,
        metrics,
        clock.instant().plus(config.openDuration()),
        openedBecause,
        lastFailure == null ? null : Throwables.unwrap(lastFailure));
  }

  void toOpen(BreakerState from, String openedBecause, @Nullable Throwable lastFailure) {
    transition(from, newOpen(from.metrics, openedBecause, lastFailure));
  }

  void toHalfOpen(BreakerState from) {
    Instant deadline = clock.instant().plus(config.maxWaitInHalfOpen());
    transition(
        from,
        new HalfOpenState(
            this, from.metrics, config.halfOpenMaxCalls(), config.successThreshold(), deadline));
  }

  void toClosed(BreakerState from) {
    transition(from, newClosed(from.metrics));
  }

  private boolean transition(BreakerState from, BreakerState to) {
    if (!state.compareAndSet(from, to)) {
      return false;
    }
    if (from.state() != to.state()) {
      to.metrics.stateChanges.increment();
      notifyListeners(from.state(), to.state());
    }
    return true;
  }

  private void notifyListeners(State from, State to) {
    for (StateListener listener : listeners) {
      notifySafely(listener, name, from, to);
    }
  }

  static void notifySafely(StateListener listener, String name, State from, State to) {
    try {
      listener.onStateChange(name, from, to);
    } catch (RuntimeException e) {
      log.warn("circuit breaker {} state listener failed on {} -> {}", name, from, to, e);
    }
  }

  @Override
  public void addListener(StateListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  @Override
  public boolean removeListener(StateListener listener) {
    return listeners.remove(listener);
  }

  @Override
  public void reset() {
    // totals are lifetime figures and survive a reset; the failure count starts again
    BreakerMetrics metrics = state.get().metrics;
    metrics.consecutiveFailures.set(0);
    BreakerState previous = state.getAndSet(newClosed(metrics));
    if (previous.state() != State.CLOSED) {
      metrics.stateChanges.increment();
      notifyListeners(previous.state(), State.CLOSED);
    }
  }

  @Override
  public void transitionToOpen() {
    while (true) {
      BreakerState current = state.get();
      if (transition(current, newOpen(current.metrics, "being opened by hand", null))) {
        return;
      }
    }
  }

  @Override
  public void transitionToClosed() {
    while (true) {
      BreakerState current = state.get();
      if (transition(current, newClosed(current.metrics))) {
        return;
      }
    }
  }

  // ---- status -----------------------------------------------------------------------------

  @Override
  public CircuitBreakerStatus status() {
    BreakerState current = state.get();
    BreakerMetrics m = current.metrics;
    long failures = m.failures.sum();
    long successes = m.successes.sum();
    long counted = failures + successes;
    return new CircuitBreakerStatus(
        name,
        current.state(),
        m.consecutiveFailures.get(),
        m.calls.sum(),
        failures,
        successes,
        m.rejected.sum(),
        counted == 0 ? 0.0 : failures * 100.0 / counted,
        m.stateChanges.sum(),
        m.lastFailureTime,
        m.lastSuccessTime);
  }

  @Override
  public String toString() {
    return "CircuitBreaker[" + name + ", " + state() + "]";
  }
}
