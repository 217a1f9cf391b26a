package dev.trinity.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.trinity.api.CachePolicy;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.logging.LogEvents;
import dev.trinity.test.LogCapture;
import dev.trinity.test.RedisServerProcess;
import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
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
 * Fleet-wide single flight between two instances in one JVM, each with its own Redis connections
 * (what two JVMs would have), against a real redis-server and a stand-in model server.
 */
class FleetSingleFlightIT {
  private static final String PREFIX = "fleet-it:";

  @RegisterExtension static final RedisServerProcess redis = RedisServerProcess.create();

  @RegisterExtension
  final LogCapture logs = LogCapture.of("dev.trinity").atLevel(org.slf4j.event.Level.INFO);

  private final MockWebServer server = new MockWebServer();
  private final AtomicInteger calls = new AtomicInteger();
  private final CountDownLatch release = new CountDownLatch(1);
  private volatile boolean hold;
  private FleetInstances members;

  @BeforeEach
  void start() throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            int n = calls.incrementAndGet();
            if (hold && n == 1) {
              release.await(30, TimeUnit.SECONDS);
            }
            return PipelineHarness.ok("answer " + n);
          }
        });
    server.start();
    members = new FleetInstances(redis, PREFIX);
  }

  private Trinity instance(FleetConfig settings) {
    return members.start(server.url("/").toString(), Duration.ofSeconds(20), settings, b -> b);
  }

  private static FleetConfig fleet() {
    return FleetConfig.ofDefaults().withEnabled(true);
  }

  @AfterEach
  void stop() {
    release.countDown();
    members.close();
    server.close();
  }

  @Test
  void identicalRequestsOnTwoInstancesShareOneProviderCall() throws Exception {
    hold = true;
    Trinity a = instance(fleet());
    Trinity b = instance(fleet());
    List<CompletableFuture<LlmResponse>> answers = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      answers.add(a.llmAsync().generate(LlmRequest.of("the same portfolio")));
      answers.add(b.llmAsync().generate(LlmRequest.of("the same portfolio")));
    }

    // every request has had time to reach the fleet while the one call is held
    await()
        .during(Duration.ofMillis(400))
        .atMost(Duration.ofSeconds(5))
        .until(() -> calls.get() == 1);
    release.countDown();

    for (CompletableFuture<LlmResponse> f : answers) {
      assertThat(f.get(10, TimeUnit.SECONDS).text()).isEqualTo("answer 1");
    }
    assertThat(calls).hasValue(1);
    assertThat(members.redis().keys(PREFIX + "lease:*")).isEmpty();
  }

  @Test
  void distinctRequestsDoNotWaitForEachOther() throws Exception {
    Trinity a = instance(fleet());
    Trinity b = instance(fleet());

    for (int i = 0; i < 20; i++) {
      Trinity t = i % 2 == 0 ? a : b;
      assertThat(t.llm().generate(LlmRequest.of("prompt " + i)).text()).startsWith("answer");
    }
    assertThat(calls).hasValue(20);
    assertThat(a.llm().generate(LlmRequest.of("prompt 1")).cached()).isTrue();
    assertThat(calls).hasValue(20);
  }

  @Test
  void cacheBypassingRequestsSkipTheFleet() throws Exception {
    hold = true;
    Trinity a = instance(fleet());
    Trinity b = instance(fleet());
    LlmRequest bypass =
        LlmRequest.builder()
            .addMessage(dev.trinity.api.Message.user("fresh"))
            .cachePolicy(CachePolicy.BYPASS)
            .build();

    CompletableFuture<LlmResponse> first = a.llmAsync().generate(bypass);
    await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() == 1);
    // with the first call held, a bypassing request on the other instance still calls
    assertThat(b.llm().generate(bypass).text()).isEqualTo("answer 2");
    release.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS).text()).isEqualTo("answer 1");
    assertThat(members.redis().keys(PREFIX + "lease:*")).isEmpty();
  }

  @Test
  void aLeaseWhoseOwnerStoppedRenewingIsTakenOverWithinLeaseTimeAndOnePoll() throws Exception {
    hold = true;
    Duration lease = Duration.ofMillis(600);
    Duration poll = Duration.ofMillis(50);
    FleetConfig quick = fleet().withLeaseTime(lease).withPollInterval(poll);
    Trinity owner = instance(quick);
    Trinity waiter = instance(quick);
    CompletableFuture<LlmResponse> hung = owner.llmAsync().generate(LlmRequest.of("portfolio"));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> !members.redis().keys(PREFIX + "lease:*").isEmpty());
    String leaseKey = members.redis().keys(PREFIX + "lease:*").get(0);
    // the owner "dies": its lease now belongs to a token nobody renews, so it lapses
    members.redis().set(leaseKey, "dead-owner", SetArgs.Builder.xx().px(lease.toMillis()));
    long t0 = System.nanoTime();

    LlmResponse taken = waiter.llm().generate(LlmRequest.of("portfolio"));

    Duration waited = Duration.ofNanos(System.nanoTime() - t0);
    assertThat(taken.text()).isEqualTo("answer 2");
    assertThat(calls).hasValue(2);
    assertThat(waited).isGreaterThanOrEqualTo(lease.minusMillis(100));
    assertThat(waited).isLessThan(lease.plus(poll).plusMillis(500));
    release.countDown();
    assertThat(hung.get(10, TimeUnit.SECONDS).text()).isEqualTo("answer 1");
  }

  @Test
  void aFailedCallIsNotRememberedAndTheWaiterCallsItself() throws Exception {
    Trinity a = instance(fleet());
    Trinity b = instance(fleet());
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            int n = calls.incrementAndGet();
            if (n == 1) {
              release.await(30, TimeUnit.SECONDS);
              return PipelineHarness.status(500);
            }
            return PipelineHarness.ok("answer " + n);
          }
        });
    CompletableFuture<LlmResponse> failing = a.llmAsync().generate(LlmRequest.of("portfolio"));
    await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() == 1);
    CompletableFuture<LlmResponse> waiting = b.llmAsync().generate(LlmRequest.of("portfolio"));
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(3))
        .until(() -> calls.get() == 1);
    release.countDown();

    assertThat(failing).failsWithin(Duration.ofSeconds(10));
    assertThat(waiting.get(10, TimeUnit.SECONDS).text()).isEqualTo("answer 2");
    assertThat(calls).hasValue(2);
  }

  @Test
  void whileTheSharedTierIsDownRequestsGoOnLocallyWithoutTakingLeases() throws Exception {
    Trinity a = instance(fleet());
    Trinity b = instance(fleet());
    redis.kill();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () -> {
              a.llm().generate(LlmRequest.of("probe a " + System.nanoTime()));
              return !a.cache().health().get("redis").isUp();
            });
    int before = calls.get();

    a.llm().generate(LlmRequest.of("same"));
    b.llm().generate(LlmRequest.of("same"));

    // nothing can be shared without Redis: each instance asks once, and neither waits
    assertThat(calls.get() - before).isEqualTo(2);
  }

  @Test
  void aWaiterGivesUpAtItsOwnDeadlineAndStopsPolling() throws Exception {
    Trinity a = instance(fleet().withPollInterval(Duration.ofMillis(20)));
    a.llm().generate(LlmRequest.of("warm up"));
    int before = calls.get();
    String key = "held by another JVM";
    LlmRequest request =
        LlmRequest.builder()
            .addMessage(dev.trinity.api.Message.user(key))
            .timeout(Duration.ofMillis(400))
            .build();
    // learn the lease key: take it with the request itself on a throwaway owner
    hold = false;
    CompletableFuture<LlmResponse> probe;
    Trinity other = instance(fleet());
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
            calls.incrementAndGet();
            release.await(30, TimeUnit.SECONDS);
            return PipelineHarness.ok("late");
          }
        });
    probe =
        other
            .llmAsync()
            .generate(LlmRequest.builder().addMessage(dev.trinity.api.Message.user(key)).build());
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> !members.redis().keys(PREFIX + "lease:*").isEmpty());
    int afterOwner = calls.get();

    long t0 = System.nanoTime();
    CompletableFuture<LlmResponse> waiter = a.llmAsync().generate(request);
    assertThat(waiter).failsWithin(Duration.ofSeconds(5));
    Duration waited = Duration.ofNanos(System.nanoTime() - t0);

    assertThat(waited).isLessThan(Duration.ofMillis(1_500));
    assertThat(calls.get()).isEqualTo(afterOwner); // the waiter never called the provider
    assertThat(afterOwner - before).isEqualTo(1);
    release.countDown();
    assertThat(probe.get(10, TimeUnit.SECONDS).text()).isEqualTo("late");
  }

  @Test
  void killingRedisFailsNoRequestAndTheFleetDegradesOnceThenRestores() throws Exception {
    Trinity a = instance(fleet());
    Trinity b = instance(fleet());
    List<Throwable> failures = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      if (i == 100) {
        redis.kill();
      }
      if (i == 200) {
        redis.start();
      }
      Trinity t = i % 2 == 0 ? a : b;
      try {
        t.llm().generate(LlmRequest.of("prompt " + i));
      } catch (RuntimeException e) {
        failures.add(e);
      }
    }
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> {
              a.llm().generate(LlmRequest.of("after restart"));
              b.llm().generate(LlmRequest.of("after restart b"));
              return !a.isFleetDegraded() && !b.isFleetDegraded();
            });

    assertThat(failures).isEmpty();
    assertThat(logs.events(LogEvents.FLEET_DEGRADED)).hasSize(2); // once per instance
    assertThat(logs.events(LogEvents.FLEET_RESTORED)).hasSize(2);
  }
}
