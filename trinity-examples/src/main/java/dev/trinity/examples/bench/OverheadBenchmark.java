package dev.trinity.examples.bench;

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
 * How much time the SDK adds to one request over a hand-written client ({@link
 * HandWrittenOllamaClient}: the same JSON body built with Jackson, {@code HttpClient.send}, the
 * answer parsed with Jackson) against the same zero-latency server. The SDK also runs its pipeline
 * (defaults, correlation id, validation, retry, breaker, limiter, deadline timer, log events) and
 * the Ollama provider's encoder and decoder.
 *
 * <p>The two sides run in alternating blocks of calls (see {@link BlockRunner}); the whole
 * measurement is repeated {@code runs} times in the same JVM and the table shows the median of the
 * runs. The default server is {@link LoopbackOllamaResponder} (raw socket, no per-request thread
 * hop); {@code jdk} selects {@link SimulatedOllamaServer} (the JDK's {@code HttpServer}), which is
 * slower and noisier.
 *
 * <p>Run: {@code mvn -B -q -o -pl trinity-examples exec:java
 * -Dexec.mainClass=dev.trinity.examples.bench.OverheadBenchmark -Dexec.args="5000 5 loopback"}
 */
public final class OverheadBenchmark {
  private static final String ANSWER = "{\"brand_name\":\"Ada\"}";
  private static final int BLOCK = 250;

  private OverheadBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args calls per side per run (default 5000), runs (default 5), server ({@code loopback}
   *     or {@code jdk})
   * @throws Exception when the server cannot start or a call fails
   */
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
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
    try (server;
        Trinity trinity =
            Trinity.builder()
                .llm(LlmConfig.builder().provider("ollama").baseUrl(baseUrl).model("bench").build())
                .build()) {
      HandWrittenOllamaClient bare = new HandWrittenOllamaClient(baseUrl);
      LlmClient sdk = trinity.llm();
      LlmRequest request =
          LlmRequest.builder().prompt("Write a tagline").cachePolicy(CachePolicy.BYPASS).build();
      BlockRunner runner =
          new BlockRunner(BLOCK)
              .add(
                  "hand-written java.net.http + Jackson",
                  () -> bare.chat("bench", "Write a tagline"))
              .add("Trinity LlmClient", () -> sdk.generate(request));
      runner.run(Math.max(3_000, n / 2)); // warm-up: JIT, connections, thread pools

      List<List<BlockRunner.Result>> all = new ArrayList<>();
      for (int r = 0; r < runs; r++) {
        List<BlockRunner.Result> results = runner.run(n);
        all.add(results);
        System.out.printf(
            Locale.ROOT,
            "run %d: hand-written p50 %.1f µs, Trinity p50 %.1f µs, overhead %.1f µs%n",
            r + 1,
            results.get(0).latency().percentileMicros(50),
            results.get(1).latency().percentileMicros(50),
            results.get(1).latency().percentileMicros(50)
                - results.get(0).latency().percentileMicros(50));
      }
      System.out.printf(
          Locale.ROOT,
          "%nSDK overhead over a hand-written client: median of %d runs of %d calls per side;"
              + " %d cores, Java %s, common-pool parallelism %d, %s server%n",
          runs,
          n,
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.runtime.version"),
          ForkJoinPool.getCommonPoolParallelism(),
          serverKind);
      BlockRunner.printHeader();
      double[][] rows = new double[2][];
      for (int side = 0; side < 2; side++) {
        rows[side] = BlockRunner.medians(all, side);
        BlockRunner.printRow(all.get(0).get(side).name(), rows[side]);
      }
      double[] overhead = new double[rows[0].length];
      for (int i = 0; i < overhead.length; i++) {
        overhead[i] = rows[1][i] - rows[0][i];
      }
      BlockRunner.printRow("overhead", overhead);
      System.out.printf(Locale.ROOT, "ratio at p50: %.2fx%n", rows[1][0] / rows[0][0]);
      BlockRunner.printFailures(all);
    }
  }
}
