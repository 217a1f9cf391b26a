package dev.trinity.core;

import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.content.AsyncContentEngine;
import dev.trinity.cache.CacheConfig;
import dev.trinity.cache.TierType;
import dev.trinity.core.content.ContentEngines;
import dev.trinity.core.resilience.RetryConfig;
import dev.trinity.core.testing.VirtualScheduler;
import dev.trinity.test.LogCapture;
import dev.trinity.test.VirtualTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.awaitility.core.ConditionFactory;
import org.slf4j.event.Level;

/**
 * A MockWebServer, virtual time and a Trinity pointed at them, for tests of the pipeline and of the
 * content engine end to end. The one harness of trinity-core's tests.
 *
 * <p>Two kinds of server:
 *
 * <ul>
 *   <li>{@code new PipelineHarness()}: the minimal {@link JsonTestProvider} wire ({@link #ok},
 *       {@link #status}), with the default retry policy minus jitter, for pipeline stages;
 *   <li>{@code new PipelineHarness(Wire.OLLAMA)}: a built-in provider's own wire format ({@link
 *       #answer}), with retries off so that each queued answer is one call, for the content engine.
 * </ul>
 *
 * Both use a 60 s deadline, a memory cache, {@link VirtualTime} for clock and scheduler, and record
 * the content engine's log lines at debug ({@link #events}).
 */
public final class PipelineHarness implements AutoCloseable {
  public static final ObjectMapper JSON = new ObjectMapper();

  /** How a test sends a request: through the async client, or the blocking one on a thread. */
  public enum Door {
    ASYNC,
    SYNC
  }

  /** Which built-in provider the server imitates. */
  public enum Wire {
    OLLAMA("ollama", "/"),
    OPENAI("openai", "/v1"),
    LLAMACPP("llamacpp", "/");

    public final String provider;
    public final String basePath;

    Wire(String provider, String basePath) {
      this.provider = provider;
      this.basePath = basePath;
    }
  }

  /** A valid content answer: three projects, written neutrally so that theme rules show. */
  public static final String VALID =
      "{\"brand_name\":\"Ada Kowalska\","
          + "\"tagline\":\"Small, sharp tools for people who run PostgreSQL and Kubernetes in"
          + " production every day\","
          + "\"hero\":{\"title\":\"Observability without the noise or the pager\","
          + "\"subtitle\":\"Collectors, exporters and the occasional dashboard.\","
          + "\"cta_primary\":{\"label\":\"See the projects\",\"url\":\"#projects\"},"
          + "\"cta_secondary\":null},"
          + "\"repos\":["
          + "{\"name\":\"kube-janitor-rs\",\"description\":\"Deletes forgotten namespaces, jobs and"
          + " PVCs in Kubernetes clusters on a schedule you define.\","
          + "\"url\":\"https://github.com/adakowalska/kube-janitor-rs\",\"stars\":1300,"
          + "\"language\":\"Rust\",\"tags\":[\"kubernetes\"]},"
          + "{\"name\":\"pgwatch-lite\",\"description\":\"PostgreSQL metrics collector.\","
          + "\"url\":\"https://github.com/adakowalska/pgwatch-lite\",\"stars\":412,"
          + "\"language\":\"Go\",\"tags\":[]},"
          + "{\"name\":\"slowlog-explain\",\"description\":\"Slow logs to EXPLAIN plans.\","
          + "\"url\":null,\"stars\":null,\"language\":\"Python\",\"tags\":[]}],"
          + "\"menu_items\":[{\"label\":\"Projects\",\"url\":\"#projects\"}],"
          + "\"cta\":null}";

  /** A short portfolio for content requests. */
  public static final String PORTFOLIO =
      "# Ada Kowalska\n\n## Projects\n\n### pgwatch-lite\nStars: 412\n";

  /** The wire the server speaks; null for the {@link JsonTestProvider} wire. */
  private final Wire wire;

  public final MockWebServer server = new MockWebServer();
  public final VirtualTime time = new VirtualTime();
  public final Trinity trinity;
  private final LogCapture logs = LogCapture.of("dev.trinity.core.content").atLevel(Level.DEBUG);
  private final ExecutorService callers = Executors.newCachedThreadPool();

  /** A harness on the {@link JsonTestProvider} wire. */
  public PipelineHarness() {
    this(b -> b);
  }

  /** A harness on the {@link JsonTestProvider} wire whose builder is changed before it builds. */
  public PipelineHarness(UnaryOperator<Trinity.Builder> customize) {
    this(null, c -> c, customize);
  }

  /** A harness whose server speaks {@code wire}'s format, retries off. */
  public PipelineHarness(Wire wire) {
    this(wire, b -> b);
  }

