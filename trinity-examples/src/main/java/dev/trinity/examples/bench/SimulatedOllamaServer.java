package dev.trinity.examples.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Benchmark infrastructure, not a model: an HTTP server on loopback that speaks Ollama's {@code
 * /api/chat} and {@code /api/generate} wire format with a fixed service time per request and a
 * parallelism cap. Requests beyond the cap wait in a FIFO queue, as Ollama does with {@code
 * OLLAMA_NUM_PARALLEL}; beyond {@code maxQueue} waiting requests it answers 503 "server busy", as
 * Ollama does with {@code OLLAMA_MAX_QUEUE}.
 *
 * <p>The service time is spent holding one of the parallelism permits, which is what a model
 * server's compute slots do; the answer is produced by a function of the prompt.
 */
public final class SimulatedOllamaServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    // The JDK server otherwise leaves Nagle's algorithm on, which adds ~40 ms delayed-ACK stalls
    // to small keep-alive exchanges and would be measured as model latency.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService workers;
  private final Semaphore slots;
  private final int maxQueue;
  private final long serviceNanos;
  private final Function<String, String> answer;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger rejected = new AtomicInteger();
  private final java.util.concurrent.atomic.AtomicLong tokens =
      new java.util.concurrent.atomic.AtomicLong();
  private final AtomicInteger inService = new AtomicInteger();
  private final AtomicInteger maxInService = new AtomicInteger();
  private final AtomicInteger pending = new AtomicInteger();
  private final int parallelism;

  private SimulatedOllamaServer(
      int parallelism, Duration serviceTime, int maxQueue, Function<String, String> answer)
      throws IOException {
    this.parallelism = parallelism;
    this.slots = new Semaphore(parallelism, true);
    this.maxQueue = maxQueue;
    this.serviceNanos = serviceTime.toNanos();
    this.answer = answer;
    this.workers = Executors.newCachedThreadPool();
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
    server.createContext("/api/chat", ex -> handle(ex, true));
    server.createContext("/api/generate", ex -> handle(ex, false));
    server.setExecutor(workers);
    server.start();
  }

  /**
   * Starts a server.
   *
   * @param parallelism requests served at once
   * @param serviceTime time each request holds a slot
   * @param maxQueue most requests waiting for a slot before 503s
   * @param answer the answer text for a prompt (the last user message)
   * @return the running server
   * @throws IOException when the port cannot be bound
   */
  public static SimulatedOllamaServer start(
      int parallelism, Duration serviceTime, int maxQueue, Function<String, String> answer)
      throws IOException {
    return new SimulatedOllamaServer(parallelism, serviceTime, maxQueue, answer);
  }

  /** The base URL to configure as {@code llm.base_url}. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Requests received, including rejected ones. */
  public int requests() {
    return requests.get();
  }

  /** Prompt plus completion tokens of every answered request (4 characters a token). */
  public long tokens() {
    return tokens.get();
  }

  /** Requests answered 503 because the queue was full. */
  public int rejected() {
    return rejected.get();
  }

  /** The most requests that were ever in service at once. */
  public int maxInService() {
    return maxInService.get();
  }

  private void handle(HttpExchange ex, boolean chat) throws IOException {
    try (ex) {
      requests.incrementAndGet();
      JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
      String model = body.path("model").asText("simulated");
      String prompt = chat ? lastUserMessage(body) : body.path("prompt").asText("");
      if (pending.incrementAndGet() > parallelism + maxQueue) {
        pending.decrementAndGet();
        rejected.incrementAndGet();
        send(
            ex,
            503,
            "{\"error\":\"server busy, please try again. maximum pending requests exceeded\"}");
        return;
      }
      slots.acquireUninterruptibly();
      int now = inService.incrementAndGet();
      maxInService.accumulateAndGet(now, Math::max);
      String text;
      try {
        if (serviceNanos > 0) {
          TimeUnit.NANOSECONDS.sleep(serviceNanos); // the model's compute time, holding a slot
        }
        text = answer.apply(prompt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        inService.decrementAndGet();
        slots.release();
        pending.decrementAndGet();
      }
      ObjectNode out = JSON.createObjectNode();
      out.put("model", model);
      out.put("created_at", "2026-01-01T00:00:00Z");
      if (chat) {
        out.putObject("message").put("role", "assistant").put("content", text);
      } else {
        out.put("response", text);
      }
      out.put("done", true);
      out.put("done_reason", "stop");
      int promptTokens = Math.max(1, prompt.length() / 4);
      int completionTokens = Math.max(1, text.length() / 4);
      tokens.addAndGet(promptTokens + completionTokens);
      out.put("prompt_eval_count", promptTokens);
      out.put("eval_count", completionTokens);
      send(ex, 200, out.toString());
    }
  }

  private static String lastUserMessage(JsonNode body) {
    String last = "";
    for (JsonNode m : body.path("messages")) {
      if ("user".equals(m.path("role").asText())) {
        last = m.path("content").asText("");
      }
    }
    return last;
  }

  private static void send(HttpExchange ex, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }
}
