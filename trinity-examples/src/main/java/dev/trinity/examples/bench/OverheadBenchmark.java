package dev.trinity.examples.bench;

import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.trinity.api.AsyncLlmClient;
import dev.trinity.api.CachePolicy;
import dev.trinity.api.LlmClient;
import dev.trinity.api.LlmRequest;
import dev.trinity.core.LlmConfig;
import dev.trinity.core.Trinity;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;

/**
 * How much time a client adds to one request over a hand-written one ({@link
 * HandWrittenOllamaClient}: the same JSON body built with Jackson, {@code HttpClient.send}, the
 * answer parsed with Jackson) against the same zero-latency server, for four clients side by side:
 *
 * <ul>
 *   <li>the hand-written baseline;
 *   <li>LangChain4j's {@code OllamaChatModel} (its JDK HTTP client, {@code chat(String)}), the
 *       peer;
 *   <li>Trinity's blocking {@code LlmClient} ({@code trinity.llm().generate(…)});
 *   <li>Trinity's {@code AsyncLlmClient}, its future joined at once.
 * </ul>
 *
 * <p>Trinity also runs its pipeline (defaults, correlation id, validation, retry, breaker, limiter,
 * deadline timer, log events) and the Ollama provider's encoder and decoder, with {@code
 * CachePolicy.BYPASS}.
 *
 * <p>Each client has its own connection pool (the two Trinity clients come from two instances). The
 * four run in alternating blocks of calls (see {@link BlockRunner}); the whole measurement is
 * repeated {@code runs} times in the same JVM and the tables show the median of the runs. The
 * default server is {@link LoopbackOllamaResponder} (raw socket, no per-request thread hop); {@code
 * jdk} selects {@link SimulatedOllamaServer} (the JDK's {@code HttpServer}), which is slower and
 * noisier.
 *
 * <p>Run: {@code ./mvnw -B -q -pl trinity-examples -am compile exec:java
 * -Dexec.mainClass=dev.trinity.examples.bench.OverheadBenchmark -Dexec.args="3000 15 loopback"}
 */
public final class OverheadBenchmark {
  private static final String ANSWER = "{\"brand_name\":\"Ada\"}";
  private static final String PROMPT = "Write a tagline";
  private static final int BLOCK = 200;

  private OverheadBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args calls per client per run (default 3000), runs (default 15), server ({@code
   *     loopback} or {@code jdk})
   * @throws Exception when the server cannot start or a call fails
   */
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    String serverKind = args.length > 2 ? args[2] : "loopback";
    AutoCloseable server;
    URI baseUrl;
    if (serverKind.equals("jdk")) {
      SimulatedOllamaServer s = SimulatedOllamaServer.start(64, Duration.ZERO, 1024, p -> ANSWER);
      server = s;
      baseUrl = s.baseUrl();
    } else {
      LoopbackOllamaResponder s = LoopbackOllamaResponder.start("bench", ANSWER);
      server = s;
      baseUrl = s.baseUrl();
    }
    // each client has its own connection pool, Trinity's two as much as the others
    try (server;
        Trinity trinity = trinity(baseUrl);
        Trinity trinityAsync = trinity(baseUrl)) {
      HandWrittenOllamaClient bare = new HandWrittenOllamaClient(baseUrl);
      OllamaChatModel peer =
          OllamaChatModel.builder()
              .baseUrl(baseUrl.toString())
              .modelName("bench")
              .temperature(0.7)
              .timeout(Duration.ofSeconds(60))
              .maxRetries(0)
              .build();
      LlmClient sdk = trinity.llm();
      AsyncLlmClient sdkAsync = trinityAsync.llmAsync();
      LlmRequest request =
          LlmRequest.builder().prompt(PROMPT).cachePolicy(CachePolicy.BYPASS).build();
      BlockRunner runner =
          new BlockRunner(BLOCK)
              .add("hand-written HttpClient.send + Jackson", () -> bare.chat("bench", PROMPT))
              .add("LangChain4j 1.11 OllamaChatModel", () -> peer.chat(PROMPT))
              .add("Trinity LlmClient (blocking)", () -> sdk.generate(request))
              .add("Trinity AsyncLlmClient, joined", () -> sdkAsync.generate(request).join());
      runner.run(Math.max(3_000, n / 2)); // warm-up: JIT, connections, thread pools

      List<List<BlockRunner.Result>> all = new ArrayList<>();
      for (int r = 0; r < runs; r++) {
        List<BlockRunner.Result> results = runner.run(n);
        all.add(results);
        double raw = results.get(0).latency().percentileMicros(50);
        System.out.printf(
            Locale.ROOT,
            "run %d: p50 raw %.1f µs; added: LangChain4j %.1f, Trinity blocking %.1f,"
                + " Trinity async %.1f µs%n",
            r + 1,
            raw,
            results.get(1).latency().percentileMicros(50) - raw,
            results.get(2).latency().percentileMicros(50) - raw,
            results.get(3).latency().percentileMicros(50) - raw);
      }
      System.out.printf(
          Locale.ROOT,
          "%nmedian of %d runs of %d calls per client, alternating blocks of %d;"
              + " %d cores, Java %s, common-pool parallelism %d, %s server%n",
          runs,
          n,
          BLOCK,
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.runtime.version"),
          ForkJoinPool.getCommonPoolParallelism(),
          serverKind);
      BlockRunner.printHeader();
      int ways = all.get(0).size();
      double[][] rows = new double[ways][];
      for (int w = 0; w < ways; w++) {
        rows[w] = BlockRunner.medians(all, w);
        BlockRunner.printRow(all.get(0).get(w).name(), rows[w]);
      }
      System.out.printf(
          "%n| added per call over the hand-written client | p50 | mean | process CPU |%n");
      System.out.printf("|---|---|---|---|%n");
      for (int w = 1; w < ways; w++) {
        int way = w;
        System.out.printf(
            Locale.ROOT,
            "| %s | %.1f µs | %.1f µs | %.1f µs |%n",
            all.get(0).get(w).name(),
            medianAdded(all, w, 50),
            medianAdded(all, w, -1),
            BlockRunner.median(
                all.stream()
                    .mapToDouble(
                        run -> run.get(way).cpuMicrosPerCall() - run.get(0).cpuMicrosPerCall())
                    .toArray()));
      }
      BlockRunner.printFailures(all);
    }
  }

  private static Trinity trinity(URI baseUrl) {
    return Trinity.builder()
        .llm(LlmConfig.builder().provider("ollama").baseUrl(baseUrl).model("bench").build())
        .build();
  }

  /**
   * The median over the runs of what one client added to the baseline within the same run: at a
   * percentile, or (for {@code percentile} -1) to the mean.
   */
  private static double medianAdded(List<List<BlockRunner.Result>> all, int way, int percentile) {
    return BlockRunner.median(
        all.stream()
            .mapToDouble(
                run ->
                    stat(run.get(way).latency(), percentile)
                        - stat(run.get(0).latency(), percentile))
            .toArray());
  }

  private static double stat(Stats s, int percentile) {
    return percentile < 0 ? s.meanMicros() : s.percentileMicros(percentile);
  }
}
