package dev.trinity.core.resilience;

import static dev.trinity.core.resilience.ProviderFailures.serverError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.core.resilience.CircuitBreaker.State;
import dev.trinity.test.VirtualTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real threads racing for the half-open probe places; time stays virtual and nothing sleeps. */
class CircuitBreakerStampedeTest {
  private static final int THREADS = 50;
  private static final int ROUNDS = 1000;
  private static final int ASYNC_ROUNDS = 100;
  private static final int PROBES = 3;

  private final VirtualTime time = new VirtualTime();
  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
  private final CircuitBreaker breaker =
      CircuitBreaker.of(
          "ollama",
          CircuitBreakerConfig.consecutiveFailures().toBuilder()
              .failureThreshold(1)
              .halfOpenMaxCalls(PROBES)
              .build(),
          time.clock());

  @AfterEach
  void stopThreads() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  /** Runs {@code task} on every thread at once, released together by a barrier. */
  private <T> List<T> stampede(Callable<T> task) throws Exception {
    CyclicBarrier start = new CyclicBarrier(THREADS);
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      futures.add(
          pool.submit(
              () -> {
                start.await(10, TimeUnit.SECONDS);
                return task.call();
              }));
    }
    List<T> results = new ArrayList<>();
    for (Future<T> f : futures) {
      results.add(f.get(10, TimeUnit.SECONDS));
    }
    return results;
  }

  @Test
  void fiftyThreadsAtTheEndOfTheOpenDurationGetExactlyTheHalfOpenPermits() throws Exception {
    breaker.onError(serverError());
    AtomicInteger toHalfOpen = new AtomicInteger();
    breaker.addListener(
        (name, from, to) -> {
          if (from == State.OPEN && to == State.HALF_OPEN) {
            toHalfOpen.incrementAndGet();
          }
        });

    for (int round = 0; round < ROUNDS; round++) {
      time.advance(CircuitBreakerConfig.DEFAULT_OPEN_DURATION);

      List<Boolean> admitted = stampede(breaker::tryAcquirePermission);

      assertThat(admitted).filteredOn(a -> a).hasSize(PROBES);
      assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
      assertThat(toHalfOpen)
          .as("OPEN -> HALF_OPEN events after round %d", round)
          .hasValue(round + 1);
      breaker.onError(serverError());
      assertThat(breaker.state()).isEqualTo(State.OPEN);
    }
    assertThat(breaker.status().totalCalls()).isEqualTo(ROUNDS * PROBES);
    assertThat(breaker.status().totalRejected()).isEqualTo(ROUNDS * (THREADS - PROBES));
  }

  @Test
  void fiftyAsyncCallersAtTheEndOfTheOpenDurationStartExactlyTheHalfOpenProbes() throws Exception {
    breaker.onError(serverError());

    for (int round = 0; round < ASYNC_ROUNDS; round++) {
      time.advance(CircuitBreakerConfig.DEFAULT_OPEN_DURATION);
      AtomicInteger started = new AtomicInteger();
      ConcurrentLinkedQueue<CompletableFuture<String>> probes = new ConcurrentLinkedQueue<>();

      List<CompletableFuture<String>> results =
          stampede(
              () ->
                  breaker.callAsync(
                      () -> {
                        started.incrementAndGet();
                        CompletableFuture<String> probe = new CompletableFuture<>();
                        probes.add(probe);
                        return probe;
                      }));

      assertThat(started).hasValue(PROBES);
      assertThat(results)
          .filteredOn(CompletableFuture::isCompletedExceptionally)
          .hasSize(THREADS - PROBES);
      probes.forEach(p -> p.completeExceptionally(serverError()));
      assertThat(breaker.state()).isEqualTo(State.OPEN);
    }
  }

  @Test
  void outcomesRecordedConcurrentlyAreNeitherLostNorDoubled() throws Exception {
    CircuitBreaker rateBreaker =
        CircuitBreaker.of(
            "openai",
            CircuitBreakerConfig.consecutiveFailures().toBuilder()
                .mode(CircuitBreakerConfig.Mode.FAILURE_RATE)
                .slidingWindowSize(200)
                .minimumNumberOfCalls(100)
                .failureRateThreshold(50)
                .build(),
            time.clock());
    AtomicInteger opened = new AtomicInteger();
    rateBreaker.addListener(
        (name, from, to) -> {
          if (to == State.OPEN) {
            opened.incrementAndGet();
          }
        });

    AtomicInteger next = new AtomicInteger();
    stampede(
        () -> {
          for (int i = 0; i < 2; i++) {
            boolean fail = next.getAndIncrement() < 49;
            try {
              rateBreaker.call(
                  () -> {
                    if (fail) {
                      throw serverError();
                    }
                    return "ok";
                  });
            } catch (RuntimeException expected) {
              // the 49 failures
            }
          }
          return null;
        });

    assertThat(rateBreaker.state()).as("49 of 100 failed").isEqualTo(State.CLOSED);
    assertThat(rateBreaker.status().totalCalls()).isEqualTo(100);
    assertThat(rateBreaker.status().totalFailures()).isEqualTo(49);
    rateBreaker.onError(serverError());
    assertThat(rateBreaker.state()).as("50 of 101 failed").isEqualTo(State.CLOSED);
    rateBreaker.onError(serverError());
    assertThat(rateBreaker.state()).as("51 of 102 failed").isEqualTo(State.OPEN);
    assertThat(opened).hasValue(1);
  }
}
