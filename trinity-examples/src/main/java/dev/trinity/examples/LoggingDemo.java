package dev.trinity.examples;

import com.sun.net.httpserver.HttpServer;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.cache.CacheConfig;
import dev.trinity.cache.TierType;
import dev.trinity.core.LlmConfig;
import dev.trinity.core.Trinity;
import dev.trinity.core.resilience.RetryConfig;
import dev.trinity.logging.CorrelationContext;
import dev.trinity.logging.TrinityLogging;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes a few concurrent requests under Trinity's production logging profile and leaves {@code
 * logs/trinity.log}, {@code logs/errors.log} and {@code logs/performance.log} for the jq recipes in
 * {@code docs/logging.md}. A local stand-in for Ollama answers after a short delay, fails the first
 * attempt of "flaky" prompts with a 503 (so a retry shows up), and does not know the model {@code
 * missing} (so an error shows up). Repeated prompts are served from the cache.
 *
 * <pre>
 * ./mvnw -q -pl trinity-examples exec:java -Dexec.mainClass=dev.trinity.examples.LoggingDemo
 * </pre>
 */
public final class LoggingDemo {
  private LoggingDemo() {}

  /**
   * Runs the demo.
   *
   * @param args ignored
   * @throws Exception when the local server cannot start
   */
  public static void main(String[] args) throws Exception {
    TrinityLogging.configure(TrinityLogging.Profile.PRODUCTION);
    HttpServer server = startServer();
    try (Trinity trinity =
        Trinity.builder()
            .llm(
                LlmConfig.builder()
                    .provider("ollama")
                    .baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
                    .model("llama3.2:3b")
                    .build())
            .retry(RetryConfig.builder().initialBackoff(Duration.ofMillis(200)).build())
            .cache(CacheConfig.builder().tiers(TierType.MEMORY).build())
            .build()) {
      List<CompletableFuture<LlmResponse>> all = new ArrayList<>();
      String[] prompts = {
        "Write a tagline for a Rust developer",
        "Describe project certmate in one line",
        "flaky: describe project caddy-waf",
        "Write a tagline for a Rust developer",
        "Describe project patterns in one line",
      };
      for (int i = 0; i < prompts.length; i++) {
        try (CorrelationContext scope = CorrelationContext.open("build-" + (i + 1))) {
          all.add(trinity.llmAsync().generate(LlmRequest.of(prompts[i])));
        }
      }
      all.add(
          trinity
              .llmAsync()
              .generate(LlmRequest.builder().prompt("hello").model("missing").build()));
      for (CompletableFuture<LlmResponse> f : all) {
        f.handle((r, e) -> null).join();
      }
      // once more, now that answers are cached
      try (CorrelationContext scope = CorrelationContext.open("build-6")) {
        trinity.llm().generate(LlmRequest.of(prompts[0]));
      }
    } finally {
      server.stop(0);
    }
    System.err.println("wrote logs/trinity.log, logs/errors.log, logs/performance.log");
  }

  private static HttpServer startServer() throws Exception {
    Set<String> failedOnce = ConcurrentHashMap.newKeySet();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/chat",
        ex -> {
          String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          int status = 200;
          String answer;
          if (body.contains("\"model\":\"missing\"")) {
            status = 404;
            answer = "{\"error\":\"model \\\"missing\\\" not found, try pulling it first\"}";
          } else if (body.contains("flaky") && failedOnce.add(body)) {
            status = 503;
            answer = "{\"error\":\"server busy, please try again.\"}";
          } else {
            try {
              Thread.sleep(40 + (body.length() % 7) * 10L); // the model's work
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            answer =
                "{\"model\":\"llama3.2:3b\",\"message\":{\"role\":\"assistant\",\"content\":"
                    + "\"Ships fast, safe systems.\"},\"done\":true,\"done_reason\":\"stop\","
                    + "\"prompt_eval_count\":"
                    + (body.length() / 4)
                    + ",\"eval_count\":6}";
          }
          byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(status, bytes.length);
          try (OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
          }
        });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
    return server;
  }
}
