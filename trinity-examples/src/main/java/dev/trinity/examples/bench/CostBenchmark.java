package dev.trinity.examples.bench;

import dev.trinity.api.CachePolicy;
import dev.trinity.api.content.AsyncContentEngine;
import dev.trinity.api.content.ContentRequest;
import dev.trinity.api.content.ContentSource;
import dev.trinity.api.content.GeneratedContent;
import dev.trinity.cache.CacheConfig;
import dev.trinity.cache.TierType;
import dev.trinity.core.LlmConfig;
import dev.trinity.core.Trinity;
import dev.trinity.core.TrinityConfig;
import dev.trinity.core.content.ContentEngines;
import dev.trinity.core.resilience.ConcurrencyLimitConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Python project's cost table: 100 site builds whose prompts are 60% duplicates, without and
 * with the cache, sequentially and 20 at a time, through the full content engine against a
 * simulated Ollama server (service time 100 ms, parallelism 20). Reports LLM calls, build time and
 * tokens saved.
 *
 * <p>Run: {@code ./mvnw -q -pl trinity-examples exec:java
 * -Dexec.mainClass=dev.trinity.examples.bench.CostBenchmark [-Dexec.args="100"]} (the argument is
 * the service time in ms).
 */
public final class CostBenchmark {
  private static final int BUILDS = 100;
  private static final int DISTINCT = 40;
  private static final int CONCURRENCY = 20;

  private CostBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args optional service time in ms (default 100)
   * @throws Exception when the server cannot start
   */
  public static void main(String[] args) throws Exception {
    Duration service = Duration.ofMillis(args.length > 0 ? Long.parseLong(args[0]) : 100);
    List<String> portfolios = portfolios();
    System.out.printf(
        "%d builds, %d distinct portfolios (%d%% duplicates), service time %d ms, %d cores%n%n",
        BUILDS,
        DISTINCT,
        (BUILDS - DISTINCT) * 100 / BUILDS,
        service.toMillis(),
        Runtime.getRuntime().availableProcessors());
    System.out.println(
        "| run | LLM calls | build time | tokens processed by the model | served from cache |");
    System.out.println("|---|---|---|---|---|");
    for (int concurrency : new int[] {1, CONCURRENCY}) {
      for (boolean cache : new boolean[] {false, true}) {
        run(portfolios, service, concurrency, cache);
      }
    }
  }

  private static void run(List<String> portfolios, Duration service, int concurrency, boolean cache)
      throws Exception {
    try (SimulatedOllamaServer server =
            SimulatedOllamaServer.start(CONCURRENCY, service, 1000, CostBenchmark::answer);
        Trinity trinity =
            Trinity.builder()
                .config(
                    TrinityConfig.builder()
                        .llm(
                            LlmConfig.builder()
                                .provider("ollama")
                                .baseUrl(server.baseUrl())
                                .model("bench")
                                .build())
                        .concurrencyLimit(
                            ConcurrencyLimitConfig.builder().maxConcurrency(CONCURRENCY).build())
                        .cache(CacheConfig.builder().tiers(TierType.MEMORY).build())
                        .build())
                .build()) {
      AsyncContentEngine engine = ContentEngines.createAsync(trinity);
      Semaphore slots = new Semaphore(concurrency);
      AtomicLong fromCache = new AtomicLong();
      List<CompletableFuture<GeneratedContent>> all = new ArrayList<>();
      long t0 = System.nanoTime();
      for (String p : portfolios) {
        slots.acquire();
        ContentRequest request =
            ContentRequest.builder()
                .portfolioText(p)
                .theme("minimalist")
                .cachePolicy(cache ? CachePolicy.USE : CachePolicy.BYPASS)
                .build();
        CompletableFuture<GeneratedContent> f = engine.generateAsync(request);
        f.whenComplete(
            (g, e) -> {
              if (g != null) {
                if (g.source() == ContentSource.CACHE) {
                  fromCache.incrementAndGet();
                }
              }
              slots.release();
            });
        all.add(f);
      }
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
      long ms = (System.nanoTime() - t0) / 1_000_000;
      System.out.printf(
          "| %s, %s | %d | %.2f s | %,d | %d |%n",
          concurrency == 1 ? "sequential" : "concurrency " + concurrency,
          cache ? "cache" : "no cache",
          server.requests(),
          ms / 1000.0,
          server.tokens(),
          fromCache.get());
    }
  }

  private static List<String> portfolios() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < BUILDS; i++) {
      int n = i < DISTINCT ? i : new Random(i).nextInt(DISTINCT);
      out.add(
          "# Developer "
              + n
              + "\n\n## project-"
              + n
              + "\nA tool that does thing number "
              + n
              + ".\nLanguage: Go\nStars: "
              + (n * 7)
              + "\nURL: https://github.com/dev"
              + n
              + "/project-"
              + n
              + "\n");
    }
    Collections.shuffle(out, new Random(42));
    return out;
  }

  /** A valid content answer naming the developer in the prompt. */
  static String answer(String prompt) {
    int at = prompt.indexOf("# Developer ");
    String n = at < 0 ? "0" : prompt.substring(at + 12).split("\\s", 2)[0];
    return "{\"brand_name\":\"Developer "
        + n
        + "\",\"tagline\":\"Builds small sharp tools\",\"hero\":{\"title\":\"Developer "
        + n
        + "\",\"subtitle\":\"Tools that do one thing well\",\"cta_primary\":{\"label\":\"Projects\","
        + "\"url\":\"#projects\"},\"cta_secondary\":null},\"repos\":[{\"name\":\"project-"
        + n
        + "\",\"description\":\"A tool that does thing number "
        + n
        + "\",\"url\":\"https://github.com/dev"
        + n
        + "/project-"
        + n
        + "\",\"stars\":7,\"language\":\"Go\",\"tags\":[\"cli\"]}],\"menu_items\":[{\"label\":"
        + "\"Projects\",\"url\":\"#projects\"}],\"cta\":{\"label\":\"Contact\",\"url\":\"#contact\"}}";
  }
}
