package dev.trinity.core.content;

import static dev.trinity.core.PipelineHarness.kv;
import static dev.trinity.core.PipelineHarness.waiting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.ContentValidationException;
import dev.trinity.api.ProviderException;
import dev.trinity.api.content.AsyncContentEngine;
import dev.trinity.api.content.ContentEngine;
import dev.trinity.api.content.ContentRequest;
import dev.trinity.api.content.ContentSource;
import dev.trinity.api.content.Fallback;
import dev.trinity.api.content.GeneratedContent;
import dev.trinity.cache.CacheConfig;
import dev.trinity.cache.TierType;
import dev.trinity.core.LlmConfig;
import dev.trinity.core.PipelineHarness;
import dev.trinity.core.PipelineHarness.Wire;
import dev.trinity.core.Trinity;
import dev.trinity.core.resilience.RetryConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Results say where they came from, and count every provider call: the pipeline's retries and the
 * engine's repair re-asks.
 */
class ContentProvenanceTest {
  @TempDir Path dir;

  /** A harness whose pipeline retries up to three times, one virtual second apart. */
  static PipelineHarness retrying(Wire wire) {
    return new PipelineHarness(
        wire,
        b ->
            b.retry(
                RetryConfig.builder()
                    .maxAttempts(3)
                    .initialBackoff(Duration.ofSeconds(1))
                    .jitter(0)
                    .build()));
  }

  /** Waits for the future, moving virtual time past each retry back-off as it comes up. */
  static <T> T settle(PipelineHarness h, CompletableFuture<T> f) {
    waiting()
        .until(
            () -> {
              // back-offs are 1 s, 2 s, …; the 60 s deadline timers are left alone
              h.time
                  .nextDelay()
                  .filter(d -> d.compareTo(Duration.ofSeconds(10)) <= 0)
                  .ifPresent(h.time::advance);
              return f.isDone();
            });
    return f.join();
  }

