package dev.trinity.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.trinity.api.CachePolicy;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.Message;
import dev.trinity.core.resilience.ConcurrencyLimitConfig;
import dev.trinity.logging.LogEvents;
import dev.trinity.test.LogCapture;
import dev.trinity.test.RedisServerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fleet-wide concurrency limit between instances in one JVM, each with its own Redis
 * connections (what separate JVMs would have), against a real redis-server and a stand-in model
 * server that counts the requests in flight on its side.
 */
class FleetLimitIT {
  private static final String PREFIX = "fleet-limit-it:";
  private static final int FLEET_LIMIT = 4;

  @RegisterExtension static final RedisServerProcess redis = RedisServerProcess.create();

  @RegisterExtension
  final LogCapture logs = LogCapture.of("dev.trinity").atLevel(org.slf4j.event.Level.INFO);

  private final MockWebServer server = new MockWebServer();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger mostInFlight = new AtomicInteger();
  private final AtomicInteger calls = new AtomicInteger();
  // answers wait for a permit here when the test holds them; released one at a time
  private final Semaphore answers = new Semaphore(0);
  private volatile boolean hold = true;
  // answers with 503 while positive, counting down
  private final AtomicInteger overloaded = new AtomicInteger();
  private FleetInstances members;

  @BeforeEach
  void start() throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            if (overloaded.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
              return PipelineHarness.status(503);
            }
            int n = calls.incrementAndGet();
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
              if (hold) {
                answers.tryAcquire(30, TimeUnit.SECONDS);
              }
              return PipelineHarness.ok("answer " + n);
            } finally {
              inFlight.decrementAndGet();
            }
          }
        });
    server.start();
    members = new FleetInstances(redis, PREFIX);
  }

  @AfterEach
  void stop() {
    hold = false;
    answers.release(1_000);
    members.close();
    server.close();
  }

  private Trinity instance() {
    return instance(ConcurrencyLimitConfig.builder().maxConcurrency(8).queueCapacity(100).build());
  }

  private Trinity instance(ConcurrencyLimitConfig localLimit) {
    return members.start(
        server.url("/").toString(),
        Duration.ofSeconds(30),
        FleetConfig.ofDefaults().withEnabled(true).withMaxConcurrency(FLEET_LIMIT),
        b -> b.concurrencyLimit(localLimit));
  }

  /** A request only the fleet limit applies to: it skips the caches and fleet single flight. */
  private static LlmRequest fresh(String prompt) {
    return LlmRequest.builder()
        .addMessage(Message.user(prompt))
        .cachePolicy(CachePolicy.BYPASS)
        .build();
  }

  /** Permits held in Redis now, over every endpoint. */
  private long permitsInUse() {
    long n = 0;
    for (String key : members.redis().keys("trinity:permits:*")) {
      n += members.redis().zcard(key);
    }
    return n;
  }

  @Test
  void threeInstancesWithLocalLimitsOfEightPutAtMostFourOnTheServer() throws Exception {
    List<Trinity> fleet = List.of(instance(), instance(), instance());
    List<CompletableFuture<LlmResponse>> sent = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      sent.add(fleet.get(i % 3).llmAsync().generate(fresh("prompt " + i)));
    }

    // the server is kept full: four at a time, never more, until the last four
    for (int answered = 0; answered < 40; answered++) {
      int expected = Math.min(FLEET_LIMIT, 40 - answered);
      await().atMost(Duration.ofSeconds(10)).until(() -> inFlight.get() == expected);
      assertThat(permitsInUse()).isLessThanOrEqualTo(FLEET_LIMIT);
      answers.release();
    }

    for (CompletableFuture<LlmResponse> f : sent) {
      assertThat(f.get(10, TimeUnit.SECONDS).text()).startsWith("answer ");
    }
    assertThat(calls).hasValue(40);
    assertThat(mostInFlight).hasValue(FLEET_LIMIT);
    await().atMost(Duration.ofSeconds(5)).until(() -> permitsInUse() == 0);
    assertThat(fleet).noneMatch(Trinity::isFleetDegraded);
  }

  @Test
  void anAdaptiveLocalLimitThatBacksOffAfterOverloadTakesTheFleetLimitDownWithIt()
      throws Exception {
    Trinity a =
        instance(
            ConcurrencyLimitConfig.builder()
                .mode(ConcurrencyLimitConfig.Mode.ADAPTIVE)
                .initialLimit(8)
                .minLimit(1)
                .maxLimit(16)
                .backoffRatio(0.5)
                .queueCapacity(100)
                .build());
    overloaded.set(1); // the server says it is overloaded, once
    assertThat(a.llmAsync().generate(fresh("overload"))).failsWithin(Duration.ofSeconds(10));
    assertThat(a.concurrencyLimiter().currentLimit()).isEqualTo(4);

    List<CompletableFuture<LlmResponse>> sent = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      sent.add(a.llmAsync().generate(fresh("after overload " + i)));
    }

    // local limit 4, and its share of the fleet limit: 4 × 4/8 = 2 at the server
    await().atMost(Duration.ofSeconds(10)).until(() -> inFlight.get() == 2);
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> inFlight.get() == 2);
    assertThat(permitsInUse()).isEqualTo(2);
    answers.release(6);
    for (CompletableFuture<LlmResponse> f : sent) {
      assertThat(f.get(10, TimeUnit.SECONDS).text()).startsWith("answer ");
    }
    assertThat(mostInFlight).hasValue(2);
  }

  @Test
  void cancelledCallsAndCallsStillWaitingHandTheirPermitsBack() throws Exception {
    Trinity a = instance();
    List<CompletableFuture<LlmResponse>> sent = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      sent.add(a.llmAsync().generate(fresh("cancelled " + i)));
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> inFlight.get() == FLEET_LIMIT);
    assertThat(permitsInUse()).isEqualTo(FLEET_LIMIT);

    sent.forEach(f -> f.cancel(true));

    await().atMost(Duration.ofSeconds(5)).until(() -> permitsInUse() == 0);
    // nothing left behind: the next calls get all four permits
    hold = false;
    for (int i = 0; i < 8; i++) {
      assertThat(a.llm().generate(fresh("after " + i)).text()).startsWith("answer ");
    }
    // the last call's permit goes back in a Redis command of its own, after its answer
    await().atMost(Duration.ofSeconds(5)).until(() -> permitsInUse() == 0);
    assertThat(a.isFleetDegraded()).isFalse();
  }

  @Test
  void closingAnInstanceRightAfterItsAnswersLeavesNoPermitBehind() throws Exception {
    hold = false;
    Trinity a = instance();
    List<CompletableFuture<LlmResponse>> sent = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      sent.add(a.llmAsync().generate(fresh("closing " + i)));
    }
    for (CompletableFuture<LlmResponse> f : sent) {
      assertThat(f.get(10, TimeUnit.SECONDS).text()).startsWith("answer ");
    }

    a.close();

    // released before closing returned, not left to expire after the lease time
    assertThat(permitsInUse()).isZero();
  }

  @Test
  void aCallWaitingForAFleetPermitGivesUpAtItsDeadlineWithoutReachingTheServer() throws Exception {
    Trinity a = instance();
    Trinity b = instance();
    List<CompletableFuture<LlmResponse>> holding = new ArrayList<>();
    for (int i = 0; i < FLEET_LIMIT; i++) {
      holding.add(a.llmAsync().generate(fresh("holding " + i)));
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> inFlight.get() == FLEET_LIMIT);

    CompletableFuture<LlmResponse> late =
        b.llmAsync()
            .generate(
                LlmRequest.builder()
                    .addMessage(Message.user("late"))
                    .cachePolicy(CachePolicy.BYPASS)
                    .timeout(Duration.ofMillis(300))
                    .build());

    assertThat(late).failsWithin(Duration.ofSeconds(5));
    assertThat(calls).hasValue(FLEET_LIMIT);
    answers.release(FLEET_LIMIT);
    for (CompletableFuture<LlmResponse> f : holding) {
      assertThat(f.get(10, TimeUnit.SECONDS).text()).startsWith("answer ");
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> permitsInUse() == 0);
  }

  @Test
  void killingRedisMidRunFailsNoRequestAndTheFleetDegradesThenRestores() throws Exception {
    hold = false;
    Trinity a = instance();
    Trinity b = instance();
    List<Throwable> failures = new ArrayList<>();
    for (int round = 0; round < 30; round++) {
      if (round == 10) {
        redis.kill();
      }
      if (round == 20) {
        redis.start();
      }
      List<CompletableFuture<LlmResponse>> sent = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        Trinity t = i % 2 == 0 ? a : b;
        sent.add(t.llmAsync().generate(fresh("round " + round + " prompt " + i)));
      }
      for (CompletableFuture<LlmResponse> f : sent) {
        try {
          f.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
          failures.add(e.getCause());
        }
      }
    }
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> {
              a.llm().generate(fresh("after restart"));
              b.llm().generate(fresh("after restart b"));
              return !a.isFleetDegraded() && !b.isFleetDegraded();
            });

    assertThat(failures).isEmpty();
    assertThat(calls.get()).isGreaterThanOrEqualTo(300);
    assertThat(logs.events(LogEvents.FLEET_DEGRADED)).hasSize(2); // once per instance
    assertThat(logs.events(LogEvents.FLEET_RESTORED)).hasSize(2);
    // the limit holds again once restored
    assertThat(mostInFlight.get()).isGreaterThan(0);
    await().atMost(Duration.ofSeconds(5)).until(() -> permitsInUse() == 0);
  }
}
