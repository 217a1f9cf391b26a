package dev.trinity.examples.bench;

import dev.trinity.api.CachePolicy;
import dev.trinity.api.LlmClient;
import dev.trinity.api.LlmRequest;
import dev.trinity.core.LlmConfig;
import dev.trinity.core.Trinity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * How much time the SDK adds to one request over a bare {@code java.net.http} call to the same
 * zero-latency server: both post an Ollama chat request and read the answer; the SDK also runs its
 * pipeline (defaults, correlation, single flight, retry, deadline timer), encodes the request and
 * decodes the answer. Calls alternate between the two so that drift hits both equally.
 *
 * <p>Run: {@code ./mvnw -q -pl trinity-examples exec:java
 * -Dexec.mainClass=dev.trinity.examples.bench.OverheadBenchmark [-Dexec.args="20000"]}
 */
public final class OverheadBenchmark {
  private OverheadBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args optional number of measured calls per side (default 10000)
   * @throws Exception when the server cannot start
   */
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int warmup = Math.max(2_000, n / 2);
    String answer = "{\"brand_name\":\"Ada\"}";
    try (SimulatedOllamaServer server =
            SimulatedOllamaServer.start(64, Duration.ZERO, 1024, prompt -> answer);
        Trinity trinity =
            Trinity.builder()
                .llm(
                    LlmConfig.builder()
                        .provider("ollama")
                        .baseUrl(server.baseUrl())
                        .model("bench")
                        .build())
                .build()) {
      HttpClient bare =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(10))
              .build();
      URI chat = URI.create(server.baseUrl() + "/api/chat");
      String body =
          "{\"model\":\"bench\",\"messages\":[{\"role\":\"user\",\"content\":\"Write a tagline\"}],"
              + "\"stream\":false,\"options\":{\"temperature\":0.7}}";
      HttpRequest bareRequest =
          HttpRequest.newBuilder(chat)
              .header("Content-Type", "application/json")
              .timeout(Duration.ofSeconds(60))
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      LlmClient sdk = trinity.llm();
      LlmRequest request =
          LlmRequest.builder().prompt("Write a tagline").cachePolicy(CachePolicy.BYPASS).build();

      long[] bareNanos = new long[n];
      long[] sdkNanos = new long[n];
      for (int i = 0; i < warmup + n; i++) {
        long t0 = System.nanoTime();
        HttpResponse<byte[]> r = bare.send(bareRequest, HttpResponse.BodyHandlers.ofByteArray());
        long t1 = System.nanoTime();
        if (r.statusCode() != 200) {
          throw new IllegalStateException("bare call failed: " + r.statusCode());
        }
        sdk.generate(request);
        long t2 = System.nanoTime();
        if (i >= warmup) {
          bareNanos[i - warmup] = t1 - t0;
          sdkNanos[i - warmup] = t2 - t1;
        }
      }
      Stats b = Stats.of(bareNanos);
      Stats s = Stats.of(sdkNanos);
      System.out.printf(
          "SDK overhead over a bare java.net.http call (%d calls each, %d cores)%n",
          n, Runtime.getRuntime().availableProcessors());
      System.out.printf("| | p50 | p90 | p99 | mean |%n|---|---|---|---|---|%n");
      row("bare java.net.http", b);
      row("Trinity LlmClient", s);
      System.out.printf(
          "| overhead | %.1f µs | %.1f µs | %.1f µs | %.1f µs |%n",
          s.percentileMicros(50) - b.percentileMicros(50),
          s.percentileMicros(90) - b.percentileMicros(90),
          s.percentileMicros(99) - b.percentileMicros(99),
          s.meanMicros() - b.meanMicros());
      System.out.printf("ratio at p50: %.2fx%n", s.percentileMicros(50) / b.percentileMicros(50));
    }
  }

  private static void row(String name, Stats s) {
    System.out.printf(
        "| %s | %.1f µs | %.1f µs | %.1f µs | %.1f µs |%n",
        name,
        s.percentileMicros(50),
        s.percentileMicros(90),
        s.percentileMicros(99),
        s.meanMicros());
  }
}
