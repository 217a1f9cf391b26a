package dev.trinity.core.internal.pipeline;

import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.ResponseValidator;
import dev.trinity.core.Scheduler;
import dev.trinity.core.observe.CallInfo;
import dev.trinity.logging.CorrelationContext;
import dev.trinity.logging.MdcSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What every stage of one call shares: the correlation id, the deadline, the attempt count, time,
 * and cancellation. Cancelling the call cancels the exchange in flight and any pending timer.
 */
public final class CallContext {
  private final String correlationId;
  private final CallMdc mdc;
  private final String provider;
  private final String model;
  private final Clock clock;
  private final Scheduler scheduler;
  private final Instant start;
  private final Duration timeout;
  private final Instant deadline;
  private final AtomicInteger attempts;
  private final Supplier<String> requestKey;
  private final ResponseValidator validator;
  private final @Nullable Thread waitingCaller;
  private final @Nullable StreamCall stream;
  private final Listeners listeners;
  private final @Nullable CallInfo info;
  private volatile boolean joined;
  private @Nullable List<Runnable> onCancel; // made on the first action: most calls add none
  private volatile @Nullable LlmResponse settledAnswer;
  private boolean cancelled;
  private volatile @Nullable CompletableFuture<?> stored; // null: nothing written

  CallContext(
      String correlationId,
      MdcSnapshot callerMdc,
      String provider,
      String model,
      Clock clock,
      Scheduler scheduler,
      Duration timeout,
      Supplier<String> requestKey,
      ResponseValidator validator,
      @Nullable Thread waitingCaller,
      @Nullable StreamCall stream,
      Listeners listeners,
      LlmRequest request) {
    this.correlationId = correlationId;
    this.mdc = new CallMdc(callerMdc.with(CorrelationContext.MDC_KEY, correlationId));
    this.provider = provider;
    this.model = model;
    this.clock = clock;
    this.scheduler = scheduler;
    this.start = clock.instant();
    this.timeout = timeout;
    this.deadline = start.plus(timeout);
    this.attempts = new AtomicInteger();
    this.requestKey = memoize(requestKey);
    this.validator = validator;
    this.waitingCaller = waitingCaller;
    this.stream = stream;
    this.listeners = listeners;
    this.info =
        listeners.isEmpty() ? null : new CallInfo(request, correlationId, provider, model, start);
  }

  private CallContext(CallContext parent) {
    this(parent, parent.provider, parent.model, parent.requestKey);
  }

  private CallContext(
      CallContext parent, String provider, String model, Supplier<String> requestKey) {
    this.correlationId = parent.correlationId;
    this.mdc = parent.mdc;
    this.provider = provider;
    this.model = model;
    this.clock = parent.clock;
    this.scheduler = parent.scheduler;
    this.start = parent.start;
    this.timeout = parent.timeout;
    this.deadline = parent.deadline;
    this.attempts = parent.attempts;
    this.requestKey = requestKey;
    this.validator = parent.validator;
    this.waitingCaller = parent.waitingCaller;
    this.stream = parent.stream;
    this.listeners = parent.listeners;
    this.info = parent.info;
  }

  /** The subscriber's side when this call streams; null for a call answered whole. */
  @Nullable StreamCall stream() {
    return stream;
  }

  /** Whether this call streams. */
  public boolean streams() {
    return stream != null;
  }

  /**
   * Whether this call streams and a text chunk has reached the subscriber: from then on it must not
   * be retried, or the subscriber would see text twice.
   */
  public boolean streamStarted() {
    return stream != null && stream.started();
  }

  /** The instance's listeners. */
  public Listeners listeners() {
    return listeners;
  }

  /**
   * The call as listeners see it.
   *
   * @throws IllegalStateException when there are no listeners (check {@link Listeners#isEmpty()})
   */
  public CallInfo info() {
    CallInfo i = info;
    if (i == null) {
      throw new IllegalStateException("no listeners, no call info");
    }
    return i;
  }

  /** Records that this caller took the answer of an identical call in flight. */
  public void joined() {
    joined = true;
  }

  /** Whether this caller took the answer of an identical call in flight. */
  public boolean hasJoined() {
    return joined;
  }

  /** Time from submission until now, never negative. */
  public Duration elapsedNonNegative() {
    Duration d = elapsed();
    return d.isNegative() ? Duration.ZERO : d;
  }

  /**
   * Whether the current thread is the caller's and the caller blocks until the answer comes (the
   * blocking client), so that the exchange may run on it. False once the thread is interrupted: an
   * interrupted caller gives up waiting, and work shared with others goes on without it.
   */
  public boolean callerWaitsOnThisThread() {
    Thread t = waitingCaller;
    return t == Thread.currentThread() && !t.isInterrupted();
  }

  /** Decides whether an answer may be returned and cached. */
  public ResponseValidator validator() {
    return validator;
  }

  /**
   * A context for work shared by several calls (a coalesced flight): same id, deadline, attempt
   * counter and key, but its own cancellation, so that one caller cancelling does not abort it.
   */
  public CallContext fork() {
    return new CallContext(this);
  }

