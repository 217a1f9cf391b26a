package dev.trinity.examples.bench;

import dev.trinity.api.CachePolicy;
import dev.trinity.api.content.AsyncContentEngine;
import dev.trinity.api.content.ContentEngine;
import dev.trinity.api.content.ContentRequest;
import dev.trinity.api.content.GeneratedContent;
import dev.trinity.cache.CacheConfig;
import dev.trinity.core.LlmConfig;
import dev.trinity.core.Trinity;
import dev.trinity.core.TrinityConfig;
import dev.trinity.core.content.ContentEngines;
import dev.trinity.core.resilience.ConcurrencyLimitConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The Python project's throughput table, through the full SDK (content engine, pipeline, cache
 * off): N site builds one after another through the blocking engine versus N at once through the
 * async engine, against a simulated Ollama server with a fixed service time. Against a server that
 * serves at least N requests at once the best possible gain is N×; against a server with
 * parallelism 4 it is 4× (that server's capacity). The parallelism-4 server is run with Ollama's
 * default deep queue (512) and with a shallow one (2, as with a small {@code OLLAMA_MAX_QUEUE}),
 * where requests beyond it get 503 "server busy": there a fixed limit of 8 overloads the server and
 * the adaptive limit follows it.
 *
 * <p>Run: {@code ./mvnw -q -pl trinity-examples exec:java
 * -Dexec.mainClass=dev.trinity.examples.bench.ThroughputBenchmark [-Dexec.args="500"]} (the
 * argument is the service time in ms).
 */
public final class ThroughputBenchmark {
  private ThroughputBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args optional service time in ms (default 500)
   * @throws Exception when the server cannot start
   */
  public static void main(String[] args) throws Exception {
    Duration service = Duration.ofMillis(args.length > 0 ? Long.parseLong(args[0]) : 500);
    System.out.printf(
        "service time %d ms per request, %d cores%n%n",
        service.toMillis(), Runtime.getRuntime().availableProcessors());
    System.out.println(
        "| N | server parallelism | limit | sync (sequential) | async (concurrent) | throughput"
            + " sync → async | gain | share of limit | failures / 503s |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    for (int n : new int[] {10, 20}) {
      run(n, n, 512, service, ConcurrencyLimitConfig.Mode.FIXED, n, "");
      run(n, 4, 512, service, ConcurrencyLimitConfig.Mode.FIXED, 8, ", queue 512, limit 8");
      run(n, 4, 2, service, ConcurrencyLimitConfig.Mode.FIXED, 8, ", queue 2, limit 8");
      run(n, 4, 2, service, ConcurrencyLimitConfig.Mode.ADAPTIVE, 8, ", queue 2, adaptive");
    }
  }

  private static void run(
      int n,
      int parallelism,
      int serverQueue,
      Duration service,
      ConcurrencyLimitConfig.Mode mode,
      int maxConcurrency,
      String note)
      throws Exception {
    try (SimulatedOllamaServer server =
            SimulatedOllamaServer.start(parallelism, service, serverQueue, CostBenchmark::answer);
        Trinity trinity =
            Trinity.builder()
                .config(
                    TrinityConfig.builder()
                        .llm(
                            LlmConfig.builder()
                                .provider("ollama")
                                .baseUrl(server.baseUrl())
                                .model("bench")
                                .timeout(Duration.ofSeconds(120))
                                .build())
                        .concurrencyLimit(
                            ConcurrencyLimitConfig.builder()
                                .mode(mode)
                                .maxConcurrency(maxConcurrency)
                                .initialLimit(maxConcurrency)
                                .maxLimit(Math.max(32, maxConcurrency))
                                .build())
                        .cache(CacheConfig.builder().enabled(false).build())
                        .build())
                .build()) {
      ContentEngine sync = ContentEngines.create(trinity);
      AsyncContentEngine async = ContentEngines.createAsync(trinity);
      // warm up both ways once (class loading, JIT, and the N keep-alive connections a warm
      // service already holds); the measured requests are all new
      sync.generate(request(-1));
      List<CompletableFuture<GeneratedContent>> warm = new ArrayList<>();
      for (int i = 0; i < Math.min(n, parallelism); i++) {
        warm.add(async.generateAsync(request(-2 - i)));
      }
      warm.forEach(f -> f.handle((g, e) -> null).join());

      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        sync.generate(request(i));
      }
      long syncNanos = System.nanoTime() - t0;

      long t1 = System.nanoTime();
      List<CompletableFuture<GeneratedContent>> all = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        all.add(async.generateAsync(request(n + i)));
      }
      int failures = 0;
      for (CompletableFuture<GeneratedContent> f : all) {
        try {
          f.join();
        } catch (RuntimeException e) {
          failures++;
        }
      }
      long asyncNanos = System.nanoTime() - t1;

      // the best possible: N requests take ceil(N / parallelism) service times instead of N
      double limit = (double) n / ((n + parallelism - 1) / parallelism);
      double gain = (double) syncNanos / asyncNanos;
      System.out.printf(
          "| %d | %d%s | %.2f× | %.2f s | %.2f s | %.2f → %.2f req/s | %.1f× | %.0f%% | %d / %d |%n",
          n,
          parallelism,
          note,
          limit,
          syncNanos / 1e9,
          asyncNanos / 1e9,
          n / (syncNanos / 1e9),
          n / (asyncNanos / 1e9),
          gain,
          100 * gain / limit,
          failures,
          server.rejected());
      if (mode == ConcurrencyLimitConfig.Mode.ADAPTIVE) {
        System.out.printf(
            "|   | adaptive limit after the run: %d |  |  |  |  |  |  |  |%n",
            trinity.concurrencyLimiter().currentLimit());
      }
    }
  }

  private static ContentRequest request(int i) {
    return ContentRequest.builder()
        .portfolioText(
            "# Developer " + i + "\n\n## project-" + i + "\nA tool.\nLanguage: Go\nStars: 3\n")
        .theme("minimalist")
        .cachePolicy(CachePolicy.BYPASS)
        .build();
  }
}
