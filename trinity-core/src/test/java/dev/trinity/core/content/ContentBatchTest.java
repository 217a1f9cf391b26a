package dev.trinity.core.content;

import static dev.trinity.core.PipelineHarness.resultOf;
import static dev.trinity.core.PipelineHarness.waiting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.trinity.api.InvalidInputException;
import dev.trinity.api.content.AsyncContentEngine;
import dev.trinity.api.content.BatchOptions;
import dev.trinity.api.content.BatchProgress;
import dev.trinity.api.content.BatchResult;
import dev.trinity.api.content.ContentRequest;
import dev.trinity.api.content.GeneratedContent;
import dev.trinity.core.PipelineHarness;
import dev.trinity.core.PipelineHarness.Wire;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many portfolios at once: bounded, concurrent, and never all-or-nothing. */
class ContentBatchTest {
  @TempDir Path dir;

  /** Answers every request, but only once {@code release} is counted down. */
  static void holdAnswers(PipelineHarness h, CountDownLatch release) {
    h.server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            release.await(10, TimeUnit.SECONDS);
            return h.answer(PipelineHarness.VALID);
          }
        });
  }

  @Test
  void aBatchWithOneFailingItemReturnsEveryOtherItemAndCountsTheFailure() {
    try (PipelineHarness h = new PipelineHarness(Wire.OLLAMA)) {
      h.server.enqueue(h.answer(PipelineHarness.VALID));
      h.server.enqueue(h.answer(PipelineHarness.VALID));
      List<BatchProgress> progress = new CopyOnWriteArrayList<>();
      List<ContentRequest> requests =
          List.of(
              ContentRequest.ofText(PipelineHarness.PORTFOLIO, "brutalist"),
              ContentRequest.of(dir.resolve("missing.md"), "hacker"),
              ContentRequest.ofText(PipelineHarness.PORTFOLIO, "minimalist"));

      BatchResult result =
          h.engine()
              .sync()
              .generateAll(
                  requests,
                  BatchOptions.ofDefaults()
                      .withMaxConcurrency(1)
                      .withProgressListener(progress::add));

      assertThat(result.total()).isEqualTo(3);
      assertThat(result.succeeded()).isEqualTo(2);
      assertThat(result.items().get(1).error())
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("missing.md: does not exist");
      assertThat(result.contents())
          .extracting(GeneratedContent::theme)
          .containsExactly("brutalist", "minimalist");
      assertThat(progress)
          .extracting(BatchProgress::done, BatchProgress::total, BatchProgress::failed)
          .containsExactly(tuple(1, 3, 0), tuple(2, 3, 1), tuple(3, 3, 1));
    }
  }

  @Test
  void everyItemOfABatchHasItsOwnCorrelationId() {
    try (PipelineHarness h = new PipelineHarness(Wire.OLLAMA)) {
      for (int i = 0; i < 5; i++) {
        h.server.enqueue(h.answer(PipelineHarness.VALID));
      }
      List<ContentRequest> requests =
          List.of("brutalist", "hacker", "minimalist", "enterprise", "editorial").stream()
              .map(theme -> ContentRequest.ofText(PipelineHarness.PORTFOLIO, theme))
              .toList();

      // one at a time: each item is started by the completion of the one before it
      BatchResult result =
          h.engine().sync().generateAll(requests, BatchOptions.ofDefaults().withMaxConcurrency(1));

      assertThat(result.succeeded()).isEqualTo(5);
      assertThat(result.contents())
          .extracting(GeneratedContent::correlationId)
          .doesNotHaveDuplicates();
    }
  }

  @Test
  void threeThemesAreGeneratedConcurrently() {
    CountDownLatch release = new CountDownLatch(1);
    try (PipelineHarness h = new PipelineHarness(Wire.OLLAMA)) {
      holdAnswers(h, release);
      AsyncContentEngine engine = h.engine();

      List<CompletableFuture<GeneratedContent>> all =
          List.of(
              engine.generateAsync(PipelineHarness.PORTFOLIO, engine.theme("brutalist")),
              engine.generateAsync(PipelineHarness.PORTFOLIO, engine.theme("hacker")),
              engine.generateAsync(PipelineHarness.PORTFOLIO, engine.theme("minimalist")));
      waiting().until(() -> h.server.getRequestCount() == 3); // all three in flight at once
      release.countDown();

      assertThat(all.stream().map(PipelineHarness::resultOf).toList())
          .extracting(g -> g.theme(), g -> g.content().brandName())
          .containsExactly(
              tuple("brutalist", "ADA KOWALSKA"),
              tuple("hacker", "ada kowalska"),
              tuple("minimalist", "Ada Kowalska"));
    } finally {
      release.countDown();
    }
  }

  @Test
  void aBatchKeepsAtMostItsLimitInFlight() {
    CountDownLatch release = new CountDownLatch(1);
    try (PipelineHarness h = new PipelineHarness(Wire.OLLAMA)) {
      holdAnswers(h, release);
      List<ContentRequest> requests =
          List.of("brutalist", "hacker", "minimalist", "enterprise", "editorial").stream()
              .map(t -> ContentRequest.ofText(PipelineHarness.PORTFOLIO, t))
              .toList();

      CompletableFuture<BatchResult> batch =
          h.engine().generateAllAsync(requests, BatchOptions.ofDefaults().withMaxConcurrency(2));
      waiting().until(() -> h.server.getRequestCount() == 2);
      int inFlightBeforeRelease = h.server.getRequestCount();
      release.countDown();

      BatchResult result = resultOf(batch);
      assertThat(inFlightBeforeRelease).isEqualTo(2);
      assertThat(result.succeeded()).isEqualTo(5);
      assertThat(result.contents())
          .extracting(GeneratedContent::theme)
          .containsExactly("brutalist", "hacker", "minimalist", "enterprise", "editorial");
    } finally {
      release.countDown();
    }
  }
}
