package dev.trinity.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.core.resilience.CircuitBreaker.State;
import dev.trinity.test.VirtualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 16 threads record 100,000 random outcomes each while one of them resets the breaker now and then
 * and virtual time moves on: every transition heard is a legal one, and the lifetime counters add
 * up exactly to what the threads did.
 */
class CircuitBreakerStressTest {
  private static final int THREADS = 16;
  private static final int OPERATIONS = 100_000;
  private static final Set<String> LEGAL =
      Set.of(
          "CLOSED->OPEN",
          "OPEN->HALF_OPEN",
          "HALF_OPEN->CLOSED", // probes succeeded, or a reset
          "HALF_OPEN->OPEN",
          "OPEN->CLOSED"); // a reset

  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  @AfterEach
  void stop() throws InterruptedException {
    pool.shutdownNow();
    pool.awaitTermination(10, TimeUnit.SECONDS);
  }

  @Test
  void randomOutcomesWithConcurrentResetsKeepTransitionsLegalAndCountersExact() throws Exception {
    VirtualTime time = new VirtualTime();
    CircuitBreaker breaker =
        CircuitBreaker.of(
            "stress",
            CircuitBreakerConfig.consecutiveFailures().toBuilder()
                .failureThreshold(5)
                .openDuration(Duration.ofSeconds(1))
                .halfOpenMaxCalls(2)
                .build(),
            time.clock());
    ConcurrentLinkedQueue<String> transitions = new ConcurrentLinkedQueue<>();
    breaker.addListener((name, from, to) -> transitions.add(from + "->" + to));
    LongAdder permitted = new LongAdder();
    LongAdder rejected = new LongAdder();
    LongAdder failures = new LongAdder();
    LongAdder successes = new LongAdder();
    CyclicBarrier start = new CyclicBarrier(THREADS);

    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int id = t;
      workers.add(
          pool.submit(
              () -> {
                SplittableRandom random = new SplittableRandom(id);
                start.await();
                for (int i = 0; i < OPERATIONS; i++) {
                  if (id == 0 && i % 5_000 == 0) {
                    breaker.reset();
                  }
                  if (id == 1 && i % 500 == 0) {
                    time.advance(Duration.ofMillis(700));
                  }
                  if (!breaker.tryAcquirePermission()) {
                    rejected.increment();
                    continue;
                  }
                  permitted.increment();
                  if (random.nextInt(100) < 30) {
                    failures.increment();
                    breaker.onError(new java.io.IOException("simulated"));
                  } else {
                    successes.increment();
                    breaker.onSuccess();
                  }
                }
                return null;
              }));
    }
    for (Future<?> w : workers) {
      w.get(60, TimeUnit.SECONDS);
    }

    CircuitBreakerStatus status = breaker.status();
    assertThat(transitions).isNotEmpty().allSatisfy(t -> assertThat(LEGAL).contains(t));
    assertThat(transitions).contains("CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->CLOSED");
    assertThat(status.stateChanges()).isEqualTo(transitions.size());
    assertThat(permitted.sum() + rejected.sum()).isEqualTo((long) THREADS * OPERATIONS);
    assertThat(status.totalCalls()).isEqualTo(permitted.sum());
    assertThat(status.totalRejected()).isEqualTo(rejected.sum());
    assertThat(status.totalFailures()).isEqualTo(failures.sum());
    assertThat(status.totalSuccesses()).isEqualTo(successes.sum());
    assertThat(status.totalSuccesses() + status.totalFailures()).isEqualTo(status.totalCalls());
    System.out.printf(
        "stress: %d operations, %d permitted, %d rejected, %d transitions (%d to OPEN)%n",
        (long) THREADS * OPERATIONS,
        permitted.sum(),
        rejected.sum(),
        transitions.size(),
        transitions.stream().filter(t -> t.endsWith("->OPEN")).count());
    assertThat(breaker.state()).isIn(State.CLOSED, State.OPEN, State.HALF_OPEN);
  }
}
