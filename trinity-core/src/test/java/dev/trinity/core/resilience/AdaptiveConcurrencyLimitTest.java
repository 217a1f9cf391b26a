package dev.trinity.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.core.resilience.ConcurrencyLimitConfig.Mode;
import dev.trinity.core.resilience.ConcurrencyLimiter.Permit;
import dev.trinity.core.testing.VirtualScheduler;
import dev.trinity.test.VirtualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class AdaptiveConcurrencyLimitTest {
  private static final Duration WAIT = Duration.ofHours(1);

  private final VirtualTime time = new VirtualTime();

  private ConcurrencyLimiter limiter(ConcurrencyLimitConfig.Builder config) {
    return ConcurrencyLimiter.of(
        "ollama", config.mode(Mode.ADAPTIVE).build(), time.clock(), VirtualScheduler.of(time));
  }

  private static List<Permit> take(ConcurrencyLimiter limiter, int n) {
    List<Permit> permits = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      permits.add(limiter.tryAcquire().orElseThrow());
    }
    return permits;
  }

  @Test
  void dropsShrinkTheLimitMultiplicativelyButNeverBelowTheFloor() {
    ConcurrencyLimiter limiter =
        limiter(ConcurrencyLimitConfig.builder().initialLimit(10).minLimit(2).backoffRatio(0.5));

    take(limiter, 1).get(0).onDropped();
    assertThat(limiter.currentLimit()).isEqualTo(5);
    take(limiter, 1).get(0).onDropped();
    assertThat(limiter.currentLimit()).isEqualTo(2);
    take(limiter, 1).get(0).onDropped();
    assertThat(limiter.currentLimit()).isEqualTo(2);
  }

  @Test
  void dropsFromCallsAlreadyInFlightShrinkTheLimitOnce() {
    ConcurrencyLimiter limiter =
        limiter(ConcurrencyLimitConfig.builder().initialLimit(10).backoffRatio(0.9));

    take(limiter, 5).forEach(Permit::onDropped);

    assertThat(limiter.currentLimit()).isEqualTo(9);
  }

  @Test
  void aWindowOfSuccessesAtTheLimitGrowsItByOneUpToTheCeiling() {
    ConcurrencyLimiter limiter =
        limiter(ConcurrencyLimitConfig.builder().initialLimit(4).maxLimit(5));

    List<Permit> busy = new ArrayList<>(take(limiter, 4)); // granted with 1, 2, 3, 4 out
    busy.get(0).onSuccess(Duration.ofMillis(100)); // started a quarter used: no evidence
    busy.add(take(limiter, 1).get(0)); // granted with 4 out
    busy.subList(1, 4).forEach(p -> p.onSuccess(Duration.ofMillis(100)));
    assertThat(limiter.currentLimit()).isEqualTo(4);
    busy.get(4).onSuccess(Duration.ofMillis(100));
    assertThat(limiter.currentLimit()).isEqualTo(5);

    take(limiter, 5).forEach(p -> p.onSuccess(Duration.ofMillis(100)));
    assertThat(limiter.currentLimit()).isEqualTo(5);
  }

  @Test
  void aMostlyIdleLimiterDoesNotGrow() {
    ConcurrencyLimiter limiter = limiter(ConcurrencyLimitConfig.builder().initialLimit(4));

    for (int i = 0; i < 100; i++) {
      take(limiter, 1).get(0).onSuccess(Duration.ofMillis(100));
    }

    assertThat(limiter.currentLimit()).isEqualTo(4);
  }

  @Test
  void slowSuccessesShrinkTheLimitWhenALatencyToleranceIsSet() {
    ConcurrencyLimiter limiter =
        limiter(
            ConcurrencyLimitConfig.builder()
                .initialLimit(10)
                .backoffRatio(0.5)
                .latencyTolerance(2.0));

    take(limiter, 1).get(0).onSuccess(Duration.ofMillis(100));
    take(limiter, 1).get(0).onSuccess(Duration.ofMillis(200));
    assertThat(limiter.currentLimit()).isEqualTo(10);
    take(limiter, 1).get(0).onSuccess(Duration.ofMillis(201));
    assertThat(limiter.currentLimit()).isEqualTo(5);
  }

  @Test
  void ignoredOutcomesTeachNothing() {
    ConcurrencyLimiter limiter = limiter(ConcurrencyLimitConfig.builder().initialLimit(2));

    take(limiter, 2).forEach(Permit::release);

    assertThat(limiter.currentLimit()).isEqualTo(2);
  }

  @Test
  void aRaisedLimitAdmitsWaitersAtOnce() {
    ConcurrencyLimiter limiter =
        limiter(ConcurrencyLimitConfig.builder().initialLimit(1).maxLimit(3));
    Permit only = take(limiter, 1).get(0);
    CompletableFuture<Permit> a = limiter.acquire(WAIT);
    CompletableFuture<Permit> b = limiter.acquire(WAIT);

    only.onSuccess(Duration.ofMillis(10));

    assertThat(limiter.currentLimit()).isEqualTo(2);
    assertThat(a).isCompleted();
    assertThat(b).isCompleted();
  }

  /**
   * Fifty clients call a server that can take five calls at once and fails the rest fast (as a
   * timeout). The limit should settle near five, then climb to its ceiling once the server has room
   * for everyone. Everything runs in virtual time on the test thread, so the run is deterministic.
   */
  @Test
  void convergesToTheServersCapacityAndGrowsBackWhenDropsStop() {
    ConcurrencyLimiter limiter =
        limiter(ConcurrencyLimitConfig.builder().initialLimit(20).minLimit(1).maxLimit(40));
    SimulatedServer server = new SimulatedServer(5);
    Clients clients = new Clients(50, limiter, server);
    List<Integer> limits = new ArrayList<>();

    clients.start();
    for (int second = 0; second < 30; second++) {
      time.advance(Duration.ofSeconds(1));
      limits.add(limiter.currentLimit());
      if (second == 9) { // count from here on, once the limit has settled
        server.served = 0;
        server.dropped = 0;
      }
    }

    assertThat(limits.subList(10, 30)).allSatisfy(l -> assertThat(l).isBetween(4, 7));
    assertThat(server.mostInFlight).isEqualTo(5);
    assertThat(server.served)
        .as("the settled limit keeps the server busy: 5 calls per 100 ms for 20 s")
        .isGreaterThanOrEqualTo(950);
    assertThat(server.dropped)
        .as("probing one call above capacity costs about one fast drop per 100 ms")
        .isLessThanOrEqualTo(server.served / 4);
    int droppedWhileCongested = server.dropped;

    server.capacity = 1000;
    time.advance(Duration.ofSeconds(30));

    assertThat(limiter.currentLimit()).isEqualTo(40);
    assertThat(server.dropped).isEqualTo(droppedWhileCongested);

    clients.stop();
    time.advance(Duration.ofSeconds(1));
    assertThat(limiter.inFlight()).isZero();
    assertThat(limiter.queued()).isZero();
  }

  /** Serves calls in 100 ms up to its capacity; a call beyond it fails after 10 ms. */
  private final class SimulatedServer {
    int capacity;
    int inFlight;
    int mostInFlight;
    int served;
    int dropped;

    SimulatedServer(int capacity) {
      this.capacity = capacity;
    }

    CompletableFuture<String> handle() {
      CompletableFuture<String> answer = new CompletableFuture<>();
      if (inFlight >= capacity) {
        dropped++;
        time.schedule(
            () -> answer.completeExceptionally(new TimeoutException("overloaded")),
            Duration.ofMillis(10));
        return answer;
      }
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      time.schedule(
          () -> {
            inFlight--;
            served++;
            answer.complete("ok");
          },
          Duration.ofMillis(100));
      return answer;
    }
  }

  /** Clients that each send their next call as soon as the last one ends. */
  private static final class Clients {
    private final int count;
    private final ConcurrencyLimiter limiter;
    private final SimulatedServer server;
    private boolean running;

    Clients(int count, ConcurrencyLimiter limiter, SimulatedServer server) {
      this.count = count;
      this.limiter = limiter;
      this.server = server;
    }

    void start() {
      running = true;
      for (int i = 0; i < count; i++) {
        next();
      }
    }

    void stop() {
      running = false;
    }

    private void next() {
      if (running) {
        limiter.callAsync(server::handle, WAIT).whenComplete((v, t) -> next());
      }
    }
  }
}