  /**
   * A context for the same call sent to the next provider of the fallback chain: same id, deadline,
   * attempt counter and validator, with that provider's name, model and request key. Cancelling
   * this call cancels it.
   */
  CallContext forProvider(String provider, String model, Supplier<String> requestKey) {
    CallContext next = new CallContext(this, provider, model, memoize(requestKey));
    onCancel(next::cancel);
    return next;
  }

  /** The request's cache key: SHA-256 hex of everything that changes the answer. */
  public String requestKey() {
    return requestKey.get();
  }

  /** The correlation id of this call's log lines. */
  public String correlationId() {
    return correlationId;
  }

  /**
   * Puts the caller's MDC, with this call's correlation id, on the current thread until the scope
   * closes; then the thread's own MDC comes back. Every stage callback and timer runs inside one,
   * so that every log line of the call carries the id whatever thread it runs on.
   */
  public MdcSnapshot.Scope scope() {
    if (mdc.inside == Thread.currentThread()) {
      return MdcSnapshot.Scope.none(); // inside the call's own scope already (see enter())
    }
    return mdc.snapshot.apply();
  }

  /**
   * Opens the call's scope for the steps that run on this thread up to the exchange. Until it
   * closes, {@link #scope()} on this thread changes nothing, so that the stages, each of which
   * opens the call's scope for its own callbacks, pay for it once.
   *
   * @return the scope, to close on this thread
   */
  Entered enter() {
    MdcSnapshot.Scope scope = mdc.snapshot.apply();
    mdc.inside = Thread.currentThread();
    return () -> {
      mdc.inside = null;
      scope.close();
    };
  }

  /** The scope {@link #enter()} opened. */
  @FunctionalInterface
  interface Entered extends AutoCloseable {
    @Override
    void close();
  }

  /** The call's MDC, and the thread inside the call's outermost scope, if any; forks share it. */
  private static final class CallMdc {
    final MdcSnapshot snapshot;
    volatile @Nullable Thread inside;

    CallMdc(MdcSnapshot snapshot) {
      this.snapshot = snapshot;
    }
  }

  /** The provider's name. */
  public String provider() {
    return provider;
  }

  /** The model asked for. */
  public String model() {
    return model;
  }

  /** The injected clock. */
  public Clock clock() {
    return clock;
  }

  /** The injected scheduler. */
  public Scheduler scheduler() {
    return scheduler;
  }

  /** The deadline covering every attempt. */
  public Duration timeout() {
    return timeout;
  }

  /** Time from submission until now. */
  public Duration elapsed() {
    return Duration.between(start, clock.instant());
  }

  /** Time until the deadline; zero or negative once it has passed. */
  public Duration timeLeft() {
    return Duration.between(clock.instant(), deadline);
  }

  /** Counts a new provider attempt and returns its number, from 1. */
  public int nextAttempt() {
    return attempts.incrementAndGet();
  }

  /** Provider attempts made so far. */
  public int attempts() {
    return attempts.get();
  }

  /**
   * Records the cache write of this call's answer, so that {@link #stored()} can tell when every
   * tier has stored or dropped it.
   */
  public void storing(CompletableFuture<?> write) {
    stored = write;
  }

  /**
   * Completes when the cache write recorded with {@link #storing} ends (at once when there was
   * none); never exceptionally.
   */
  public CompletableFuture<?> stored() {
    CompletableFuture<?> write = stored;
    return write == null ? CompletableFuture.completedFuture(null) : write.handle((v, e) -> null);
  }

  /**
   * Records the answer of an identical call that has finished while its cache writes are still
   * running: the cache stage serves it when no tier has the answer yet, instead of calling the
   * provider again.
   */
  public void settledAnswer(LlmResponse answer) {
    settledAnswer = answer;
  }

  /** The answer recorded with {@link #settledAnswer(LlmResponse)}, if any. */
  public Optional<LlmResponse> settledAnswer() {
    return Optional.ofNullable(settledAnswer);
  }

  /** Whether the caller cancelled or the deadline passed. */
  public synchronized boolean isCancelled() {
    return cancelled;
  }

  /** Records the exchange in flight, so that cancelling the call aborts it. */
  public void track(Future<?> exchange) {
    onCancel(() -> exchange.cancel(true));
  }

  /** Records a pending timer (a retry back-off), so that cancelling the call drops it. */
  public void track(Scheduler.Cancellable pending) {
    onCancel(pending::cancel);
  }

  /** Runs an action when the call is cancelled; at once if it already is. */
  public void onCancel(Runnable action) {
    synchronized (this) {
      if (!cancelled) {
        if (onCancel == null) {
          onCancel = new ArrayList<>(2);
        }
        onCancel.add(action);
        return;
      }
    }
    action.run();
  }

  /** Cancels the call: the exchange in flight is aborted and no timer fires. Idempotent. */
  public void cancel() {
    List<Runnable> actions;
    synchronized (this) {
      if (cancelled) {
        return;
      }
      cancelled = true;
      actions = onCancel == null ? List.of() : onCancel;
      onCancel = null;
    }
    for (Runnable a : actions) {
      a.run();
    }
  }

  private static Supplier<String> memoize(Supplier<String> s) {
    return new Supplier<>() {
      private volatile @Nullable String value;

      @Override
      public String get() {
        String v = value;
        if (v == null) {
          v = s.get();
          value = v;
        }
        return v;
      }
    };
  }
}
