package dev.trinity.examples.bench;

import dev.trinity.api.content.ContentEngine;
import dev.trinity.api.content.ContentRequest;
import dev.trinity.api.content.GeneratedContent;
import dev.trinity.cache.CacheConfig;
import dev.trinity.core.LlmConfig;
import dev.trinity.core.Trinity;
import dev.trinity.core.content.ContentEngines;
import dev.trinity.examples.Samples;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long the offline provider takes per portfolio, through the full content engine with the cache
 * off: the three bundled samples, a realistic 30,000-character portfolio (the engine's default
 * budget) and a pathological one of the same size (long runs of {@code @}, {@code [}, {@code **},
 * {@code <!--}). Prints the median and the 95th percentile of each.
 *
 * <p>Run: {@code ./mvnw -q -pl trinity-examples exec:java
 * -Dexec.mainClass=dev.trinity.examples.bench.OfflineExtractorBenchmark [-Dexec.args="200"]} (the
 * argument is the number of timed runs per portfolio).
 */
public final class OfflineExtractorBenchmark {
  private OfflineExtractorBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args optional number of timed runs per portfolio (default 200)
   */
  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    Map<String, String> portfolios = new LinkedHashMap<>();
    for (String sample :
        List.of("ada-kowalska.md", "marco-rossi-resume.txt", "github-dashboard-lin.txt")) {
      portfolios.put(sample, Samples.read(sample));
    }
    portfolios.put("realistic 30k chars", realistic());
    portfolios.put("pathological 30k chars", pathological());
    try (Trinity trinity =
        Trinity.builder()
            .llm(LlmConfig.builder().provider("offline").build())
            .cache(CacheConfig.builder().enabled(false).build())
            .build()) {
      ContentEngine engine = ContentEngines.create(trinity);
      System.out.printf(
          "offline provider, cache off, %d runs each, %d cores%n%n",
          runs, Runtime.getRuntime().availableProcessors());
      System.out.println("| portfolio | chars | projects shown | median ms | p95 ms |");
      System.out.println("|---|---:|---:|---:|---:|");
      for (Map.Entry<String, String> p : portfolios.entrySet()) {
        int shown = 0;
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < runs + runs / 5; i++) {
          long start = System.nanoTime();
          int repos;
          try {
            GeneratedContent c = engine.generate(ContentRequest.ofText(p.getValue(), "editorial"));
            repos = c.content().repos().size();
          } catch (RuntimeException e) {
            repos = 0; // the pathological portfolio has no projects: a refusal is its answer
          }
          long took = System.nanoTime() - start;
          if (i >= runs / 5) {
            nanos.add(took);
            shown = repos;
          }
        }
        nanos.sort(null);
        System.out.printf(
            "| %s | %,d | %d | %.2f | %.2f |%n",
            p.getKey(),
            p.getValue().length(),
            shown,
            nanos.get(nanos.size() / 2) / 1e6,
            nanos.get((int) (nanos.size() * 0.95)) / 1e6);
      }
    }
  }

  private static String realistic() {
    StringBuilder sb = new StringBuilder("# Kim Lee\n\nBackend developer.\n\n## Projects\n\n");
    for (int i = 1; sb.length() < 29_000; i++) {
      sb.append("### tool-")
          .append(i)
          .append("\nDoes one careful thing for ops teams, with tests and docs.\n")
          .append("- Language: Go\n- Stars: ")
          .append(i * 7)
          .append("\n- URL: https://github.com/kimlee/tool-")
          .append(i)
          .append("\n\n");
    }
    return sb.toString();
  }

  private static String pathological() {
    String s =
        "a".repeat(8_000)
            + "@"
            + "b.".repeat(4_000)
            + "[at]"
            + "[".repeat(3_000)
            + "**".repeat(2_000)
            + "<!--".repeat(1_000)
            + "- [x](".repeat(1_000)
            + "Via Roma ".repeat(500);
    return s.substring(0, Math.min(30_000, s.length()));
  }
}