  static Throwable settleFailure(PipelineHarness h, CompletableFuture<?> f) {
    try {
      settle(h, f);
    } catch (java.util.concurrent.CompletionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected a failure but the future succeeded");
  }

  @Test
  void attemptsCountTheRetriesOfEveryRoundAndRepairsCountTheReAsks() {
    try (PipelineHarness h = retrying(Wire.OLLAMA)) {
      h.server.enqueue(PipelineHarness.status(500));
      h.server.enqueue(h.answer(ContentRepairTest.BROKEN));
      h.server.enqueue(PipelineHarness.status(503));
      h.server.enqueue(h.answer(PipelineHarness.VALID));
      AsyncContentEngine engine = h.engine();

      GeneratedContent result =
          settle(h, engine.generateAsync(PipelineHarness.PORTFOLIO, engine.theme("hacker")));

      assertThat(h.server.getRequestCount()).isEqualTo(4);
      assertThat(result.attempts()).isEqualTo(4);
      assertThat(result.repairs()).isEqualTo(1);
      assertThat(kv(h.events("content_generated").get(0), "attempt")).isEqualTo(4);
      assertThat(kv(h.events("content_generated").get(0), "repairs")).isEqualTo(1);
    }
  }

  @Test
  void aFailureAfterARepairReportsEveryCallMade() {
    try (PipelineHarness h = retrying(Wire.OPENAI)) {
      h.server.enqueue(h.answer(ContentRepairTest.BROKEN));
      for (int i = 0; i < 3; i++) {
        h.server.enqueue(PipelineHarness.status(500));
      }
      AsyncContentEngine engine = h.engine();

      Throwable failure =
          settleFailure(h, engine.generateAsync(PipelineHarness.PORTFOLIO, engine.theme("hacker")));

      assertThat(failure).isInstanceOf(ProviderException.class);
      assertThat(((ProviderException) failure).attempts()).isEqualTo(4);
    }
  }

  @Test
  void aFallbackResultCountsTheCallsMadeBeforeTheModelPathFailed() {
    try (PipelineHarness h = retrying(Wire.OLLAMA)) {
      for (int i = 0; i < 3; i++) {
        h.server.enqueue(PipelineHarness.status(502));
      }
      AsyncContentEngine engine = h.engine(b -> b.fallback(Fallback.offline()));

      GeneratedContent result =
          settle(h, engine.generateAsync(OfflineAndFallbackTest.fixture(), "hacker"));

      assertThat(result.source()).isEqualTo(ContentSource.FALLBACK);
      assertThat(result.originalSource()).isEqualTo(ContentSource.FALLBACK);
      assertThat(result.attempts()).isEqualTo(3);
      assertThat(result.repairs()).isZero();
    }
  }

  @Test
  void aRejectedAnswerAfterTheLastRepairReportsEveryCallInTheException() {
    try (PipelineHarness h = retrying(Wire.OLLAMA)) {
      h.server.enqueue(PipelineHarness.status(500));
      h.server.enqueue(h.answer("no json"));
      h.server.enqueue(h.answer("still no json"));
      AsyncContentEngine engine = h.engine(b -> b.maxRepairs(1));

      Throwable failure =
          settleFailure(h, engine.generateAsync(PipelineHarness.PORTFOLIO, engine.theme("hacker")));

      assertThat(failure).isInstanceOf(ContentValidationException.class);
      assertThat(((ContentValidationException) failure).attempts()).isEqualTo(3);
    }
  }

  @Test
  void anAnswerFromTheCacheSaysCacheKeepsWhoWroteItAndCountsNoCalls() {
    try (PipelineHarness h = new PipelineHarness(Wire.OLLAMA)) {
      h.server.enqueue(h.answer(PipelineHarness.VALID));
      AsyncContentEngine engine = h.engine();

      GeneratedContent fresh =
          settle(h, engine.generateAsync(PipelineHarness.PORTFOLIO, engine.theme("hacker")));
      GeneratedContent cached =
          settle(h, engine.generateAsync(PipelineHarness.PORTFOLIO, engine.theme("hacker")));

      assertThat(fresh.source()).isEqualTo(ContentSource.LLM);
      assertThat(fresh.originalSource()).isEqualTo(ContentSource.LLM);
      assertThat(fresh.attempts()).isEqualTo(1);
      assertThat(cached.source()).isEqualTo(ContentSource.CACHE);
      assertThat(cached.originalSource()).isEqualTo(ContentSource.LLM);
      assertThat(cached.provider()).isEqualTo("ollama");
      assertThat(cached.attempts()).isZero();
      assertThat(cached.repairs()).isZero();
      assertThat(h.server.getRequestCount()).isEqualTo(1);
      assertThat(kv(h.events("content_generated").get(1), "source")).isEqualTo("cache");
      assertThat(kv(h.events("content_generated").get(1), "original_source")).isEqualTo("llm");
    }
  }

  static Trinity offlineWithFilesystemCache(Path cacheDir) {
    return Trinity.builder()
        .llm(LlmConfig.builder().provider("offline").build())
        .cache(
            CacheConfig.builder()
                .tiers(TierType.MEMORY, TierType.FILESYSTEM)
                .filesystem(f -> f.directory(cacheDir))
                .build())
        .build();
  }

  @Test
  void offlineContentServedByTheFilesystemTierOfTheNextRunSaysCacheWrittenOffline() {
    Path cacheDir = dir.resolve("cache");
    ContentRequest request = ContentRequest.of(OfflineAndFallbackTest.fixture(), "minimalist");
    GeneratedContent first;
    GeneratedContent memoryHit;
    try (Trinity trinity = offlineWithFilesystemCache(cacheDir)) {
      ContentEngine engine = ContentEngines.create(trinity);
      first = engine.generate(request);
      memoryHit = engine.generate(request);
    }
    GeneratedContent secondRun;
    try (Trinity trinity = offlineWithFilesystemCache(cacheDir)) {
      secondRun = ContentEngines.create(trinity).generate(request);
    }

    assertThat(first.source()).isEqualTo(ContentSource.OFFLINE);
    assertThat(first.originalSource()).isEqualTo(ContentSource.OFFLINE);
    assertThat(first.attempts()).isEqualTo(1);
    assertThat(memoryHit.source()).isEqualTo(ContentSource.CACHE);
    assertThat(memoryHit.originalSource()).isEqualTo(ContentSource.OFFLINE);
    assertThat(secondRun.source()).isEqualTo(ContentSource.CACHE);
    assertThat(secondRun.originalSource()).isEqualTo(ContentSource.OFFLINE);
    assertThat(secondRun.provider()).isEqualTo("offline");
    assertThat(secondRun.attempts()).isZero();
    assertThat(secondRun.content()).isEqualTo(first.content());
  }
}
