package dev.trinity.core;

import static dev.trinity.core.PipelineHarness.failureOf;
import static dev.trinity.core.PipelineHarness.ok;
import static dev.trinity.core.PipelineHarness.resultOf;
import static dev.trinity.core.PipelineHarness.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.CachePolicy;
import dev.trinity.api.ContentValidationException;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.ResponseSource;
import dev.trinity.api.ResponseValidator;
import dev.trinity.cache.CacheEntry;
import dev.trinity.cache.CacheManager;
import dev.trinity.cache.CacheTier;
import dev.trinity.cache.TierHealth;
import dev.trinity.cache.TierStats;
import dev.trinity.core.PipelineHarness.Door;
import dev.trinity.core.resilience.CircuitBreaker;
import dev.trinity.core.resilience.RetryConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CachePipelineTest {
  private PipelineHarness h;

  @AfterEach
  void stop() {
    if (h != null) {
      h.close();
    }
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void theSecondIdenticalRequestIsServedFromMemory(Door door) throws Exception {
    h = new PipelineHarness();
    h.server.enqueue(ok("fresh"));

    LlmResponse first = resultOf(h.send(door, LlmRequest.of("same")));
    LlmResponse second = resultOf(h.send(door, LlmRequest.of("same")));

    assertThat(first.source()).isEqualTo(ResponseSource.PROVIDER);
    assertThat(first.attempts()).isEqualTo(1);
    assertThat(second.text()).isEqualTo("fresh");
    assertThat(second.cached()).isTrue();
    assertThat(second.cacheTier()).contains("memory");
    assertThat(second.attempts()).isZero();
    assertThat(second.usage()).isEqualTo(first.usage());
    assertThat(h.server.getRequestCount()).isEqualTo(1);
    assertThat(h.trinity.cache().stats().hits()).isEqualTo(1);
  }

  @Test
  void requestsThatDifferInAnythingThatChangesTheAnswerDoNotShareAnEntry() throws Exception {
    h = new PipelineHarness();
    for (int i = 0; i < 6; i++) {
      h.server.enqueue(ok("a" + i));
    }
    List<LlmRequest> variants =
        List.of(
            LlmRequest.of("same"),
            LlmRequest.builder().prompt("same").temperature(0.1).build(),
            LlmRequest.builder().prompt("same").model("other").build(),
            LlmRequest.builder().prompt("same").systemPrompt("be terse").build(),
            LlmRequest.builder().prompt("same").seed(42L).build(),
            LlmRequest.builder().prompt("same").promptVersion("v2").build());

    for (LlmRequest r : variants) {
      assertThat(resultOf(h.send(Door.ASYNC, r)).cached()).isFalse();
    }
    assertThat(h.server.getRequestCount()).isEqualTo(6);
  }

  @Test
  void cachedAnswersAreServedWhileTheBreakerIsOpen() throws Exception {
    h = new PipelineHarness(b -> b.retry(RetryConfig.disabled()));
    h.server.enqueue(ok("kept"));
    resultOf(h.send(Door.ASYNC, LlmRequest.of("cached prompt")));
    // with the success before them, 9 failures make 9 of 10 calls: the default breaker opens
    for (int i = 0; i < 9; i++) {
      h.server.enqueue(status(500));
      failureOf(h.send(Door.ASYNC, LlmRequest.of("failing " + i)));
    }
    assertThat(h.trinity.circuitBreakers().statusOfAll().values().iterator().next().state())
        .isEqualTo(CircuitBreaker.State.OPEN);

    LlmResponse r = resultOf(h.send(Door.SYNC, LlmRequest.of("cached prompt")));

    assertThat(r.text()).isEqualTo("kept");
    assertThat(r.cached()).isTrue();
    assertThat(h.server.getRequestCount()).isEqualTo(10);
  }

  @Test
  void bypassNeitherReadsNorWritesAndRefreshSkipsTheReadButWrites() throws Exception {
    h = new PipelineHarness();
    h.server.enqueue(ok("one"));
    h.server.enqueue(ok("two"));
    h.server.enqueue(ok("three"));
    LlmRequest use = LlmRequest.of("p");

    assertThat(resultOf(h.send(Door.ASYNC, use)).text()).isEqualTo("one");
    LlmResponse bypass =
        resultOf(h.send(Door.ASYNC, use.toBuilder().cachePolicy(CachePolicy.BYPASS).build()));
    assertThat(bypass.text()).isEqualTo("two");
    assertThat(bypass.cached()).isFalse();
    assertThat(resultOf(h.send(Door.ASYNC, use)).text())
        .as("bypass did not write")
        .isEqualTo("one");
    LlmResponse refresh =
        resultOf(h.send(Door.ASYNC, use.toBuilder().cachePolicy(CachePolicy.REFRESH).build()));
    assertThat(refresh.text()).isEqualTo("three");
    assertThat(resultOf(h.send(Door.ASYNC, use)).text()).as("refresh wrote").isEqualTo("three");
    assertThat(h.server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void anAnswerTheCallerRejectedIsNotServedNextTime() throws Exception {
    h = new PipelineHarness();
    h.server.enqueue(ok("not json"));
    h.server.enqueue(ok("{}"));
    ResponseValidator json =
        r -> {
          if (!r.text().startsWith("{")) {
            throw new ContentValidationException(
                "not JSON", List.of("$: not an object"), r.text(), null);
          }
        };

    assertThat(failureOf(h.trinity.llmAsync().generate(LlmRequest.of("p"), json)))
        .isInstanceOf(ContentValidationException.class);
    LlmResponse second = resultOf(h.trinity.llmAsync().generate(LlmRequest.of("p"), json));

    assertThat(second.text()).isEqualTo("{}");
    assertThat(second.cached()).isFalse();
    assertThat(h.server.getRequestCount()).isEqualTo(2);
    assertThat(resultOf(h.trinity.llmAsync().generate(LlmRequest.of("p"), json)).cached()).isTrue();
  }

  @Test
  void aCachedAnswerTheValidatorNowRejectsIsDroppedAndFetchedAgain() throws Exception {
    h = new PipelineHarness();
    h.server.enqueue(ok("old style"));
    h.server.enqueue(ok("{new}"));
    resultOf(h.trinity.llmAsync().generate(LlmRequest.of("p")));

    LlmResponse r =
        resultOf(
            h.trinity
                .llmAsync()
                .generate(
                    LlmRequest.of("p"),
                    resp -> {
                      if (!resp.text().startsWith("{")) {
                        throw new ContentValidationException("old", List.of(), resp.text(), null);
                      }
                    }));

    assertThat(r.text()).isEqualTo("{new}");
    assertThat(h.server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aHundredRequestsWithSixtyPercentDuplicatesAtConcurrencyTwentyCallTheProviderOncePerPrompt()
      throws Exception {
    h = new PipelineHarness();
    AtomicInteger calls = new AtomicInteger();
    h.server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            calls.incrementAndGet();
            return ok("answer");
          }
        });
    List<String> prompts = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      prompts.add("prompt " + (i < 40 ? i : (i * 7) % 40)); // 40 distinct, 60 repeats
    }
    java.util.Collections.shuffle(prompts, new java.util.Random(7));
    Semaphore slots = new Semaphore(20);
    List<CompletableFuture<LlmResponse>> all = new ArrayList<>();
    for (String p : prompts) {
      slots.acquire();
      CompletableFuture<LlmResponse> f = h.send(Door.ASYNC, LlmRequest.of(p));
      f.whenComplete((r, e) -> slots.release());
      all.add(f);
    }

    assertThat(all).allSatisfy(f -> assertThat(resultOf(f).text()).isEqualTo("answer"));
    assertThat(calls).hasValue(40);
  }

  @Test
  void aFailingTierNeverFailsTheRequest() throws Exception {
    CacheTier broken = new BrokenTier();
    h = new PipelineHarness(b -> b.cacheManager(CacheManager.builder().tier(broken).build()));
    h.server.enqueue(ok("still works"));
    h.server.enqueue(ok("again"));

    assertThat(resultOf(h.send(Door.ASYNC, LlmRequest.of("p"))).text()).isEqualTo("still works");
    assertThat(resultOf(h.send(Door.SYNC, LlmRequest.of("p"))).text()).isEqualTo("again");
  }

  /** A tier whose every operation fails. */
  private static final class BrokenTier implements CacheTier {
    @Override
    public String name() {
      return "broken";
    }

    @Override
    public CompletableFuture<Optional<CacheEntry>> get(String key) {
      return CompletableFuture.failedFuture(new java.io.IOException("disk on fire"));
    }

    @Override
    public CompletableFuture<Void> put(String key, String value, Duration ttl) {
      throw new IllegalStateException("disk on fire");
    }

    @Override
    public CompletableFuture<Void> put(String key, CacheEntry entry) {
      return CompletableFuture.failedFuture(new java.io.IOException("disk on fire"));
    }

    @Override
    public CompletableFuture<Void> delete(String key) {
      return CompletableFuture.failedFuture(new java.io.IOException("disk on fire"));
    }

    @Override
    public CompletableFuture<Void> clear() {
      return CompletableFuture.failedFuture(new java.io.IOException("disk on fire"));
    }

    @Override
    public TierStats stats() {
      return TierStats.empty("broken");
    }

    @Override
    public TierHealth health() {
      return TierHealth.down("disk on fire");
    }

    @Override
    public void close() {}
  }
}
