package dev.trinity.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.core.testing.VirtualScheduler;
import dev.trinity.test.VirtualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real threads starting and finishing calls; the limiter's timers run on virtual time. */
class ConcurrencyLimiterThreadsTest {
  private static final int CALLS = 1000;
  private static final int SUBMITTERS = 4;
  private static final int COMPLETERS = 4;
  private static final int LIMIT = 8;

  private final VirtualTime time = new VirtualTime();
  private final ExecutorService pool = Executors.newFixedThreadPool(SUBMITTERS + COMPLETERS);

  @AfterEach
  void stopThreads() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aThousandCallsFromSeveralThreadsNeverExceedTheLimitAndAllComplete() throws Exception {
    ConcurrencyLimiter limiter =
        ConcurrencyLimiter.of(
            "ollama",
            ConcurrencyLimitConfig.builder().maxConcurrency(LIMIT).build(),
            time.clock(),
            VirtualScheduler.of(time));
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostRunning = new AtomicInteger();
    BlockingQueue<CompletableFuture<Integer>> started = new LinkedBlockingQueue<>();
    AtomicInteger finished = new AtomicInteger();

    List<Future<List<CompletableFuture<Integer>>>> submitted = new ArrayList<>();
    for (int s = 0; s < SUBMITTERS; s++) {
      submitted.add(
          pool.submit(
              () -> {
                List<CompletableFuture<Integer>> results = new ArrayList<>();
                for (int i = 0; i < CALLS / SUBMITTERS; i++) {
                  int n = i;
                  results.add(
                      limiter.callAsync(
                          () -> {
                            mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                            CompletableFuture<Integer> call = new CompletableFuture<>();
                            started.add(call);
                            return call.thenApply(v -> n);
                          },
                          Duration.ofHours(1)));
                }
                return results;
              }));
    }
    for (int c = 0; c < COMPLETERS; c++) {
      pool.submit(
          () -> {
            while (finished.get() < CALLS) {
              CompletableFuture<Integer> call = started.poll(100, TimeUnit.MILLISECONDS);
              if (call != null) {
                running.decrementAndGet(); // before completing: the permit is still held here
                finished.incrementAndGet();
                call.complete(0);
              }
            }
            return null;
          });
    }

    List<CompletableFuture<Integer>> results = new ArrayList<>();
    for (Future<List<CompletableFuture<Integer>>> f : submitted) {
      results.addAll(f.get(30, TimeUnit.SECONDS));
    }
    CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

    assertThat(results).hasSize(CALLS).allSatisfy(r -> assertThat(r).isCompleted());
    assertThat(finished).hasValue(CALLS);
    assertThat(mostRunning.get()).isBetween(1, LIMIT);
    assertThat(limiter.inFlight()).isZero();
    assertThat(limiter.queued()).isZero();
    assertThat(time.pendingCount()).as("no waiter's timer is left behind").isZero();
  }
}
