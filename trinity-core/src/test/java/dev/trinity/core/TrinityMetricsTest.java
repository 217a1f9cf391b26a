package dev.trinity.core;

import static dev.trinity.core.PipelineHarness.failureOf;
import static dev.trinity.core.PipelineHarness.ok;
import static dev.trinity.core.PipelineHarness.resultOf;
import static dev.trinity.core.PipelineHarness.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.core.PipelineHarness.Door;
import dev.trinity.core.metrics.TrinityMetrics;
import dev.trinity.core.resilience.CircuitBreakerConfig;
import dev.trinity.core.resilience.RetryConfig;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TrinityMetricsTest {
  private final TrinityMetrics metrics = new TrinityMetrics();
  private final MeterRegistry registry = new SimpleMeterRegistry();
  private PipelineHarness h;

  @AfterEach
  void stop() {
    if (h != null) {
      h.close();
    }
  }

  private Timer duration(String outcome, String errorType, String tier, String served) {
    return registry
        .get(TrinityMetrics.OPERATION_DURATION)
        .tags(
            "gen_ai.system", JsonTestProvider.NAME,
            "gen_ai.request.model", "test-model",
            "gen_ai.operation.name", "chat",
            "outcome", outcome,
            "error.type", errorType,
            "trinity.cache.tier", tier,
            "trinity.served", served)
        .timer();
  }

  private DistributionSummary tokens(String type) {
    return registry
        .get(TrinityMetrics.TOKEN_USAGE)
        .tags("gen_ai.system", JsonTestProvider.NAME, "gen_ai.token.type", type)
        .summary();
  }

  private double saved(String reason, String type) {
    return registry
        .get(TrinityMetrics.TOKENS_SAVED)
        .tags("reason", reason, "gen_ai.token.type", type)
        .counter()
        .count();
  }

  @Test
  void callsRetriesCacheHitsAndFailuresAreMeasuredUnderTheGenAiNames() {
    h = new PipelineHarness(b -> b.addListener(metrics));
    metrics.bindTo(registry); // after build: meters made earlier are published too
    h.server.enqueue(status(503));
    h.server.enqueue(ok("fine"));
    h.server.enqueue(status(400));

    CompletableFuture<LlmResponse> first = h.send(Door.ASYNC, LlmRequest.of("same"));
    h.awaitRequests(1);
    h.awaitRetryScheduled();
    h.time.advance(Duration.ofSeconds(1));
    resultOf(first);
    resultOf(h.send(Door.SYNC, LlmRequest.of("same"))); // a memory hit
    failureOf(h.send(Door.ASYNC, LlmRequest.of("bad")));

    Timer provider = duration("success", "none", "none", "provider");
    assertThat(provider.count()).isEqualTo(1);
    assertThat(provider.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1000.0);
    Timer cached = duration("success", "none", "memory", "cache");
    assertThat(cached.count()).isEqualTo(1);
    assertThat(cached.totalTime(TimeUnit.MILLISECONDS)).isZero();
    assertThat(duration("failure", "client", "none", "none").count()).isEqualTo(1);
    assertThat(tokens("input").count()).isEqualTo(1);
    assertThat(tokens("input").totalAmount()).isEqualTo(3);
    assertThat(tokens("output").totalAmount()).isEqualTo(5);
    assertThat(saved("cache", "input")).isEqualTo(3);
    assertThat(saved("cache", "output")).isEqualTo(5);
    assertThat(registry.find(TrinityMetrics.TOKENS_SAVED).tag("reason", "coalescing").counter())
        .isNull();
    assertThat(
            registry
                .get(TrinityMetrics.RETRIES)
                .tags("gen_ai.system", JsonTestProvider.NAME, "reason", "unavailable")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(
            registry
                .get(TrinityMetrics.CACHE_HITS)
                .tags("tier", "memory", "endpoint", h.trinity.concurrencyLimiter().name())
                .functionCounter()
                .count())
        .isEqualTo(1);
    assertThat(
            registry
                .get(TrinityMetrics.CACHE_MISSES)
                .tags("tier", "memory", "endpoint", h.trinity.concurrencyLimiter().name())
                .functionCounter()
                .count())
        .isEqualTo(2);
    assertThat(registry.get(TrinityMetrics.CACHE_LATENCY).tags("tier", "memory").timeGauge())
        .isNotNull();
  }

  @Test
  void twoInstancesOnOneBinderKeepTheirOwnCacheMeters() {
    metrics.bindTo(registry);
    h = new PipelineHarness(b -> b.addListener(metrics));
    try (PipelineHarness other = new PipelineHarness(b -> b.addListener(metrics))) {
      h.server.enqueue(ok("a"));
      other.server.enqueue(ok("b"));
      resultOf(h.send(Door.ASYNC, LlmRequest.of("same")));
      resultOf(h.send(Door.ASYNC, LlmRequest.of("same")));
      resultOf(other.send(Door.ASYNC, LlmRequest.of("same")));

      assertThat(hits(h)).isEqualTo(1);
      assertThat(hits(other)).isZero();
      assertThat(registry.get(TrinityMetrics.CACHE_HITS).functionCounters()).hasSize(2);
    }
  }

  private double hits(PipelineHarness harness) {
    return registry
        .get(TrinityMetrics.CACHE_HITS)
        .tags("tier", "memory", "endpoint", harness.trinity.concurrencyLimiter().name())
        .functionCounter()
        .count();
  }

  @Test
  void theCallThatJoinedAnIdenticalOneCountsItsTokensAsSavedByCoalescing() {
    h = new PipelineHarness(b -> b.addListener(metrics));
    metrics.bindTo(registry);
    h.joinedPair("same", "shared").forEach(PipelineHarness::resultOf);

    assertThat(saved("coalescing", "input")).isEqualTo(3);
    assertThat(saved("coalescing", "output")).isEqualTo(5);
    assertThat(tokens("output").totalAmount()).isEqualTo(5); // billed once
    assertThat(duration("success", "none", "none", "coalesced").count()).isEqualTo(1);
  }

  @Test
  void theBreakersStateAndTransitionsAndTheConcurrencyLimitAreGauged() {
    h =
        PipelineHarness.withConfig(
            c ->
                c.toBuilder()
                    .retry(RetryConfig.builder().maxAttempts(1).build())
                    .circuitBreaker(CircuitBreakerConfig.consecutiveFailures())
                    .build(),
            b -> b.addListener(metrics));
    metrics.bindTo(registry);
    String breaker = h.trinity.circuitBreakers().statusOfAll().keySet().iterator().next();
    String endpoint = h.trinity.concurrencyLimiter().name();

    assertThat(state(breaker, "closed")).isEqualTo(1);
    assertThat(state(breaker, "open")).isZero();
    assertThat(gauge(TrinityMetrics.CONCURRENCY_LIMIT, endpoint))
        .isEqualTo(h.trinity.concurrencyLimiter().currentLimit())
        .isPositive();
    assertThat(gauge(TrinityMetrics.CONCURRENCY_IN_FLIGHT, endpoint)).isZero();
    assertThat(gauge(TrinityMetrics.CONCURRENCY_QUEUED, endpoint)).isZero();

    for (int i = 0; i < 5; i++) {
      h.server.enqueue(status(500));
      failureOf(h.send(Door.ASYNC, LlmRequest.of("p" + i)));
    }

    assertThat(state(breaker, "open")).isEqualTo(1);
    assertThat(state(breaker, "closed")).isZero();
    assertThat(
            registry
                .get(TrinityMetrics.CIRCUIT_TRANSITIONS)
                .tags("breaker", breaker, "from", "closed", "to", "open")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(duration("failure", "server", "none", "none").count()).isEqualTo(5);
  }

  @Test
  void callsInFlightShowInTheGauge() {
    CountDownLatch release = new CountDownLatch(1);
    h = new PipelineHarness(b -> b.addListener(metrics));
    metrics.bindTo(registry);
    h.server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            release.await(10, TimeUnit.SECONDS);
            return ok("x");
          }
        });
    String endpoint = h.trinity.concurrencyLimiter().name();
    CompletableFuture<LlmResponse> a = h.send(Door.ASYNC, LlmRequest.of("one"));
    CompletableFuture<LlmResponse> b = h.send(Door.ASYNC, LlmRequest.of("two"));
    h.awaitRequests(2);

    assertThat(gauge(TrinityMetrics.CONCURRENCY_IN_FLIGHT, endpoint)).isEqualTo(2);
    release.countDown();
    resultOf(a);
    resultOf(b);
    assertThat(gauge(TrinityMetrics.CONCURRENCY_IN_FLIGHT, endpoint)).isZero();
  }

  private double state(String breaker, String state) {
    return registry
        .get(TrinityMetrics.CIRCUIT_STATE)
        .tags("breaker", breaker, "state", state)
        .gauge()
        .value();
  }

  private double gauge(String name, String endpoint) {
    return registry.get(name).tags("endpoint", endpoint).gauge().value();
  }
}