  /** A harness speaking {@code wire}'s format whose builder is changed before it builds. */
  public PipelineHarness(Wire wire, UnaryOperator<Trinity.Builder> customize) {
    this(checked(wire), c -> c, customize);
  }

  /** A harness whose configuration (test defaults: no jitter, 60 s deadline) is changed first. */
  public static PipelineHarness withConfig(UnaryOperator<TrinityConfig> configure) {
    return new PipelineHarness(null, configure, b -> b);
  }

  /** A harness speaking {@code wire}'s format whose configuration is changed first. */
  public static PipelineHarness withConfig(Wire wire, UnaryOperator<TrinityConfig> configure) {
    return new PipelineHarness(checked(wire), configure, b -> b);
  }

  /** A harness whose configuration and then builder are changed before it builds. */
  public static PipelineHarness withConfig(
      UnaryOperator<TrinityConfig> configure, UnaryOperator<Trinity.Builder> customize) {
    return new PipelineHarness(null, configure, customize);
  }

  private PipelineHarness(
      Wire wire, UnaryOperator<TrinityConfig> configure, UnaryOperator<Trinity.Builder> customize) {
    this.wire = wire;
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    RetryConfig.Builder retry = RetryConfig.builder().jitter(0.0);
    if (wire != null) {
      retry.maxAttempts(1);
    }
    TrinityConfig base =
        TrinityConfig.builder()
            .llm(
                LlmConfig.builder()
                    .provider(wire == null ? JsonTestProvider.NAME : wire.provider)
                    .baseUrl(server.url(wire == null ? "/" : wire.basePath).toString())
                    .model("test-model")
                    .timeout(Duration.ofSeconds(60))
                    .build())
            .retry(retry.build())
            .cache(CacheConfig.builder().tiers(TierType.MEMORY).build())
            .build();
    Trinity.Builder b =
        Trinity.builder()
            .config(configure.apply(base))
            .registerProvider(JsonTestProvider.factory())
            .clock(time.clock())
            .scheduler(VirtualScheduler.of(time))
            .random(() -> 0.5);
    logs.start();
    try {
      trinity = customize.apply(b).build();
    } catch (RuntimeException | Error e) {
      logs.close();
      callers.shutdownNow();
      server.close();
      throw e;
    }
  }

  private static Wire checked(Wire wire) {
    if (wire == null) {
      throw new NullPointerException("wire (use new PipelineHarness() for the json-test wire)");
    }
    return wire;
  }

