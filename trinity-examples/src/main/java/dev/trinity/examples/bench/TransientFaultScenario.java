package dev.trinity.examples.bench;

import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.TrinityException;
import dev.trinity.cache.CacheConfig;
import dev.trinity.core.LlmConfig;
import dev.trinity.core.Trinity;
import dev.trinity.core.TrinityConfig;
import dev.trinity.core.resilience.CircuitBreaker;
import dev.trinity.core.resilience.CircuitBreakerConfig;
import dev.trinity.core.resilience.CircuitBreakerStatus;
import dev.trinity.core.resilience.ConcurrencyLimitConfig;
import dev.trinity.core.resilience.RetryConfig;
import dev.trinity.test.VirtualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The transient-fault run: {@code requests} distinct requests submitted at once through the public
 * async client, a concurrency limit of 8, 3 attempts, and an endpoint that resets a share of its
 * connections at random. Runs in virtual time, so one run of a minute of model time takes a few
 * milliseconds and a seed always gives the same run.
 *
 * @param requests requests submitted at once
 * @param failureRate share of connections the endpoint resets (1.0: the endpoint is down)
 * @param maxConcurrency the concurrency limit
 * @param retry the retry policy
 * @param breaker the breaker configuration
 * @param minLatency shortest model answer
 * @param maxLatency longest model answer
 */
record TransientFaultScenario(
    int requests,
    double failureRate,
    int maxConcurrency,
    RetryConfig retry,
    CircuitBreakerConfig breaker,
    Duration minLatency,
    Duration maxLatency) {

  /**
   * 200 requests at once, 20% resets, limit 8, 3 attempts, answers in 0.5–1.5 s, default breaker.
   */
  static TransientFaultScenario issue10() {
    return new TransientFaultScenario(
        200,
        0.20,
        8,
        RetryConfig.ofDefaults(),
        CircuitBreakerConfig.ofDefaults(),
        Duration.ofMillis(500),
        Duration.ofMillis(1500));
  }

  TransientFaultScenario withBreaker(CircuitBreakerConfig breaker) {
    return new TransientFaultScenario(
        requests, failureRate, maxConcurrency, retry, breaker, minLatency, maxLatency);
  }

  TransientFaultScenario withFailureRate(double failureRate) {
    return new TransientFaultScenario(
        requests, failureRate, maxConcurrency, retry, breaker, minLatency, maxLatency);
  }

  TransientFaultScenario withRequests(int requests) {
    return new TransientFaultScenario(
        requests, failureRate, maxConcurrency, retry, breaker, minLatency, maxLatency);
  }

  /**
   * What one run gave.
   *
   * @param failed requests that failed
   * @param failuresByType failed requests per exception type
   * @param providerCalls calls that reached the endpoint
   * @param breakerOpenings times the breaker opened
   * @param duration virtual time until the last request ended
   * @param sampleFailure the first failure's message, or empty
   */
  record Result(
      int failed,
      Map<String, Integer> failuresByType,
      int providerCalls,
      long breakerOpenings,
      Duration duration,
      String sampleFailure) {}

  /**
   * Runs the scenario once.
   *
   * @param seed seeds the endpoint's faults and latencies and the retry jitter
   * @return the outcome
   */
  Result run(long seed) {
    VirtualTime time = new VirtualTime();
    FlakyModelProvider endpoint =
        new FlakyModelProvider(time, seed, failureRate, minLatency, maxLatency);
    Random jitter = new Random(seed ^ 0x5DEECE66DL);
    TrinityConfig config =
        TrinityConfig.builder()
            .llm(
                LlmConfig.builder()
                    .provider(endpoint.name())
                    .baseUrl(FlakyModelProvider.ENDPOINT)
                    .model("test-model")
                    .build())
            .concurrencyLimit(
                ConcurrencyLimitConfig.builder().maxConcurrency(maxConcurrency).build())
            .retry(retry)
            .circuitBreaker(breaker)
            .cache(CacheConfig.builder().enabled(false).build())
            .build();
    try (Trinity trinity =
        Trinity.builder()
            .config(config)
            .provider(endpoint)
            .clock(time.clock())
            .scheduler((task, delay) -> time.schedule(task, delay)::cancel)
            .random(jitter::nextDouble)
            .build()) {
      long[] openings = {0};
      trinity
          .circuitBreakers()
          .addListener(
              (name, from, to) -> {
                if (to == CircuitBreaker.State.OPEN) {
                  openings[0]++;
                }
              });
      var start = time.now();
      List<CompletableFuture<LlmResponse>> calls = new ArrayList<>(requests);
      for (int i = 0; i < requests; i++) {
        calls.add(trinity.llmAsync().generate(LlmRequest.of("portfolio " + i)));
      }
      time.runUntilIdle();
      Map<String, Integer> byType = new TreeMap<>();
      String sample = "";
      int failed = 0;
      for (CompletableFuture<LlmResponse> call : calls) {
        if (!call.isDone()) {
          throw new IllegalStateException("a request never ended: the scenario is broken");
        }
        if (call.isCompletedExceptionally()) {
          Throwable t = failureOf(call);
          failed++;
          byType.merge(t.getClass().getSimpleName(), 1, Integer::sum);
          if (sample.isEmpty()) {
            sample = t.getMessage();
          }
        }
      }
      return new Result(
          failed,
          byType,
          endpoint.calls(),
          openings[0],
          Duration.between(start, time.now()),
          sample);
    }
  }

  private static Throwable failureOf(CompletableFuture<LlmResponse> call) {
    try {
      call.join();
      throw new IllegalStateException("not failed");
    } catch (CompletionException e) {
      return e.getCause() instanceof TrinityException te ? te : e.getCause();
    }
  }

  /** The breaker's status after a run, for reports. */
  static String describe(CircuitBreakerStatus s) {
    return s.state() + ", " + s.totalFailures() + " failures";
  }
}
