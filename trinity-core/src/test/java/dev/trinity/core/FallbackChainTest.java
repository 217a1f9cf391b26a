package dev.trinity.core;

import static dev.trinity.core.PipelineHarness.failureOf;
import static dev.trinity.core.PipelineHarness.ok;
import static dev.trinity.core.PipelineHarness.resultOf;
import static dev.trinity.core.PipelineHarness.status;
import static dev.trinity.core.PipelineHarness.waiting;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trinity.api.CachePolicy;
import dev.trinity.api.ContentValidationException;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.ProviderException;
import dev.trinity.api.RequestTimeoutException;
import dev.trinity.api.SkippedProvider;
import dev.trinity.api.content.ContentRequest;
import dev.trinity.api.content.ContentSource;
import dev.trinity.api.content.Fallback;
import dev.trinity.api.content.GeneratedContent;
import dev.trinity.cache.CacheResult;
import dev.trinity.core.PipelineHarness.Door;
import dev.trinity.core.internal.cache.RequestKeys;
import dev.trinity.core.resilience.ConcurrencyLimitConfig;
import dev.trinity.core.resilience.RetryConfig;
import dev.trinity.logging.LogEvents;
import dev.trinity.logging.LogEvents.Keys;
import dev.trinity.test.LogCapture;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.event.Level;

/**
 * The fallback chain through the public API: the json-test provider first (the harness's server), a
 * llama.cpp server second, an OpenAI-compatible server third, each a MockWebServer; virtual time.
 */
class FallbackChainTest {
  private final MockWebServer llamacpp = new MockWebServer();
  private final MockWebServer openai = new MockWebServer();
  private final LogCapture logs =
      LogCapture.of("dev.trinity.core.internal.pipeline").atLevel(Level.INFO);
  private final Semaphore release = new Semaphore(0);
  private PipelineHarness h;

  @BeforeEach
  void startServers() throws IOException {
    llamacpp.start();
    openai.start();
    logs.start();
  }

  @AfterEach
  void stop() {
    release.release(1000);
    if (h != null) {
      h.close();
    }
    logs.close();
    llamacpp.close();
    openai.close();
  }

  /** A harness whose chain is json-test, then llama.cpp, then OpenAI; one attempt per provider. */
  private void start(UnaryOperator<TrinityConfig.Builder> more) {
    h =
        PipelineHarness.withConfig(
            c ->
                more.apply(
                        c.toBuilder()
                            .llm(
                                c.llm().toBuilder()
                                    .fallback(
                                        FallbackConfig.builder("llamacpp")
                                            .baseUrl(llamacpp.url("/").toString())
                                            .model("qwen2.5-7b")
                                            .build())
                                    .fallback(
                                        FallbackConfig.builder("openai")
                                            .baseUrl(openai.url("/v1").toString())
                                            .model("gpt-4o-mini")
                                            .apiKey("sk-test-fallback")
                                            .build())
                                    .build())
                            .retry(RetryConfig.builder().maxAttempts(1).build()))
                    .build());
  }

  private void start() {
    start(b -> b);
  }

