package dev.trinity.examples.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.trinity.api.CachePolicy;
import dev.trinity.api.LlmRequest;
import dev.trinity.core.LlmConfig;
import dev.trinity.core.Trinity;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Time to first token: Trinity's {@code stream()} against a raw {@code java.net.http} line reader,
 * both against the same stand-in Ollama server on loopback that answers {@code /api/chat} with
 * NDJSON chunks, the first after a "prompt processing" delay and the rest a fixed delay apart.
 *
 * <p>Both ways make the same request and measure from the prompt in hand (the raw readers encode
 * the JSON body and build the {@code HttpRequest} inside the timing, as Trinity must) until the
 * first text piece is in the caller's hands (the raw reader parses the first line with Jackson, as
 * any client must); both then read the rest of the answer. The ways alternate call by call so that
 * drift hits both alike.
 *
 * <p>Usage: {@code StreamingFirstTokenBenchmark [calls] [firstDelayMs] [chunkDelayMs] [chunks]
 * [quickWarmup]} (defaults 300, 20, 5, 10, 0). {@code quickWarmup} calls per way with no delays run
 * first, so that the JIT compiler has compiled every way's code before the measured calls (the
 * delayed warm-up alone is a few dozen calls, too few for Trinity's longer path).
 */
public final class StreamingFirstTokenBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ExecutorService RAW_EXECUTOR = rawExecutor();
  private static final java.util.Set<Integer> CLIENT_PORTS =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  static {
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private static volatile boolean warming;

  private StreamingFirstTokenBenchmark() {}

  /**
   * The raw client's executor, made as Trinity makes its shared client's (a cached pool of daemon
   * threads), so that both read through the same kind of JDK client. Without an executor of its
   * own, the JDK runs some of a response's steps inline on its selector thread.
   */
  private static ExecutorService rawExecutor() {
    return Executors.newCachedThreadPool(
        r -> {
          Thread t = new Thread(r, "raw-http");
          t.setDaemon(true);
          return t;
        });
  }

  public static void main(String[] args) throws Exception {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    long firstDelayMs = args.length > 1 ? Long.parseLong(args[1]) : 20;
    long chunkDelayMs = args.length > 2 ? Long.parseLong(args[2]) : 5;
    int quickWarmup = args.length > 4 ? Integer.parseInt(args[4]) : 0;
    int chunks = args.length > 3 ? Integer.parseInt(args[3]) : 10;
    ExecutorService serverThreads = Executors.newCachedThreadPool();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext(
        "/api/chat",
        exchange ->
            answer(exchange, warming ? 0 : firstDelayMs, warming ? 0 : chunkDelayMs, chunks));
    server.setExecutor(serverThreads);
    server.start();
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    HttpClient raw =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(RAW_EXECUTOR).build();
    try (Trinity trinity =
        Trinity.builder()
            .llm(LlmConfig.builder().provider("ollama").baseUrl(base).model("bench").build())
            .build()) {
      // warm-up without delays first, so that the compiler has seen every path many times
      long[] scratch = new long[2];
      warming = true;
      for (int i = 0; i < quickWarmup; i++) {
        rawAsyncCall(raw, base, "warm " + i, scratch);
        rawCall(raw, base, "warm " + i, scratch);
        trinityCall(trinity, "warm " + i, scratch);
      }
      warming = false;
      int warmup = Math.max(20, calls / 10);
      long[] asyncFirst = new long[calls];
      long[] asyncAll = new long[calls];
      long[] rawFirst = new long[calls];
      long[] trinityFirst = new long[calls];
      long[] rawAll = new long[calls];
      long[] trinityAll = new long[calls];
      long[] pair = new long[2];
      for (int i = -warmup; i < calls; i++) {
        String prompt = "call " + i;
        for (int k = 0; k < 3; k++) {
          int way = Math.floorMod(i + k, 3);
          if (way == 2) {
            rawAsyncCall(raw, base, prompt, pair);
            if (i >= 0) {
              asyncFirst[i] = pair[0];
              asyncAll[i] = pair[1];
            }
          } else if (way == 0) {
            rawCall(raw, base, prompt, pair);
            if (i >= 0) {
              rawFirst[i] = pair[0];
              rawAll[i] = pair[1];
            }
          } else {
            trinityCall(trinity, prompt, pair);
            if (i >= 0) {
              trinityFirst[i] = pair[0];
              trinityAll[i] = pair[1];
            }
          }
        }
      }
      System.out.printf(
          Locale.ROOT,
          "%d calls per way; server: first chunk after %d ms, then %d chunks %d ms apart%n",
          calls,
          firstDelayMs,
          chunks,
          chunkDelayMs);
      System.out.println("connections opened to the server: " + CLIENT_PORTS.size());
      System.out.println("| way | TTFT p50 | TTFT p90 | TTFT p99 | whole answer p50 |");
      System.out.println("|---|---|---|---|---|");
      row("raw java.net.http, send + BodyHandlers.ofLines()", rawFirst, rawAll);
      row("raw java.net.http, sendAsync + fromLineSubscriber", asyncFirst, asyncAll);
      row("Trinity stream()", trinityFirst, trinityAll);
      Stats r = Stats.of(rawFirst);
      Stats t = Stats.of(trinityFirst);
      System.out.printf(
          Locale.ROOT,
          "Trinity minus raw, TTFT: p50 %+.1f µs, p90 %+.1f µs; minus raw async: p50 %+.1f µs,"
              + " p90 %+.1f µs%n",
          t.percentileMicros(50) - r.percentileMicros(50),
          t.percentileMicros(90) - r.percentileMicros(90),
          t.percentileMicros(50) - Stats.of(asyncFirst).percentileMicros(50),
          t.percentileMicros(90) - Stats.of(asyncFirst).percentileMicros(90));
    } finally {
      server.stop(0);
      serverThreads.shutdownNow();
    }
  }

  private static void row(String name, long[] first, long[] all) {
    Stats f = Stats.of(first);
    Stats a = Stats.of(all);
    System.out.printf(
        Locale.ROOT,
        "| %s | %.2f ms | %.2f ms | %.2f ms | %.2f ms |%n",
        name,
        f.percentileMicros(50) / 1000,
        f.percentileMicros(90) / 1000,
        f.percentileMicros(99) / 1000,
        a.percentileMicros(50) / 1000);
  }

  /** The raw way: {@code HttpClient.send} with {@code BodyHandlers.ofLines()}, Jackson per line. */
  private static void rawCall(HttpClient client, URI base, String prompt, long[] out)
      throws Exception {
    long start = System.nanoTime();
    HttpRequest request = rawRequest(base, prompt);
    HttpResponse<Stream<String>> response =
        client.send(request, HttpResponse.BodyHandlers.ofLines());
    long first = 0;
    StringBuilder text = new StringBuilder();
    try (Stream<String> lines = response.body()) {
      Iterator<String> it = lines.iterator();
      while (it.hasNext()) {
        String piece = JSON.readTree(it.next()).path("message").path("content").asText("");
        if (!piece.isEmpty() && first == 0) {
          first = System.nanoTime() - start;
        }
        text.append(piece);
      }
    }
    out[0] = first;
    out[1] = System.nanoTime() - start;
  }

  /**
   * The raw asynchronous way: {@code sendAsync} with the JDK's line subscriber, as Trinity reads.
   */
  private static void rawAsyncCall(HttpClient client, URI base, String prompt, long[] out)
      throws Exception {
    long[] first = new long[1];
    long start = System.nanoTime();
    HttpRequest request = rawRequest(base, prompt);
    client
        .sendAsync(
            request,
            HttpResponse.BodyHandlers.fromLineSubscriber(
                new Flow.Subscriber<String>() {
                  @Override
                  public void onSubscribe(Flow.Subscription s) {
                    s.request(Long.MAX_VALUE);
                  }

                  @Override
                  public void onNext(String line) {
                    try {
                      String piece = JSON.readTree(line).path("message").path("content").asText("");
                      if (first[0] == 0 && !piece.isEmpty()) {
                        first[0] = System.nanoTime() - start;
                      }
                    } catch (IOException e) {
                      throw new IllegalStateException(e);
                    }
                  }

                  @Override
                  public void onError(Throwable t) {}

                  @Override
                  public void onComplete() {}
                }))
        .get(30, TimeUnit.SECONDS);
    out[0] = first[0];
    out[1] = System.nanoTime() - start;
  }

  /**
   * The raw way's request, as a hand-written client builds it: a Jackson tree for the body, a new
   * {@code HttpRequest}.
   */
  static HttpRequest rawRequest(URI base, String prompt) {
    String body =
        JSON.createObjectNode()
            .put("model", "bench")
            .put("stream", true)
            .set(
                "messages",
                JSON.createArrayNode()
                    .add(JSON.createObjectNode().put("role", "user").put("content", prompt)))
            .toString();
    return HttpRequest.newBuilder(base.resolve("/api/chat"))
        .timeout(java.time.Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json")
        .build();
  }

  /** Trinity's way: {@code llmAsync().stream()}, the first {@code onNext} with text. */
  private static void trinityCall(Trinity trinity, String prompt, long[] out) throws Exception {
    LlmRequest request =
        LlmRequest.builder().prompt(prompt).cachePolicy(CachePolicy.BYPASS).build();
    long start = System.nanoTime();
    long first = FirstText.stream(trinity, request);
    out[0] = first - start;
    out[1] = System.nanoTime() - start;
  }

  /** The stand-in server: NDJSON pieces, the first after a delay, then a fixed delay apart. */
  private static void answer(HttpExchange exchange, long firstDelayMs, long chunkDelayMs, int n)
      throws IOException {
    exchange.getRequestBody().readAllBytes();
    CLIENT_PORTS.add(exchange.getRemoteAddress().getPort());
    exchange.getResponseHeaders().add("Content-Type", "application/x-ndjson");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      Idle.park(firstDelayMs);
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          Idle.park(chunkDelayMs);
        }
        String line =
            "{\"model\":\"bench\",\"message\":{\"role\":\"assistant\",\"content\":\"tok"
                + i
                + " \"},\"done\":false}\n";
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
      out.write(
          ("{\"model\":\"bench\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},"
                  + "\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":5,"
                  + "\"eval_count\":"
                  + n
                  + "}\n")
              .getBytes(StandardCharsets.UTF_8));
    }
  }
}
