package dev.trinity.core.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.InvalidInputException;
import dev.trinity.api.Usage;
import dev.trinity.api.content.BatchOptions;
import dev.trinity.api.content.BatchProgress;
import dev.trinity.api.content.BatchResult;
import dev.trinity.api.content.ContentRequest;
import dev.trinity.api.content.ContentSource;
import dev.trinity.api.content.GeneratedContent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The batch runner against generations the test completes by hand: no threads, no waiting. */
class BatchRunnerTest {
  final Map<String, CompletableFuture<GeneratedContent>> started = new ConcurrentHashMap<>();
  final List<String> startOrder = new CopyOnWriteArrayList<>();

  CompletableFuture<GeneratedContent> generate(ContentRequest r) {
    CompletableFuture<GeneratedContent> f = new CompletableFuture<>();
    startOrder.add(r.inputName());
    started.put(r.inputName(), f);
    return f;
  }

  static List<ContentRequest> requests(int n) {
    return IntStream.range(0, n)
        .mapToObj(
            i -> ContentRequest.builder().portfolioText("p", "item-" + i).theme("hacker").build())
        .toList();
  }

  static GeneratedContent content(String theme) {
    return new GeneratedContent(
        ThemeStylerTest.content(1),
        ContentSource.LLM,
        theme,
        "test",
        "m",
        Usage.NONE,
        1,
        Duration.ZERO,
        List.of(),
        "c");
  }

  @Test
  void neverHasMoreThanTheLimitInFlightAndStartsTheNextAsOneFinishes() {
    CompletableFuture<BatchResult> batch =
        new BatchRunner(
                requests(5), BatchOptions.ofDefaults().withMaxConcurrency(2), this::generate)
            .run();

    assertThat(startOrder).containsExactly("item-0", "item-1");
    started.get("item-1").complete(content("hacker"));
    assertThat(startOrder).containsExactly("item-0", "item-1", "item-2");
    started.get("item-0").complete(content("hacker"));
    started.get("item-2").complete(content("hacker"));
    assertThat(startOrder).hasSize(4 + 0 + 1);
    started.get("item-3").complete(content("hacker"));
    started.get("item-4").complete(content("hacker"));

    assertThat(batch).isCompleted();
    assertThat(batch.join().succeeded()).isEqualTo(5);
  }

  @Test
  void oneFailingItemFailsAloneAndProgressCountsIt() {
    List<BatchProgress> progress = new ArrayList<>();
    CompletableFuture<BatchResult> batch =
        new BatchRunner(
                requests(3),
                BatchOptions.ofDefaults().withProgressListener(progress::add),
                this::generate)
            .run();

    started.get("item-2").complete(content("hacker"));
    started.get("item-0").completeExceptionally(new InvalidInputException("item-0", "is empty"));
    started.get("item-1").complete(content("hacker"));

    BatchResult result = batch.join();
    assertThat(result.total()).isEqualTo(3);
    assertThat(result.succeeded()).isEqualTo(2);
    assertThat(result.failures())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.index()).isZero();
              assertThat(i.error()).isInstanceOf(InvalidInputException.class);
            });
    assertThat(result.items())
        .extracting(i -> i.request().inputName())
        .containsExactly("item-0", "item-1", "item-2");
    assertThat(progress)
        .extracting(BatchProgress::done, BatchProgress::total, BatchProgress::failed)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, 3, 0),
            org.assertj.core.groups.Tuple.tuple(2, 3, 1),
            org.assertj.core.groups.Tuple.tuple(3, 3, 1));
  }

  @Test
  void itemsThatFinishAtOnceDoNotGrowTheStack() {
    AtomicInteger calls = new AtomicInteger();
    CompletableFuture<BatchResult> batch =
        new BatchRunner(
                requests(20_000),
                BatchOptions.ofDefaults().withMaxConcurrency(1),
                r -> {
                  calls.incrementAndGet();
                  return CompletableFuture.completedFuture(content("hacker"));
                })
            .run();

    assertThat(batch.join().succeeded()).isEqualTo(20_000);
    assertThat(calls).hasValue(20_000);
  }

  @Test
  void aListenerThatThrowsDoesNotStopTheBatch() {
    CompletableFuture<BatchResult> batch =
        new BatchRunner(
                requests(2),
                BatchOptions.ofDefaults()
                    .withProgressListener(
                        p -> {
                          throw new IllegalStateException("listener bug");
                        }),
                this::generate)
            .run();

    started.values().forEach(f -> f.complete(content("hacker")));

    assertThat(batch.join().succeeded()).isEqualTo(2);
  }

  @Test
  void cancellingTheBatchCancelsWhatIsInFlightAndStartsNothingMore() {
    CompletableFuture<BatchResult> batch =
        new BatchRunner(
                requests(4), BatchOptions.ofDefaults().withMaxConcurrency(2), this::generate)
            .run();

    batch.cancel(true);

    assertThat(started.get("item-0")).isCancelled();
    assertThat(started.get("item-1")).isCancelled();
    assertThat(startOrder).containsExactly("item-0", "item-1");
  }

  @Test
  void anEmptyBatchCompletesAtOnce() {
    assertThat(
            new BatchRunner(List.of(), BatchOptions.ofDefaults(), this::generate)
                .run()
                .join()
                .total())
        .isZero();
  }
}