  /** A 200 response of the {@link JsonTestProvider} wire whose answer is {@code text}. */
  public static MockResponse ok(String text) {
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "application/json")
        .body("{\"text\":\"" + text + "\",\"prompt_tokens\":3,\"completion_tokens\":5}")
        .build();
  }

  /** A response with this status and a small JSON error body. */
  public static MockResponse status(int code) {
    return new MockResponse.Builder()
        .code(code)
        .body("{\"error\":\"status " + code + "\"}")
        .build();
  }

  /** Sends through the chosen door; a SYNC failure is exactly what generate() threw. */
  public CompletableFuture<LlmResponse> send(Door door, LlmRequest request) {
    if (door == Door.ASYNC) {
      return trinity.llmAsync().generate(request);
    }
    CompletableFuture<LlmResponse> f = new CompletableFuture<>();
    callers.execute(
        () -> {
          try {
            f.complete(trinity.llm().generate(request));
          } catch (Throwable t) {
            f.completeExceptionally(t);
          }
        });
    return f;
  }

  public CompletableFuture<LlmResponse> send(Door door) {
    return send(door, LlmRequest.of("hello"));
  }

  /**
   * Two identical asynchronous calls, the second made while the first is at the server (held there
   * until then), so that the second joins the first; waits for both.
   *
   * @param prompt the prompt both send
   * @param answer the server's answer
   * @return both calls' futures, done, the first one first
   */
  public List<CompletableFuture<LlmResponse>> joinedPair(String prompt, String answer) {
    CountDownLatch release = new CountDownLatch(1);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            release.await(10, TimeUnit.SECONDS);
            return ok(answer);
          }
        });
    CompletableFuture<LlmResponse> first = send(Door.ASYNC, LlmRequest.of(prompt));
    awaitRequests(1);
    CompletableFuture<LlmResponse> second = send(Door.ASYNC, LlmRequest.of(prompt));
    release.countDown();
    waiting().until(() -> first.isDone() && second.isDone());
    return List.of(first, second);
  }

  public void awaitRequests(int n) {
    waiting().until(() -> server.getRequestCount() >= n);
  }

  /** Waits until a task other than the deadline is pending (a retry back-off). */
  public Duration awaitRetryScheduled() {
    waiting().until(() -> time.pendingCount() >= 2);
    return time.nextDelay().orElseThrow();
  }

  /** An engine over this harness's Trinity, on its virtual clock. */
  public AsyncContentEngine engine(UnaryOperator<ContentEngines.Builder> customize) {
    return customize.apply(ContentEngines.builder(trinity).clock(time.clock())).buildAsync();
  }

  public AsyncContentEngine engine() {
    return engine(b -> b);
  }

  /** A 200 response whose answer text is {@code text}, in this harness's wire format. */
  public MockResponse answer(String text) {
    return answer(text, false, 50);
  }

  /**
   * A 200 response carrying {@code text} after {@code completionTokens} tokens; with {@code
   * atLimit}, the server says the model stopped at its token limit (finish reason {@code length}).
   *
   * @throws UnsupportedOperationException with {@code atLimit} on the json-test wire, which has no
   *     way to say so
   */
  public MockResponse answer(String text, boolean atLimit, int completionTokens) {
    ObjectNode body = JSON.createObjectNode();
    String reason = atLimit ? "length" : "stop";
    if (wire == null) {
      if (atLimit) {
        throw new UnsupportedOperationException("the json-test wire cannot say it hit a limit");
      }
      body.put("text", text).put("prompt_tokens", 100).put("completion_tokens", completionTokens);
    } else {
      switch (wire) {
        case OLLAMA:
          body.put("model", "test-model");
          body.putObject("message").put("role", "assistant").put("content", text);
          body.put("done", true).put("done_reason", reason);
          body.put("prompt_eval_count", 100).put("eval_count", completionTokens);
          break;
        case OPENAI:
          body.put("id", "chatcmpl-1").put("object", "chat.completion").put("model", "test-model");
          ObjectNode choice = body.putArray("choices").addObject();
          choice.put("index", 0).put("finish_reason", reason);
          choice.putObject("message").put("role", "assistant").put("content", text);
          body.putObject("usage")
              .put("prompt_tokens", 100)
              .put("completion_tokens", completionTokens);
          break;
        case LLAMACPP:
        default:
          body.put("content", text).put("model", "test-model");
          if (atLimit) {
            body.put("stop", true).put("stop_type", "limit");
          } else {
            body.put("stop", true);
          }
          body.put("tokens_evaluated", 100).put("tokens_predicted", completionTokens);
          break;
      }
    }
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "application/json")
        .body(body.toString())
        .build();
  }

  /** The next request the server received, as JSON. */
  public JsonNode takeBody() {
    try {
      RecordedRequest r = server.takeRequest(10, TimeUnit.SECONDS);
      if (r == null) {
        throw new AssertionError("no request reached the server");
      }
      return JSON.readTree(r.getBody().utf8());
    } catch (InterruptedException | IOException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Every message's role and text as the wire carried them (llama.cpp and json-test: the flattened
   * prompt, under the role {@code prompt}).
   */
  public List<Map.Entry<String, String>> messages(JsonNode body) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    if (wire == null || wire == Wire.LLAMACPP) {
      out.add(Map.entry("prompt", body.path("prompt").asText()));
      return out;
    }
    body.path("messages")
        .forEach(m -> out.add(Map.entry(m.path("role").asText(), m.path("content").asText())));
    return out;
  }

  /** The JSON schema the request asked for, or a missing node. */
  public JsonNode schemaSent(JsonNode body) {
    if (wire == null) {
      return body.path("json_schema");
    }
    switch (wire) {
      case OLLAMA:
        return body.path("format");
      case OPENAI:
        return body.at("/response_format/json_schema/schema");
      case LLAMACPP:
      default:
        return body.path("json_schema");
    }
  }

  /** The content engine's log lines so far whose event name is {@code message}. */
  public List<ILoggingEvent> events(String message) {
    return logs.events(message);
  }

  /** The value of one key of a log event; fails the test if the event has no such key. */
  public static Object kv(ILoggingEvent e, String key) {
    return LogCapture.value(e, key);
  }

  /** Awaitility polling fast and from the start (its default first poll comes after 100 ms). */
  public static ConditionFactory waiting() {
    return await()
        .atMost(Duration.ofSeconds(10))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(2));
  }

  /** What the future failed with, unwrapped from the CompletionException; waits up to 10 s. */
  public static Throwable failureOf(CompletableFuture<?> f) {
    waiting().until(f::isDone);
    try {
      f.join();
    } catch (CompletionException e) {
      return e.getCause();
    } catch (CancellationException e) {
      return e;
    }
    throw new AssertionError("expected a failure but the future succeeded");
  }

  /** The future's result; waits up to 10 s. */
  public static <T> T resultOf(CompletableFuture<T> f) {
    waiting().until(f::isDone);
    return f.join();
  }

  @Override
  public void close() {
    trinity.close();
    logs.close();
    callers.shutdownNow();
    server.close();
  }
}
