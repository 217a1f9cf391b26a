package dev.trinity.examples;

import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.content.BatchOptions;
import dev.trinity.api.content.ContentEngine;
import dev.trinity.api.content.ContentRequest;
import dev.trinity.api.content.Fallback;
import dev.trinity.cache.CacheConfig;
import dev.trinity.cache.TierType;
import dev.trinity.core.LlmConfig;
import dev.trinity.core.Trinity;
import dev.trinity.core.TrinityConfig;
import dev.trinity.core.content.ContentEngines;
import dev.trinity.core.metrics.TrinityMetrics;
import dev.trinity.core.resilience.RetryConfig;
import dev.trinity.examples.bench.SimulatedOllamaServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Trinity's metrics in Prometheus text format after some traffic: the quick start's content
 * generation with the offline provider (run twice, so the second round is served by the cache),
 * then plain prompts against a stand-in Ollama server on loopback with a small queue (so some are
 * answered 503 and retried) and identical prompts sent together (so single flight shares them).
 *
 * <pre>
 * ./mvnw -B -q -pl trinity-examples -am compile exec:java -Dexec.mainClass=dev.trinity.examples.MetricsScrape
 * </pre>
 *
 * <p>A host serves {@code registry.scrape()} on its own {@code /metrics} endpoint.
 */
public final class MetricsScrape {
  /** A cache in memory only, so that every run starts empty and leaves nothing behind. */
  private static final CacheConfig MEMORY_ONLY =
      CacheConfig.builder().tiers(TierType.MEMORY).build();

  private MetricsScrape() {}

  /**
   * Runs the traffic and prints the scrape.
   *
   * @param args unused
   * @throws IOException when the stand-in server cannot bind
   */
  public static void main(String[] args) throws IOException {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    TrinityMetrics metrics = new TrinityMetrics();
    metrics.bindTo(registry);

    TrinityConfig offline =
        TrinityConfig.builder()
            .llm(LlmConfig.builder().provider("offline").build())
            .cache(MEMORY_ONLY)
            .build();
    try (Trinity trinity = Trinity.builder().config(offline).addListener(metrics).build()) {
      ContentEngine engine = ContentEngines.builder(trinity).fallback(Fallback.offline()).build();
      List<ContentRequest> requests = new ArrayList<>();
      for (QuickStart.Job job : QuickStart.JOBS.subList(0, 3)) {
        requests.add(
            ContentRequest.builder()
                .portfolioText(Samples.read(job.sample()), "samples/" + job.sample())
                .theme(job.theme())
                .build());
      }
      for (int round = 0; round < 2; round++) {
        engine.generateAll(requests, BatchOptions.ofDefaults().withMaxConcurrency(3));
      }
    }

    try (SimulatedOllamaServer server =
        SimulatedOllamaServer.start(
            2, Duration.ofMillis(20), 2, prompt -> "An answer to: " + prompt)) {
      TrinityConfig ollama =
          TrinityConfig.builder()
              .llm(
                  LlmConfig.builder()
                      .provider("ollama")
                      .baseUrl(server.baseUrl().toString())
                      .model("llama3.2:3b")
                      .build())
              .retry(RetryConfig.builder().initialBackoff(Duration.ofMillis(50)).build())
              .cache(MEMORY_ONLY)
              .build();
      try (Trinity trinity = Trinity.builder().config(ollama).addListener(metrics).build()) {
        List<CompletableFuture<LlmResponse>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
          calls.add(trinity.llmAsync().generate(LlmRequest.of("Write a tagline, take " + i)));
        }
        for (int i = 0; i < 4; i++) {
          calls.add(trinity.llmAsync().generate(LlmRequest.of("One shared question")));
        }
        calls.forEach(f -> f.handle((r, e) -> null).join());
        trinity.llm().generate("Write a tagline, take 0"); // a cache hit
      }
    }
    System.out.print(registry.scrape());
  }
}