  /** Holds each request until the test releases one, then answers {@code response}. */
  private Dispatcher afterRelease(MockResponse response) {
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        release.tryAcquire(10, TimeUnit.SECONDS);
        return response;
      }
    };
  }

  static MockResponse llamaAnswer(String text) {
    ObjectNode body = PipelineHarness.JSON.createObjectNode();
    body.put("content", text).put("model", "qwen2.5-7b").put("stop", true);
    body.put("tokens_evaluated", 10).put("tokens_predicted", 4);
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "application/json")
        .body(body.toString())
        .build();
  }

  private String primaryEndpoint() {
    return h.trinity.providers().get(0).name() + "@" + h.trinity.providers().get(0).endpoint();
  }

  private List<Map<String, String>> fallbackEvents() {
    return logs.keyValues(LogEvents.LLM_FALLBACK);
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void whenThePrimaryIsDownAfterItsRetriesTheNextProviderAnswers(Door door) {
    start(b -> b.retry(RetryConfig.builder().maxAttempts(2).jitter(0.0).build()));
    h.server.enqueue(status(503));
    h.server.enqueue(status(503));
    llamacpp.enqueue(llamaAnswer("from llama"));

    CompletableFuture<LlmResponse> call = h.send(door, LlmRequest.of("hello"));
    h.awaitRetryScheduled();
    h.time.advance(h.time.nextDelay().orElseThrow());
    LlmResponse r = resultOf(call);

    assertThat(r.text()).isEqualTo("from llama");
    assertThat(r.provider()).isEqualTo("llamacpp");
    assertThat(r.model()).isEqualTo("qwen2.5-7b");
    assertThat(r.attempts()).isEqualTo(3);
    assertThat(r.fellBack()).isTrue();
    assertThat(r.skipped())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.provider()).isEqualTo("json-test");
              assertThat(s.model()).isEqualTo("test-model");
              assertThat(s.reason()).isEqualTo(SkippedProvider.Reason.FAILED);
              assertThat(s.detail()).contains("503");
            });
    assertThat(h.server.getRequestCount()).isEqualTo(2);
    assertThat(llamacpp.getRequestCount()).isEqualTo(1);
    assertThat(openai.getRequestCount()).isZero();
    assertThat(fallbackEvents())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e).containsEntry(Keys.FROM, "json-test");
              assertThat(e).containsEntry(Keys.TO, "llamacpp");
              assertThat(e).containsEntry(Keys.REASON, "failed");
            });
    // each provider was asked for its own model
    assertThat(logs.keyValues(LogEvents.LLM_REQUEST_SENT))
        .extracting(e -> e.get(Keys.PROVIDER) + " " + e.get(Keys.MODEL))
        .containsExactly("json-test test-model", "json-test test-model", "llamacpp qwen2.5-7b");
  }

  @Test
  void whenTheNextBackOffWouldPassTheDeadlineTheNextProviderIsAskedAtOnce() {
    start(b -> b.retry(RetryConfig.builder().maxAttempts(3).jitter(0.0).build()));
    h.server.enqueue(
        new MockResponse.Builder()
            .code(503)
            .addHeader("Retry-After", "30")
            .body("{\"error\":\"busy\"}")
            .build());
    llamacpp.enqueue(llamaAnswer("from llama"));

    LlmResponse r =
        resultOf(
            h.send(
                Door.ASYNC,
                LlmRequest.builder().prompt("hello").timeout(Duration.ofSeconds(10)).build()));

    assertThat(r.provider()).isEqualTo("llamacpp");
    assertThat(r.skipped())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.reason()).isEqualTo(SkippedProvider.Reason.FAILED);
              assertThat(s.detail()).contains("deadline");
            });
    assertThat(h.time.now()).isEqualTo(dev.trinity.test.VirtualTime.DEFAULT_START);
    assertThat(h.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aModelNamedInTheRequestIsForTheFirstProviderOnly() {
    start();
    h.server.enqueue(status(503));
    llamacpp.enqueue(llamaAnswer("from llama"));

    LlmResponse r =
        resultOf(h.send(Door.ASYNC, LlmRequest.builder().prompt("hello").model("special").build()));

    assertThat(r.skipped()).extracting(SkippedProvider::model).containsExactly("special");
    assertThat(logs.keyValues(LogEvents.LLM_REQUEST_SENT))
        .extracting(e -> e.get(Keys.PROVIDER) + " " + e.get(Keys.MODEL))
        .containsExactly("json-test special", "llamacpp qwen2.5-7b");
  }

  @Test
  void identicalRequestsInFlightShareOneCallAtEachProvider() {
    start();
    h.server.setDispatcher(afterRelease(status(503)));
    llamacpp.enqueue(llamaAnswer("from llama"));
    CompletableFuture<LlmResponse> a = h.send(Door.ASYNC, LlmRequest.of("same"));
    CompletableFuture<LlmResponse> b = h.send(Door.ASYNC, LlmRequest.of("same"));
    h.awaitRequests(1);

    release.release();

    assertThat(resultOf(a).provider()).isEqualTo("llamacpp");
    assertThat(resultOf(b).provider()).isEqualTo("llamacpp");
    assertThat(h.server.getRequestCount()).isEqualTo(1);
    assertThat(llamacpp.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aProviderWhoseBreakerIsOpenIsSkippedAtOnceWithoutACall() {
    start();
    h.trinity.circuitBreakers().breaker(primaryEndpoint()).transitionToOpen();
    llamacpp.enqueue(llamaAnswer("from llama"));

    LlmResponse r = resultOf(h.send(Door.ASYNC, LlmRequest.of("hello")));

    assertThat(r.provider()).isEqualTo("llamacpp");
    assertThat(r.skipped())
        .extracting(SkippedProvider::provider, SkippedProvider::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("json-test", SkippedProvider.Reason.CIRCUIT_OPEN));
    assertThat(r.attempts()).isEqualTo(1);
    assertThat(h.server.getRequestCount()).isZero();
    assertThat(h.time.now()).isEqualTo(dev.trinity.test.VirtualTime.DEFAULT_START);
    assertThat(fallbackEvents())
        .singleElement()
        .satisfies(e -> assertThat(e).containsEntry(Keys.REASON, "circuit_open"));
    assertThat(h.trinity.circuitBreakers().statusOfAll().keySet())
        .as("each provider keeps its own breaker, named provider@endpoint")
        .contains(primaryEndpoint(), "llamacpp@" + h.trinity.providers().get(1).endpoint());
  }

  @Test
  void aFullQueueFallsThroughToTheNextProvider() {
    start(
        b ->
            b.concurrencyLimit(
                ConcurrencyLimitConfig.builder().maxConcurrency(1).queueCapacity(0).build()));
    h.server.setDispatcher(afterRelease(ok("from primary")));
    llamacpp.enqueue(llamaAnswer("from llama"));
    CompletableFuture<LlmResponse> first = h.send(Door.ASYNC, LlmRequest.of("first"));
    h.awaitRequests(1);

    LlmResponse second = resultOf(h.send(Door.SYNC, LlmRequest.of("second")));

    assertThat(second.provider()).isEqualTo("llamacpp");
    assertThat(second.skipped())
        .singleElement()
        .satisfies(s -> assertThat(s.reason()).isEqualTo(SkippedProvider.Reason.QUEUE_FULL));
    assertThat(fallbackEvents())
        .singleElement()
        .satisfies(e -> assertThat(e).containsEntry(Keys.REASON, "queue_full"));
    assertThat(h.trinity.concurrencyLimiters()).hasSize(3);
    release.release();
    assertThat(resultOf(first).provider()).isEqualTo("json-test");
    assertThat(resultOf(first).skipped()).isEmpty();
    assertThat(h.server.getRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404})
  void aNonRetryableErrorDoesNotFallThrough(int code) {
    start();
    h.server.enqueue(status(code));

    Throwable t = failureOf(h.send(Door.ASYNC, LlmRequest.of("hello")));

    assertThat(t).isInstanceOf(ProviderException.class);
    assertThat(((ProviderException) t).statusCode()).isEqualTo(code);
    assertThat(((ProviderException) t).provider()).isEqualTo("json-test");
    assertThat(llamacpp.getRequestCount()).isZero();
    assertThat(openai.getRequestCount()).isZero();
    assertThat(fallbackEvents()).isEmpty();
  }

  @Test
  void anAnswerTheValidatorRejectsDoesNotFallThrough() {
    start();
    h.server.enqueue(ok("not what the caller wants"));

    Throwable t =
        failureOf(
            h.trinity
                .llmAsync()
                .generate(
                    LlmRequest.of("hello"),
                    r -> {
                      throw new ContentValidationException(
                          "rejected", List.of("no"), r.text(), null);
                    }));

    assertThat(t).isInstanceOf(ContentValidationException.class);
    assertThat(llamacpp.getRequestCount()).isZero();
    assertThat(fallbackEvents()).isEmpty();
  }

  @Test
  void whenEveryProviderIsDownTheLastErrorCarriesTheChainsReasons() {
    start();
    h.server.enqueue(status(503));
    llamacpp.enqueue(status(502));
    openai.enqueue(status(500));

    Throwable t = failureOf(h.send(Door.ASYNC, LlmRequest.of("hello")));

    assertThat(t).isInstanceOf(ProviderException.class);
    ProviderException last = (ProviderException) t;
    assertThat(last.provider()).isEqualTo("openai");
    assertThat(last.statusCode()).isEqualTo(500);
    assertThat(last.attempts()).isEqualTo(3);
    assertThat(last.getSuppressed())
        .extracting(
            s -> ((ProviderException) s).provider() + " " + ((ProviderException) s).statusCode())
        .containsExactly("json-test 503", "llamacpp 502");
    assertThat(fallbackEvents())
        .extracting(e -> e.get(Keys.FROM) + "->" + e.get(Keys.TO))
        .containsExactly("json-test->llamacpp", "llamacpp->openai");
    assertThat(logs.keyValues(LogEvents.LLM_REQUEST_FAILED))
        .singleElement()
        .satisfies(e -> assertThat(e).containsEntry(Keys.PROVIDER, "openai"));
    assertThat(takeBody(openai)).contains("\"gpt-4o-mini\"").doesNotContain("test-model");
  }

  @Test
  void theWholeChainRunsUnderTheRequestsOneDeadline() {
    start();
    h.server.setDispatcher(afterRelease(status(503)));
    llamacpp.setDispatcher(afterRelease(llamaAnswer("too late")));
    CompletableFuture<LlmResponse> call =
        h.send(
            Door.ASYNC,
            LlmRequest.builder().prompt("hello").timeout(Duration.ofSeconds(10)).build());
    h.awaitRequests(1);
    h.time.advance(Duration.ofSeconds(6));
    release.release(); // the primary answers 503 after 6 s: 4 s are left for the fallback
    waiting().until(() -> llamacpp.getRequestCount() == 1);
    assertThat(call).isNotDone();

    h.time.advance(Duration.ofSeconds(4));

    Throwable t = failureOf(call);
    assertThat(t).isInstanceOf(RequestTimeoutException.class);
    assertThat(((RequestTimeoutException) t).provider()).isEqualTo("llamacpp");
    assertThat(((RequestTimeoutException) t).timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(logs.keyValues(LogEvents.LLM_REQUEST_SENT))
        .extracting(e -> e.get(Keys.PROVIDER) + " " + e.get(Keys.TIMEOUT_MS))
        .containsExactly("json-test 10000", "llamacpp 4000");
    assertThat(openai.getRequestCount()).isZero();
  }

  @Test
  void noFallbackIsTriedOnceTheDeadlineHasPassed() {
    start();
    h.server.setDispatcher(afterRelease(status(503)));
    CompletableFuture<LlmResponse> call =
        h.send(
            Door.ASYNC,
            LlmRequest.builder().prompt("hello").timeout(Duration.ofSeconds(5)).build());
    h.awaitRequests(1);
    h.time.advance(Duration.ofSeconds(5));

    assertThat(failureOf(call)).isInstanceOf(RequestTimeoutException.class);
    release.release();
    assertThat(llamacpp.getRequestCount()).isZero();
  }

  @Test
  void aFallbacksAnswerIsCachedUnderItsOwnKeyNeverThePrimarys() {
    start();
    h.server.enqueue(status(503));
    h.server.enqueue(status(503));
    llamacpp.enqueue(llamaAnswer("from llama"));
    LlmRequest request = LlmRequest.of("hello");

    LlmResponse first = resultOf(h.send(Door.ASYNC, request));
    LlmResponse second = resultOf(h.send(Door.ASYNC, request));

    assertThat(first.cached()).isFalse();
    assertThat(second.text()).isEqualTo("from llama");
    assertThat(second.cached()).isTrue();
    assertThat(second.provider()).isEqualTo("llamacpp");
    assertThat(second.skipped()).extracting(SkippedProvider::provider).containsExactly("json-test");
    assertThat(llamacpp.getRequestCount()).isEqualTo(1);
    assertThat(h.server.getRequestCount()).isEqualTo(2);

    LlmRequest withDefaults =
        request.toBuilder().temperature(LlmConfig.DEFAULT_TEMPERATURE).build();
    String fallbackKey =
        RequestKeys.of(
            "llamacpp",
            h.trinity.providers().get(1).endpoint(),
            withDefaults.toBuilder().model("qwen2.5-7b").build());
    String primaryKey =
        RequestKeys.of(
            "json-test",
            h.trinity.providers().get(0).endpoint(),
            withDefaults.toBuilder().model("test-model").build());
    CacheResult atFallback = h.trinity.cache().get(fallbackKey).join();
    assertThat(atFallback.isHit()).isTrue();
    assertThat(h.trinity.cache().get(primaryKey).join().isHit()).isFalse();
  }

  @Test
  void aRequestThatBypassesTheCacheStillWalksTheChain() {
    start();
    h.server.enqueue(status(503));
    llamacpp.enqueue(llamaAnswer("from llama"));

    LlmResponse r =
        resultOf(
            h.send(
                Door.ASYNC,
                LlmRequest.builder().prompt("hello").cachePolicy(CachePolicy.BYPASS).build()));

    assertThat(r.provider()).isEqualTo("llamacpp");
    assertThat(h.trinity.cache().stats().puts()).isZero();
  }

  @Test
  void theContentEnginesOfflineFallbackStillEndsTheChain() {
    start();
    h.server.enqueue(status(503));
    llamacpp.enqueue(status(503));
    openai.enqueue(status(503));

    GeneratedContent site =
        resultOf(
            h.engine(b -> b.fallback(Fallback.offline()))
                .generateAsync(
                    ContentRequest.builder()
                        .portfolioText(PipelineHarness.PORTFOLIO, "portfolio.md")
                        .theme("minimalist")
                        .build()));

    assertThat(site.source()).isEqualTo(ContentSource.FALLBACK);
    assertThat(site.provider()).isEqualTo("offline");
    assertThat(site.content().repos()).extracting(p -> p.name()).contains("pgwatch-lite");
    assertThat(fallbackEvents())
        .extracting(e -> e.get(Keys.FROM) + "->" + e.get(Keys.TO))
        .containsExactly("json-test->llamacpp", "llamacpp->openai");
    assertThat(h.events(LogEvents.CONTENT_FALLBACK_USED)).hasSize(1);
    assertThat(openai.getRequestCount()).isEqualTo(1);
  }

  private static String takeBody(MockWebServer server) {
    try {
      RecordedRequest r = server.takeRequest(10, TimeUnit.SECONDS);
      assertThat(r).isNotNull();
      return r.getBody().utf8();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
