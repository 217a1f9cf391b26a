package dev.trinity.core.internal.pipeline;

import dev.trinity.core.Scheduler;
import dev.trinity.logging.CorrelationContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * What every stage of one call shares: the correlation id, the deadline, the attempt count, time,
 * and cancellation. Cancelling the call cancels the exchange in flight and any pending timer.
 */
public final class CallContext {
  private final String correlationId;
  private final String provider;
  private final String model;
  private final Clock clock;
  private final Scheduler scheduler;
  private final Instant start;
  private final Duration timeout;
  private final Instant deadline;
  private final AtomicInteger attempts = new AtomicInteger();
  private final AtomicReference<@Nullable Future<?>> inFlight = new AtomicReference<>();
  private final AtomicReference<Scheduler.@Nullable Cancellable> timer = new AtomicReference<>();
  private volatile boolean cancelled;

  CallContext(
      String correlationId,
      String provider,
      String model,
      Clock clock,
      Scheduler scheduler,
      Duration timeout) {
    this.correlationId = correlationId;
    this.provider = provider;
    this.model = model;
    this.clock = clock;
    this.scheduler = scheduler;
    this.start = clock.instant();
    this.timeout = timeout;
    this.deadline = start.plus(timeout);
  }

  /** The correlation id of this call's log lines. */
  public String correlationId() {
    return correlationId;
  }

  /** Opens an MDC scope with this call's correlation id, for logging from any thread. */
  public CorrelationContext scope() {
    return CorrelationContext.open(correlationId);
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

  /** Whether the caller cancelled or the deadline passed. */
  public boolean isCancelled() {
    return cancelled;
  }

  /** Records the exchange in flight, so that cancelling the call aborts it. */
  public void track(Future<?> exchange) {
    inFlight.set(exchange);
    if (cancelled) {
      exchange.cancel(true);
    }
  }

  /** Records a pending timer (a retry back-off), so that cancelling the call drops it. */
  public void track(Scheduler.Cancellable pending) {
    timer.set(pending);
    if (cancelled) {
      pending.cancel();
    }
  }

  /** Cancels the call: the exchange in flight is aborted and no timer fires. Idempotent. */
  public void cancel() {
    cancelled = true;
    Future<?> f = inFlight.getAndSet(null);
    if (f != null) {
      f.cancel(true);
    }
    Scheduler.Cancellable t = timer.getAndSet(null);
    if (t != null) {
      t.cancel();
    }
  }
}
