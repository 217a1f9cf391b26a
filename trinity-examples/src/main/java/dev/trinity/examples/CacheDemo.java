package dev.trinity.examples;

import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.cache.CacheStats;
import dev.trinity.cache.TierStats;
import dev.trinity.core.LlmConfig;
import dev.trinity.core.Trinity;
import dev.trinity.core.TrinityConfig;

/**
 * Sends the same prompt twice: the first answer comes from the provider, the second from the memory
 * tier. Run it again (a new JVM): the answer comes from the filesystem tier ({@code .cache/llm})
 * and is promoted back to memory. Prints the statistics per tier.
 *
 * <p>Uses the provider configured by {@code LLM_PROVIDER} / {@code LLM_API_URL} / {@code
 * LLM_MODEL}, or the {@code offline} provider when none is set.
 *
 * <pre>
 * ./mvnw -q -pl trinity-examples exec:java -Dexec.mainClass=dev.trinity.examples.CacheDemo
 * </pre>
 */
public final class CacheDemo {
  private CacheDemo() {}

  /**
   * Runs the demo.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    TrinityConfig config = Trinity.loadConfig(null, System.getenv());
    if (System.getenv("LLM_PROVIDER") == null) {
      config = config.toBuilder().llm(LlmConfig.builder().provider("offline").build()).build();
    }
    try (Trinity trinity = Trinity.builder().config(config).build()) {
      LlmRequest request =
          LlmRequest.of(
              "## certmate\nCertificate manager for small teams.\nLanguage: Go\nStars: 312\n"
                  + "URL: https://github.com/example/certmate");
      for (int i = 1; i <= 2; i++) {
        LlmResponse r = trinity.llm().generate(request);
        System.out.printf(
            "request %d: served by %s in %.2f ms%n",
            i,
            r.cached() ? "the " + r.cacheTier().orElseThrow() + " tier" : r.provider(),
            r.latency().toNanos() / 1e6);
      }
      CacheStats stats = trinity.cache().stats();
      System.out.printf(
          "cache: %d hits, %d misses, hit rate %.0f%%%n",
          stats.hits(), stats.misses(), stats.hitRatio() * 100);
      for (TierStats t : stats.tiers()) {
        System.out.printf(
            "  %-10s hits=%d misses=%d puts=%d evictions=%d errors=%d avg=%.3f ms%n",
            t.tier(),
            t.hits(),
            t.misses(),
            t.puts(),
            t.evictions(),
            t.errors(),
            t.averageLatency().toNanos() / 1e6);
      }
      System.out.println("run it again: the first request is then served by the filesystem tier");
    }
  }
}
