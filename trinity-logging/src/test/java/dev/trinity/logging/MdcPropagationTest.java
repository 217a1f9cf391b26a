package dev.trinity.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

@SuppressWarnings("try") // scopes opened only for their effect on the MDC
class MdcPropagationTest {
  private static final String ID = "build-123";

  private ExecutorService poolA;
  private ExecutorService poolB;

  @BeforeEach
  void startPools() {
    poolA = Executors.newSingleThreadExecutor(r -> new Thread(r, "pool-a"));
    poolB = Executors.newSingleThreadExecutor(r -> new Thread(r, "pool-b"));
  }

  @AfterEach
  void stopPools() throws InterruptedException {
    poolA.shutdownNow();
    poolB.shutdownNow();
    assertThat(poolA.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    assertThat(poolB.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    MDC.clear();
  }

  /** What a pool thread's MDC holds between tasks, read by an unwrapped task. */
  private static @Nullable Map<String, String> mdcOf(ExecutorService pool) throws Exception {
    return pool.submit(MDC::getCopyOfContextMap).get(5, TimeUnit.SECONDS);
  }

  @Test
  void aWrappedRunnableSeesTheCallersMdcAndLeavesThePoolThreadEmpty() throws Exception {
    CompletableFuture<@Nullable String> seen = new CompletableFuture<>();
    try (CorrelationContext scope = CorrelationContext.open(ID)) {
      poolA.execute(MdcPropagation.runnable(() -> seen.complete(CorrelationContext.current())));
    }

    assertThat(seen.get(5, TimeUnit.SECONDS)).isEqualTo(ID);
    assertThat(mdcOf(poolA)).isNullOrEmpty();
  }

  @Test
  void aWrappedTaskRestoresWhatThePoolThreadHadBefore() throws Exception {
    poolA.submit(() -> MDC.put("worker", "kept")).get(5, TimeUnit.SECONDS);

    try (CorrelationContext scope = CorrelationContext.open(ID)) {
      Callable<Map<String, String>> task = MdcPropagation.callable(MDC::getCopyOfContextMap);
      assertThat(poolA.submit(task).get(5, TimeUnit.SECONDS))
          .containsExactlyEntriesOf(Map.of("correlation_id", ID));
    }

    assertThat(mdcOf(poolA)).containsExactlyEntriesOf(Map.of("worker", "kept"));
  }

  @Test
  void theWrapperCapturesTheMdcWhenCreatedNotWhenRun() throws Exception {
    Runnable task;
    CompletableFuture<@Nullable String> seen = new CompletableFuture<>();
    try (CorrelationContext scope = CorrelationContext.open(ID)) {
      task = MdcPropagation.runnable(() -> seen.complete(CorrelationContext.current()));
    }
    try (CorrelationContext other = CorrelationContext.open("other")) {
      poolA.execute(task);
    }

    assertThat(seen.get(5, TimeUnit.SECONDS)).isEqualTo(ID);
  }

  @Test
  void aWrappedExecutorCarriesEachSubmittersMdcToItsTask() throws Exception {
    var executor = MdcPropagation.executor(poolA);
    CompletableFuture<@Nullable String> first = new CompletableFuture<>();
    CompletableFuture<@Nullable String> second = new CompletableFuture<>();

    try (CorrelationContext scope = CorrelationContext.open("first")) {
      executor.execute(() -> first.complete(CorrelationContext.current()));
    }
    try (CorrelationContext scope = CorrelationContext.open("second")) {
      executor.execute(() -> second.complete(CorrelationContext.current()));
    }

    assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
    assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("second");
    assertThat(mdcOf(poolA)).isNullOrEmpty();
    assertThat(MdcPropagation.executor(executor)).isSameAs(executor);
  }

  @Test
  void aWrappedExecutorServiceCarriesTheMdcThroughSubmitAndInvokeAll() throws Exception {
    ExecutorService service = MdcPropagation.executorService(poolA);
    List<String> seen;
    @Nullable String submitted;
    try (CorrelationContext scope = CorrelationContext.open(ID)) {
      submitted = service.submit(CorrelationContext::current).get(5, TimeUnit.SECONDS);
      List<Future<String>> futures =
          service.invokeAll(List.<Callable<String>>of(CorrelationContext::current, () -> "x"));
      seen = List.of(futures.get(0).get(), futures.get(1).get());
    }

    assertThat(submitted).isEqualTo(ID);
    assertThat(seen).containsExactly(ID, "x");
    assertThat(mdcOf(poolA)).isNullOrEmpty();
    service.shutdown();
    assertThat(poolA.isShutdown()).isTrue();
  }

  @RepeatedTest(20) // stages race with chain building; repeat to catch order-dependent failures
  void aCompletableFutureChainAcrossTwoExecutorsKeepsTheCorrelationIdInEveryStage()
      throws Exception {
    var a = MdcPropagation.executor(poolA);
    var b = MdcPropagation.executor(poolB);
    ConcurrentLinkedQueue<String> stages = new ConcurrentLinkedQueue<>();
    CompletableFuture<Void> chainBuilt = new CompletableFuture<>();
    CompletableFuture<String> chain;

    try (CorrelationContext scope = CorrelationContext.open(ID)) {
      chain =
          CompletableFuture.supplyAsync(
                  () -> {
                    await(chainBuilt); // so that every stage is attached before the first completes
                    return record(stages, "supplyAsync", 1);
                  },
                  a)
              .thenApplyAsync(n -> record(stages, "thenApplyAsync", n + 1), b)
              .thenApply(MdcPropagation.function(n -> record(stages, "thenApply", n + 1)))
              .thenComposeAsync(
                  n -> CompletableFuture.supplyAsync(() -> record(stages, "composed", n + 1), b), a)
              .whenComplete(MdcPropagation.biConsumer((n, e) -> record(stages, "whenComplete", 0)))
              .handle(MdcPropagation.biFunction((n, e) -> record(stages, "handle", n) + "!"))
              .thenApplyAsync(s -> record(stages, "back on a", 0) + s, a);
    }
    chainBuilt.complete(null);

    assertThat(chain.get(5, TimeUnit.SECONDS)).isEqualTo("04!");
    // after the composition, stages run on whichever thread completed the composed future last
    assertThat(stages)
        .containsExactly(
            "supplyAsync pool-a " + ID,
            "thenApplyAsync pool-b " + ID,
            "thenApply pool-b " + ID,
            "composed pool-b " + ID,
            "whenComplete " + threadOf(stages, 4) + " " + ID,
            "handle " + threadOf(stages, 5) + " " + ID,
            "back on a pool-a " + ID);
    assertThat(threadOf(stages, 4)).isIn("pool-a", "pool-b");
    assertThat(mdcOf(poolA)).isNullOrEmpty();
    assertThat(mdcOf(poolB)).isNullOrEmpty();
  }

  @RepeatedTest(20)
  void stageWrappersKeepTheIdWhenAThreadWithoutMdcCompletesTheFuture() throws Exception {
    CompletableFuture<Integer> source = new CompletableFuture<>();
    ConcurrentLinkedQueue<String> stages = new ConcurrentLinkedQueue<>();
    CompletableFuture<Void> chain;
    try (CorrelationContext scope = CorrelationContext.open(ID)) {
      chain =
          source
              .thenApply(MdcPropagation.function(n -> record(stages, "thenApply", n)))
              .thenAccept(MdcPropagation.consumer(n -> record(stages, "thenAccept", n)))
              .thenRun(MdcPropagation.runnable(() -> record(stages, "thenRun", 0)))
              .thenCompose(
                  MdcPropagation.function(
                      v ->
                          CompletableFuture.supplyAsync(
                              MdcPropagation.supplier(() -> record(stages, "supplier", 0)), poolB)))
              .thenAccept(n -> record(stages, "unwrapped", 0));
    }

    poolA.execute(() -> source.complete(7)); // an unwrapped thread, as an HTTP client's would be
    chain.get(5, TimeUnit.SECONDS);

    assertThat(stages)
        .containsExactly(
            "thenApply pool-a " + ID,
            "thenAccept pool-a " + ID,
            "thenRun pool-a " + ID,
            "supplier pool-b " + ID,
            "unwrapped " + threadOf(stages, 4) + " null");
    assertThat(threadOf(stages, 4)).isIn("pool-a", "pool-b");
    assertThat(mdcOf(poolA)).isNullOrEmpty();
  }

  private static void await(CompletableFuture<Void> gate) {
    try {
      gate.get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The thread a recorded stage ran on. */
  private static String threadOf(ConcurrentLinkedQueue<String> stages, int index) {
    String[] words = stages.stream().skip(index).findFirst().orElse("").split(" ");
    return words.length < 2 ? "" : words[words.length - 2];
  }

  private static int record(ConcurrentLinkedQueue<String> stages, String stage, int value) {
    stages.add(stage + " " + Thread.currentThread().getName() + " " + CorrelationContext.current());
    return value;
  }
}
