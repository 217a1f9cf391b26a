package dev.trinity.core;

import static org.awaitility.Awaitility.await;

import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.cache.CacheConfig;
import dev.trinity.cache.TierType;
import dev.trinity.core.resilience.RetryConfig;
import dev.trinity.core.testing.VirtualTime;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** A MockWebServer, virtual time and a Trinity pointed at them, for pipeline tests. */
final class PipelineHarness implements AutoCloseable {
  /** How a test sends a request: through the async client, or the blocking one on a thread. */
  enum Door {
    ASYNC,
    SYNC
  }

  final MockWebServer server = new MockWebServer();
  final VirtualTime time = new VirtualTime();
  final Trinity trinity;
  private final ExecutorService callers = Executors.newCachedThreadPool();

  PipelineHarness() throws IOException {
    this(b -> b);
  }

  PipelineHarness(UnaryOperator<Trinity.Builder> customize) throws IOException {
    this(c -> c, customize);
  }

  /** A harness whose configuration (test defaults: no jitter, 60 s deadline) is changed first. */
  static PipelineHarness withConfig(UnaryOperator<TrinityConfig> configure) throws IOException {
    return new PipelineHarness(configure, b -> b);
  }

  private PipelineHarness(
      UnaryOperator<TrinityConfig> configure, UnaryOperator<Trinity.Builder> customize)
      throws IOException {
    server.start();
    TrinityConfig base =
        TrinityConfig.builder()
            .llm(
                LlmConfig.builder()
                    .provider(JsonTestProvider.NAME)
                    .baseUrl(server.url("/").toString())
                    .model("test-model")
                    .timeout(Duration.ofSeconds(60))
                    .build())
            .retry(RetryConfig.builder().jitter(0.0).build())
            .cache(CacheConfig.builder().tiers(TierType.MEMORY).build())
            .build();
    Trinity.Builder b =
        Trinity.builder()
            .config(configure.apply(base))
            .registerProvider(JsonTestProvider.factory())
            .clock(time.clock())
            .scheduler(time)
            .random(() -> 0.5);
    trinity = customize.apply(b).build();
  }

  static MockResponse ok(String text) {
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "application/json")
        .body("{\"text\":\"" + text + "\",\"prompt_tokens\":3,\"completion_tokens\":5}")
        .build();
  }

  static MockResponse status(int code) {
    return new MockResponse.Builder()
        .code(code)
        .body("{\"error\":\"status " + code + "\"}")
        .build();
  }

  /** Sends through the chosen door; a SYNC failure is exactly what generate() threw. */
  CompletableFuture<LlmResponse> send(Door door, LlmRequest request) {
    if (door == Door.ASYNC) {
      return trinity.llmAsync().generate(request);
    }
    CompletableFuture<LlmResponse> f = new CompletableFuture<>();
    callers.execute(
        () -> {
          try {
            f.complete(trinity.llm().generate(request));
          } catch (Throwable t) {
            f.completeExceptionally(t);
          }
        });
    return f;
  }

  CompletableFuture<LlmResponse> send(Door door) {
    return send(door, LlmRequest.of("hello"));
  }

  void awaitRequests(int n) {
    waiting().until(() -> server.getRequestCount() >= n);
  }

  /** Waits until a task other than the deadline is pending (a retry back-off). */
  Duration awaitRetryScheduled() {
    waiting().until(() -> time.pendingCount() >= 2);
    return time.nextDelay().orElseThrow();
  }

  /** Awaitility polling fast and from the start (its default first poll comes after 100 ms). */
  static org.awaitility.core.ConditionFactory waiting() {
    return await()
        .atMost(Duration.ofSeconds(10))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(2));
  }

  static Throwable failureOf(CompletableFuture<?> f) {
    waiting().until(f::isDone);
    try {
      f.join();
    } catch (java.util.concurrent.CompletionException e) {
      return e.getCause();
    } catch (java.util.concurrent.CancellationException e) {
      return e;
    }
    throw new AssertionError("expected a failure but the future succeeded");
  }

  static LlmResponse resultOf(CompletableFuture<LlmResponse> f) {
    waiting().until(f::isDone);
    return f.join();
  }

  @Override
  public void close() {
    trinity.close();
    callers.shutdownNow();
    server.close();
  }
}
