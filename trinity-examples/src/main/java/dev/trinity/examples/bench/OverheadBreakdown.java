package dev.trinity.examples.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trinity.api.CachePolicy;
import dev.trinity.api.LlmRequest;
import dev.trinity.core.LlmConfig;
import dev.trinity.core.Trinity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Where the SDK's overhead goes: the same zero-latency request made a ladder of ways, from a bare
 * {@code HttpClient.send} up to {@code trinity.llm().generate}, each step adding one thing the SDK
 * does. Steps are run round-robin (one call of each in turn), so that load from other processes
 * hits all of them alike.
 *
 * <p>Run: {@code mvn -B -q -o -pl trinity-examples exec:java
 * -Dexec.mainClass=dev.trinity.examples.bench.OverheadBreakdown [-Dexec.args="10000"]}
 */
public final class OverheadBreakdown {
  private static final ObjectMapper JSON = new ObjectMapper();

  private OverheadBreakdown() {}

  /** One way of making the call. */
  @FunctionalInterface
  interface Step {
    void call() throws Exception;
  }

  /**
   * Runs the ladder.
   *
   * @param args optional number of measured calls per step (default 10000)
   * @throws Exception when the server cannot start or a call fails
   */
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int warmup = Math.max(2_000, n / 2);
    ExecutorService pool = Executors.newCachedThreadPool(daemon());
    try (LoopbackOllamaResponder server =
            LoopbackOllamaResponder.start("bench", "{\"brand_name\":\"Ada\"}");
        Trinity trinity =
            Trinity.builder()
                .llm(
                    LlmConfig.builder()
                        .provider("ollama")
                        .baseUrl(server.baseUrl())
                        .model("bench")
                        .build())
                .build()) {
      URI chat = URI.create(server.baseUrl() + "/api/chat");
      HttpClient defaultExec = client(null);
      HttpClient pooled = client(pool);
      HttpClient forHandWritten = client(null);
      HttpClient forHandWrittenAsync = client(pool);
      HttpRequest fixed = post(chat, body());
      LlmRequest request =
          LlmRequest.builder().prompt("Write a tagline").cachePolicy(CachePolicy.BYPASS).build();

      Map<String, Step> steps = new LinkedHashMap<>();
      steps.put(
          "1 send(), JDK default executor",
          () -> check(defaultExec.send(fixed, HttpResponse.BodyHandlers.ofByteArray())));
      steps.put(
          "2 sendAsync().get(), JDK default executor",
          () -> check(defaultExec.sendAsync(fixed, HttpResponse.BodyHandlers.ofByteArray()).get()));
      steps.put(
          "3 send(), cached pool executor",
          () -> check(pooled.send(fixed, HttpResponse.BodyHandlers.ofByteArray())));
      steps.put(
          "4 sendAsync().get(), cached pool executor",
          () -> check(pooled.sendAsync(fixed, HttpResponse.BodyHandlers.ofByteArray()).get()));
      steps.put(
          "5 hand-written client: Jackson encode, send(), Jackson decode",
          () -> handWritten(forHandWritten, chat, false));
      steps.put(
          "6 same, sendAsync().get() on a cached pool",
          () -> handWritten(forHandWrittenAsync, chat, true));
      steps.put(
          "7 Trinity provider alone (encode, transport, decode)",
          () -> trinity.provider().generate(request.toBuilder().model("bench").build()).get());
      steps.put("8 Trinity LlmClient (whole pipeline)", () -> trinity.llm().generate(request));
      steps.put(
          "9 Trinity AsyncLlmClient, get()", () -> trinity.llmAsync().generate(request).get());

      List<String> names = new ArrayList<>(steps.keySet());
      List<Step> calls = new ArrayList<>(steps.values());
      long[][] nanos = new long[calls.size()][n];
      for (int i = 0; i < warmup + n; i++) {
        for (int s = 0; s < calls.size(); s++) {
          long t0 = System.nanoTime();
          calls.get(s).call();
          long t1 = System.nanoTime();
          if (i >= warmup) {
            nanos[s][i - warmup] = t1 - t0;
          }
        }
      }
      System.out.printf(
          "Overhead ladder (%d calls per step, round-robin, %d cores, %s)%n",
          n, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
      System.out.printf("| step | p50 | p90 | p99 | mean |%n|---|---|---|---|---|%n");
      for (int s = 0; s < calls.size(); s++) {
        Stats st = Stats.of(nanos[s]);
        System.out.printf(
            "| %s | %.1f µs | %.1f µs | %.1f µs | %.1f µs |%n",
            names.get(s),
            st.percentileMicros(50),
            st.percentileMicros(90),
            st.percentileMicros(99),
            st.meanMicros());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void handWritten(HttpClient client, URI chat, boolean async) throws Exception {
    ObjectNode body = JSON.createObjectNode();
    body.put("model", "bench");
    body.putArray("messages").addObject().put("role", "user").put("content", "Write a tagline");
    body.put("stream", false);
    body.putObject("options").put("temperature", 0.7);
    HttpRequest request = post(chat, JSON.writeValueAsBytes(body));
    HttpResponse<byte[]> r =
        async
            ? client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).get()
            : client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    check(r);
    JsonNode answer = JSON.readTree(r.body());
    if (answer.path("message").path("content").asText().isEmpty()) {
      throw new IllegalStateException("no answer");
    }
  }

  private static HttpClient client(ExecutorService executor) {
    HttpClient.Builder b =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10));
    if (executor != null) {
      b.executor(executor);
    }
    return b.build();
  }

  private static byte[] body() throws Exception {
    ObjectNode body = JSON.createObjectNode();
    body.put("model", "bench");
    body.putArray("messages").addObject().put("role", "user").put("content", "Write a tagline");
    body.put("stream", false);
    body.putObject("options").put("temperature", 0.7);
    return JSON.writeValueAsBytes(body);
  }

  private static HttpRequest post(URI uri, byte[] json) {
    return HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofByteArray(json))
        .build();
  }

  private static void check(HttpResponse<byte[]> r) {
    if (r.statusCode() != 200) {
      throw new IllegalStateException("HTTP " + r.statusCode());
    }
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "bench-http");
      t.setDaemon(true);
      return t;
    };
  }
}
