package dev.trinity.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.ConcurrencyLimitExceededException;
import dev.trinity.api.ConcurrencyLimitExceededException.Reason;
import dev.trinity.core.resilience.ConcurrencyLimiter.Permit;
import dev.trinity.core.testing.VirtualScheduler;
import dev.trinity.test.VirtualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConcurrencyLimiterTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  private final VirtualTime time = new VirtualTime();

  private ConcurrencyLimiter limiter(int max, int queue) {
    return ConcurrencyLimiter.of(
        "ollama",
        ConcurrencyLimitConfig.builder().maxConcurrency(max).queueCapacity(queue).build(),
        time.clock(),
        VirtualScheduler.of(time));
  }

  private static Permit permitOf(CompletableFuture<Permit> f) {
    assertThat(f).isCompleted();
    return f.join();
  }

  private static ConcurrencyLimitExceededException refusalOf(CompletableFuture<?> f) {
    assertThat(f).isCompletedExceptionally();
    Throwable t = f.handle((v, e) -> e).join();
    assertThat(t).isInstanceOf(ConcurrencyLimitExceededException.class);
    return (ConcurrencyLimitExceededException) t;
  }

  @Test
  void aThirdCallerWaitsWhileTwoPermitsAreOut() {
    ConcurrencyLimiter limiter = limiter(2, 10);

    CompletableFuture<Permit> first = limiter.acquire(WAIT);
    CompletableFuture<Permit> second = limiter.acquire(WAIT);
    CompletableFuture<Permit> third = limiter.acquire(WAIT);

    assertThat(first).isCompleted();
    assertThat(second).isCompleted();
    assertThat(third).isNotDone();
    assertThat(limiter.inFlight()).isEqualTo(2);
    assertThat(limiter.queued()).isEqualTo(1);

    permitOf(first).release();

    assertThat(third).isCompleted();
    assertThat(limiter.inFlight()).isEqualTo(2);
    assertThat(limiter.queued()).isZero();
  }

  @Test
  void releasedPermitsGoToTheWaitersInArrivalOrder() {
    ConcurrencyLimiter limiter = limiter(1, 10);
    Permit holder = permitOf(limiter.acquire(WAIT));
    List<String> served = new ArrayList<>();
    List<CompletableFuture<Permit>> waiting = new ArrayList<>();
    for (String name : List.of("a", "b", "c", "d")) {
      CompletableFuture<Permit> f = limiter.acquire(WAIT);
      f.thenRun(() -> served.add(name));
      waiting.add(f);
    }

    holder.release();
    for (CompletableFuture<Permit> f : waiting) {
      permitOf(f).release();
    }

    assertThat(served).containsExactly("a", "b", "c", "d");
    assertThat(limiter.inFlight()).isZero();
  }

  @Test
  void aFullQueueRefusesAtOnceWithATypedError() {
    ConcurrencyLimiter limiter = limiter(1, 2);
    limiter.acquire(WAIT);
    limiter.acquire(WAIT);
    limiter.acquire(WAIT);

    ConcurrencyLimitExceededException refused = refusalOf(limiter.acquire(WAIT));

    assertThat(refused.reason()).isEqualTo(Reason.QUEUE_FULL);
    assertThat(refused.limiterName()).isEqualTo("ollama");
    assertThat(refused.maxConcurrent()).isEqualTo(1);
    assertThat(refused.queueCapacity()).isEqualTo(2);
    assertThat(refused.isRetryable()).isTrue();
    assertThat(refused).hasMessageContaining("'ollama'").hasMessageContaining("queue is full");
    assertThat(limiter.queued()).isEqualTo(2);
  }

  @Test
  void aWaitPastItsDeadlineFailsWithATypedErrorAndLeaksNoPermit() {
    ConcurrencyLimiter limiter = limiter(1, 10);
    Permit holder = permitOf(limiter.acquire(WAIT));
    CompletableFuture<Permit> waiter = limiter.acquire(WAIT);

    time.advance(WAIT.minusMillis(1));
    assertThat(waiter).isNotDone();
    time.advance(Duration.ofMillis(1));

    ConcurrencyLimitExceededException refused = refusalOf(waiter);
    assertThat(refused.reason()).isEqualTo(Reason.WAIT_EXCEEDED);
    assertThat(refused.maxWait()).isEqualTo(WAIT);
    assertThat(refused).hasMessageContaining("5000 ms");
    assertThat(limiter.queued()).isZero();

    holder.release();
    assertThat(limiter.inFlight()).isZero();
    assertThat(limiter.acquire(WAIT)).isCompleted();
  }

  @Test
  void aCallerThatWillNotWaitIsRefusedAtOnceWhenNoPermitIsFree() {
    ConcurrencyLimiter limiter = limiter(1, 10);
    limiter.acquire(Duration.ZERO);

    assertThat(refusalOf(limiter.acquire(Duration.ZERO)).reason()).isEqualTo(Reason.WAIT_EXCEEDED);
    assertThat(limiter.queued()).isZero();
  }

  @Test
  void cancellingAQueuedWaiterRemovesItWithoutTakingAPermit() {
    ConcurrencyLimiter limiter = limiter(1, 10);
    Permit holder = permitOf(limiter.acquire(WAIT));
    CompletableFuture<Permit> cancelled = limiter.acquire(WAIT);
    CompletableFuture<Permit> next = limiter.acquire(WAIT);

    cancelled.cancel(false);

    assertThat(limiter.queued()).isEqualTo(1);
    assertThat(time.pendingCount()).as("the cancelled waiter's timer is gone").isEqualTo(1);
    holder.release();
    assertThat(next).isCompleted();
    assertThat(limiter.inFlight()).isEqualTo(1);
    permitOf(next).release();
    assertThat(limiter.inFlight()).isZero();
    time.advance(WAIT);
    assertThat(limiter.inFlight()).isZero();
  }

  @Test
  void releasingTwiceGivesBackOnePermit() {
    ConcurrencyLimiter limiter = limiter(1, 10);
    Permit holder = permitOf(limiter.acquire(WAIT));
    CompletableFuture<Permit> a = limiter.acquire(WAIT);
    CompletableFuture<Permit> b = limiter.acquire(WAIT);

    holder.release();
    holder.release();
    holder.close();

    assertThat(a).isCompleted();
    assertThat(b).isNotDone();
    assertThat(limiter.inFlight()).isEqualTo(1);
  }

  @Test
  void tryAcquireNeverWaitsAndNeverJumpsTheQueue() {
    ConcurrencyLimiter limiter = limiter(1, 10);
    Permit holder = limiter.tryAcquire().orElseThrow();
    assertThat(limiter.tryAcquire()).isEmpty();
    CompletableFuture<Permit> waiter = limiter.acquire(WAIT);

    holder.release();

    assertThat(waiter).isCompleted();
    assertThat(limiter.tryAcquire()).isEmpty();
  }

  @Test
  void callAsyncReleasesThePermitWhenTheCallSucceedsFailsOrIsCancelled() {
    ConcurrencyLimiter limiter = limiter(1, 10);

    CompletableFuture<String> inner = new CompletableFuture<>();
    CompletableFuture<String> ok = limiter.callAsync(() -> inner, WAIT);
    assertThat(limiter.inFlight()).isEqualTo(1);
    inner.complete("fine");
    assertThat(ok).isCompletedWithValue("fine");
    assertThat(limiter.inFlight()).isZero();

    CompletableFuture<String> failed =
        limiter.callAsync(() -> CompletableFuture.failedFuture(new IllegalStateException()), WAIT);
    assertThat(failed).isCompletedExceptionally();
    assertThat(limiter.inFlight()).isZero();

    CompletableFuture<String> hung = new CompletableFuture<>();
    CompletableFuture<String> cancelled = limiter.callAsync(() -> hung, WAIT);
    cancelled.cancel(true);
    assertThat(hung).as("the cancellation reaches the call").isCancelled();
    assertThat(limiter.inFlight()).isZero();

    CompletableFuture<String> threw =
        limiter.callAsync(
            () -> {
              throw new IllegalStateException("bug");
            },
            WAIT);
    assertThat(threw).isCompletedExceptionally();
    assertThat(limiter.callAsync(() -> null, WAIT)).isCompletedExceptionally();
    assertThat(limiter.inFlight()).isZero();
  }

  @Test
  void aQueuedCallRunsWhenAPermitFreesAndACancelledOneNeverRuns() {
    ConcurrencyLimiter limiter = limiter(1, 10);
    CompletableFuture<String> first = new CompletableFuture<>();
    limiter.callAsync(() -> first, WAIT);
    AtomicInteger runs = new AtomicInteger();
    CompletableFuture<String> cancelled =
        limiter.callAsync(
            () -> {
              runs.incrementAndGet();
              return CompletableFuture.completedFuture("never");
            },
            WAIT);
    CompletableFuture<String> queued =
        limiter.callAsync(
            () -> {
              runs.incrementAndGet();
              return CompletableFuture.completedFuture("second");
            },
            WAIT);

    cancelled.cancel(true);
    assertThat(limiter.queued()).isEqualTo(1);
    first.complete("first");

    assertThat(queued).isCompletedWithValue("second");
    assertThat(runs).hasValue(1);
    assertThat(limiter.inFlight()).isZero();
  }

  @Test
  void aRefusedCallAsyncFailsWithTheTypedErrorAndNeverRuns() {
    ConcurrencyLimiter limiter = limiter(1, 0);
    limiter.callAsync(CompletableFuture::new, WAIT);
    AtomicInteger runs = new AtomicInteger();

    CompletableFuture<String> refused =
        limiter.callAsync(
            () -> {
              runs.incrementAndGet();
              return CompletableFuture.completedFuture("x");
            },
            WAIT);

    assertThat(refused)
        .failsWithin(Duration.ZERO)
        .withThrowableOfType(ExecutionException.class)
        .havingCause()
        .isInstanceOfSatisfying(
            ConcurrencyLimitExceededException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.QUEUE_FULL));
    assertThat(runs).hasValue(0);
  }

  @Test
  void defaultsAllowEightCallsAndAThousandWaiting() {
    ConcurrencyLimiter limiter =
        ConcurrencyLimiter.of(
            "ollama", ConcurrencyLimitConfig.ofDefaults(), time.clock(), VirtualScheduler.of(time));

    for (int i = 0; i < 8 + 1000; i++) {
      limiter.acquire(WAIT);
    }

    assertThat(limiter.currentLimit()).isEqualTo(8);
    assertThat(limiter.inFlight()).isEqualTo(8);
    assertThat(limiter.queued()).isEqualTo(1000);
    assertThat(refusalOf(limiter.acquire(WAIT)).reason()).isEqualTo(Reason.QUEUE_FULL);
    time.advance(WAIT);
    assertThat(limiter.queued()).isZero();
    assertThat(limiter.inFlight()).isEqualTo(8);
  }

  @Test
  void aWaitTheSchedulerCannotTimeFailsTheWaiterAndLeavesTheQueue() {
    ConcurrencyLimiter limiter =
        ConcurrencyLimiter.of(
            "ollama",
            ConcurrencyLimitConfig.builder().maxConcurrency(1).build(),
            time.clock(),
            (task, delay) -> {
              throw new ArithmeticException("long overflow");
            });
    limiter.acquire(WAIT);

    CompletableFuture<Permit> waiter = limiter.acquire(Duration.ofSeconds(Long.MAX_VALUE));

    assertThat(waiter)
        .failsWithin(Duration.ZERO)
        .withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(ArithmeticException.class);
    assertThat(limiter.queued()).isZero();
  }
}
