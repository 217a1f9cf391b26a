package dev.trinity.core.resilience.internal;

import dev.trinity.api.ConcurrencyLimitExceededException;
import dev.trinity.api.ConcurrencyLimitExceededException.Reason;
import dev.trinity.api.internal.Throwables;
import dev.trinity.core.Scheduler;
import dev.trinity.core.resilience.ConcurrencyLimitConfig;
import dev.trinity.core.resilience.ConcurrencyLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The {@link ConcurrencyLimiter}: a count of permits out and a FIFO queue of waiters (an insertion-
 * ordered set, so a cancelled waiter leaves in constant time) under one short lock. Futures are
 * completed only after the lock is released, so a caller's continuation never runs under it.
 */
public final class DefaultConcurrencyLimiter implements ConcurrencyLimiter {
  private final String name;
  private final ConcurrencyLimitConfig config;
  private final Clock clock;
  private final Scheduler scheduler;

  private final Object lock = new Object();
  private final LimitAlgorithm algorithm; // guarded by lock
  private final LinkedHashSet<Waiter> waiters = new LinkedHashSet<>(); // guarded by lock
  private int inFlight; // guarded by lock

  /**
   * Creates a limiter; use {@link ConcurrencyLimiter#of} instead.
   *
   * @param name the limiter's name
   * @param config the limits
   * @param clock the time source for latencies
   * @param scheduler times the waits
   */
  public DefaultConcurrencyLimiter(
      String name, ConcurrencyLimitConfig config, Clock clock, Scheduler scheduler) {
    this.name = Objects.requireNonNull(name, "name");
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.algorithm = LimitAlgorithm.of(config);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ConcurrencyLimitConfig config() {
    return config;
  }

  // ---- acquiring --------------------------------------------------------------------------

  @Override
  public CompletableFuture<Permit> acquire(Duration maxWait) {
    Objects.requireNonNull(maxWait, "maxWait");
    Waiter waiter;
    synchronized (lock) {
      if (waiters.isEmpty() && inFlight < algorithm.limit()) {
        return CompletableFuture.completedFuture(grantLocked());
      }
      if (waiters.size() >= config.queueCapacity()) {
        return CompletableFuture.failedFuture(refusal(Reason.QUEUE_FULL, maxWait));
      }
      if (maxWait.isZero() || maxWait.isNegative()) {
        return CompletableFuture.failedFuture(refusal(Reason.WAIT_EXCEEDED, maxWait));
      }
      waiter = new Waiter(maxWait);
      waiters.add(waiter);
    }
    try {
      waiter.timer = scheduler.schedule(() -> expire(waiter), maxWait);
    } catch (RuntimeException e) { // a wait the scheduler cannot time, such as one that overflows
      leave(waiter);
      waiter.future.completeExceptionally(e); // unless a permit reached it first
    }
    waiter.future.whenComplete(
        (permit, failure) -> {
          waiter.cancelTimer();
          if (failure != null) {
            leave(waiter); // cancelled by the caller; a waiter that timed out has already left
          }
        });
    return waiter.future;
  }

  @Override
  public Optional<Permit> tryAcquire() {
    synchronized (lock) {
      if (waiters.isEmpty() && inFlight < algorithm.limit()) {
        return Optional.of(grantLocked());
      }
      return Optional.empty();
    }
  }

  private PermitImpl grantLocked() {
    inFlight++;
    return new PermitImpl(clock.instant(), algorithm.generation(), inFlight);
  }

  private ConcurrencyLimitExceededException refusal(Reason reason, Duration maxWait) {
    return new ConcurrencyLimitExceededException(
        name, reason, algorithm.limit(), config.queueCapacity(), maxWait);
  }

  private void expire(Waiter waiter) {
    ConcurrencyLimitExceededException refused;
    synchronized (lock) {
      if (!waiters.remove(waiter)) {
        return; // served or cancelled first
      }
      refused = refusal(Reason.WAIT_EXCEEDED, waiter.maxWait);
    }
    waiter.future.completeExceptionally(refused);
  }

  private void leave(Waiter waiter) {
    synchronized (lock) {
      waiters.remove(waiter);
    }
  }

  // ---- releasing --------------------------------------------------------------------------

  private void release(PermitImpl permit, Outcome outcome) {
    List<Grant> grants = new ArrayList<>(1);
    synchronized (lock) {
      inFlight--;
      algorithm.onOutcome(outcome, permit.generation, permit.inFlightAtGrant);
      Iterator<Waiter> queue = waiters.iterator();
      while (inFlight < algorithm.limit() && queue.hasNext()) {
        Waiter next = queue.next();
        queue.remove();
        grants.add(new Grant(next, grantLocked()));
      }
    }
    for (Grant grant : grants) {
      grant.waiter.cancelTimer();
      if (!grant.waiter.future.complete(grant.permit)) {
        grant.permit.release(); // the waiter was cancelled meanwhile: pass the permit on
      }
    }
  }

  // ---- decorated call ---------------------------------------------------------------------

  @Override
  public <T> CompletableFuture<T> callAsync(
      Supplier<? extends CompletionStage<T>> call, Duration maxWait) {
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(maxWait, "maxWait");
    CompletableFuture<T> result = new CompletableFuture<>();
    Optional<Permit> free = tryAcquire();
    if (free.isPresent()) { // the usual case: no waiting, so no future for the permit
      run(call, free.get(), result);
      return result;
    }
    CompletableFuture<Permit> acquiring = acquire(maxWait);
    result.whenComplete(
        (value, failure) -> {
          if (result.isCancelled()) {
            acquiring.cancel(false);
          }
        });
    acquiring.whenComplete(
        (permit, failure) -> {
          if (failure != null) {
            result.completeExceptionally(Throwables.unwrap(failure));
          } else if (result.isDone()) {
            permit.release(); // cancelled while the permit was on its way
          } else {
            run(call, permit, result);
          }
        });
    return result;
  }

  private <T> void run(
      Supplier<? extends CompletionStage<T>> call, Permit permit, CompletableFuture<T> result) {
    CompletionStage<T> stage;
    try {
      stage = Objects.requireNonNull(call.get(), "the call returned a null stage");
    } catch (Throwable t) {
      permit.release(outcomeOf(t));
      result.completeExceptionally(t);
      return;
    }
    result.whenComplete(
        (value, failure) -> {
          if (result.isCancelled()) {
            permit.release();
            if (stage instanceof Future<?> future) {
              future.cancel(true);
            }
          }
        });
    stage.whenComplete(
        (value, failure) -> {
          if (failure == null) {
            permit.release(Outcome.success(Duration.between(permit.grantedAt(), clock.instant())));
            result.complete(value);
          } else {
            permit.release(outcomeOf(failure));
            result.completeExceptionally(Throwables.unwrap(failure));
          }
        });
  }

  private Outcome outcomeOf(Throwable failure) {
    Throwable t = Throwables.unwrap(failure);
    if (t instanceof CancellationException || !config.dropPredicate().test(t)) {
      return Outcome.ignored();
    }
    return Outcome.dropped();
  }

  // ---- views ------------------------------------------------------------------------------

  @Override
  public int currentLimit() {
    synchronized (lock) {
      return algorithm.limit();
    }
  }

  @Override
  public int inFlight() {
    synchronized (lock) {
      return inFlight;
    }
  }

  @Override
  public int queued() {
    synchronized (lock) {
      return waiters.size();
    }
  }

  @Override
  public String toString() {
    synchronized (lock) {
      return "ConcurrencyLimiter["
          + name
          + ", limit="
          + algorithm.limit()
          + ", inFlight="
          + inFlight
          + ", queued="
          + waiters.size()
          + "]";
    }
  }

  // ---- parts ------------------------------------------------------------------------------

  /** A caller waiting for a permit. Identity equality: each is its own queue entry. */
  private static final class Waiter {
    final CompletableFuture<Permit> future = new CompletableFuture<>();
    final Duration maxWait;
    volatile Scheduler.@Nullable Cancellable timer;

    Waiter(Duration maxWait) {
      this.maxWait = maxWait;
    }

    void cancelTimer() {
      Scheduler.Cancellable t = timer;
      if (t != null) {
        t.cancel();
      }
    }
  }

  private record Grant(Waiter waiter, PermitImpl permit) {}

  private final class PermitImpl implements Permit {
    private final Instant grantedAt;
    private final long generation;
    private final int inFlightAtGrant;
    private final AtomicBoolean released = new AtomicBoolean();

    PermitImpl(Instant grantedAt, long generation, int inFlightAtGrant) {
      this.grantedAt = grantedAt;
      this.generation = generation;
      this.inFlightAtGrant = inFlightAtGrant;
    }

    @Override
    public Instant grantedAt() {
      return grantedAt;
    }

    @Override
    public void release(Outcome outcome) {
      Objects.requireNonNull(outcome, "outcome");
      if (released.compareAndSet(false, true)) {
        DefaultConcurrencyLimiter.this.release(this, outcome);
      }
    }

    @Override
    public String toString() {
      return "Permit["
          + name
          + ", granted at "
          + grantedAt
          + (released.get() ? ", released]" : "]");
    }
  }
}
