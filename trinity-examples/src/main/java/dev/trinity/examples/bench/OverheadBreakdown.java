package dev.trinity.examples.bench;

import dev.trinity.api.CachePolicy;
import dev.trinity.api.LlmRequest;
import dev.trinity.core.LlmConfig;
import dev.trinity.core.Trinity;
import dev.trinity.core.internal.http.CallerWaits;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;

/**
 * Where the SDK's overhead goes: the same zero-latency chat call made a ladder of ways, from the
 * hand-written blocking client up to {@code trinity.llm().generate}, each step adding one thing the
 * SDK does. Steps run in alternating blocks (see {@link BlockRunner}); the table shows the median
 * of several runs.
 *
 * <ol>
 *   <li>hand-written client, {@code HttpClient.send} (the baseline of {@link OverheadBenchmark});
 *   <li>the same with {@code sendAsync().get()}: what any asynchronous use of {@code java.net.http}
 *       costs (on Java 17–24 with common-pool parallelism 1, i.e. two or fewer CPUs, the client
 *       starts a new thread per response to complete the future);
 *   <li>Trinity's Ollama provider alone: encoder, the shared transport, decoder;
 *   <li>the same with the exchange on the caller's thread, as the blocking client runs it;
 *   <li>the whole pipeline with a scheduler that never fires (no deadline timer);
 *   <li>the whole pipeline ({@code LlmClient});
 *   <li>the non-blocking client, waited on.
 * </ol>
 *
 * <p>Run: {@code mvn -B -q -o -pl trinity-examples exec:java
 * -Dexec.mainClass=dev.trinity.examples.bench.OverheadBreakdown -Dexec.args="4000 3"}
 */
public final class OverheadBreakdown {
  private static final String ANSWER = "{\"brand_name\":\"Ada\"}";

  private OverheadBreakdown() {}

  /**
   * Runs the ladder.
   *
   * @param args calls per step per run (default 4000), runs (default 3)
   * @throws Exception when the server cannot start or a call fails
   */
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 4_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    try (LoopbackOllamaResponder server = LoopbackOllamaResponder.start("bench", ANSWER);
        // each step its own instance, so that no step shares a connection pool with another
        Trinity forAsyncProvider = trinity(server, false);
        Trinity forProvider = trinity(server, false);
        Trinity noTimer = trinity(server, true);
        Trinity blocking = trinity(server, false);
        Trinity async = trinity(server, false)) {
      HandWrittenOllamaClient sync = new HandWrittenOllamaClient(server.baseUrl());
      HandWrittenOllamaClient handAsync = new HandWrittenOllamaClient(server.baseUrl());
      LlmRequest request =
          LlmRequest.builder().prompt("Write a tagline").cachePolicy(CachePolicy.BYPASS).build();
      LlmRequest providerRequest = request.toBuilder().model("bench").temperature(0.7).build();
      BlockRunner runner =
          new BlockRunner(250)
              .add("1 hand-written, send()", () -> sync.chat("bench", "Write a tagline"))
              .add(
                  "2 hand-written, sendAsync().get()",
                  () -> handAsync.chatAsync("bench", "Write a tagline").get())
              .add(
                  "3 Trinity Ollama provider alone",
                  () -> forAsyncProvider.provider().generate(providerRequest).get())
              .add(
                  "3b the provider on the caller's thread",
                  () ->
                      CallerWaits.run(
                              abandon -> {}, () -> forProvider.provider().generate(providerRequest))
                          .get())
              .add("4 Trinity LlmClient, no deadline timer", () -> noTimer.llm().generate(request))
              .add("5 Trinity LlmClient", () -> blocking.llm().generate(request))
              .add(
                  "6 Trinity AsyncLlmClient, get()",
                  () -> async.llmAsync().generate(request).get());
      runner.run(Math.max(2_000, n / 2)); // warm-up
      List<List<BlockRunner.Result>> all = new ArrayList<>();
      for (int r = 0; r < runs; r++) {
        all.add(runner.run(n));
      }
      System.out.printf(
          Locale.ROOT,
          "Overhead ladder: median of %d runs of %d calls per step; %d cores, Java %s,"
              + " common-pool parallelism %d, loopback responder (%d connections)%n",
          runs,
          n,
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.runtime.version"),
          ForkJoinPool.getCommonPoolParallelism(),
          server.connections());
      BlockRunner.printHeader();
      for (int s = 0; s < all.get(0).size(); s++) {
        BlockRunner.printRow(all.get(0).get(s).name(), BlockRunner.medians(all, s));
      }
      BlockRunner.printFailures(all);
    }
  }

  private static Trinity trinity(LoopbackOllamaResponder server, boolean withoutTimer) {
    Trinity.Builder b =
        Trinity.builder()
            .llm(
                LlmConfig.builder()
                    .provider("ollama")
                    .baseUrl(server.baseUrl())
                    .model("bench")
                    .build());
    if (withoutTimer) {
      b.scheduler((task, delay) -> () -> {}); // deadlines and back-off never fire
    }
    return b.build();
  }
}
