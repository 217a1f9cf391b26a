package dev.trinity.core.content;

import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trinity.api.content.AsyncContentEngine;
import dev.trinity.core.LlmConfig;
import dev.trinity.core.Trinity;
import dev.trinity.core.resilience.RetryConfig;
import dev.trinity.core.testing.VirtualTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.slf4j.LoggerFactory;

/**
 * A MockWebServer speaking one provider's wire format, a Trinity pointed at it in virtual time, and
 * the content engine's log lines: for tests of the engine end to end.
 */
final class ContentHarness implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /** Which built-in provider the server imitates. */
  enum Wire {
    OLLAMA("ollama", "/"),
    OPENAI("openai", "/v1"),
    LLAMACPP("llamacpp", "/");

    final String provider;
    final String basePath;

    Wire(String provider, String basePath) {
      this.provider = provider;
      this.basePath = basePath;
    }
  }

  /** A valid answer: three projects, written neutrally so that theme rules show. */
  static final String VALID =
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

  static final String PORTFOLIO = "# Ada Kowalska\n\n## Projects\n\n### pgwatch-lite\nStars: 412\n";

  final Wire wire;
  final MockWebServer server = new MockWebServer();
  final VirtualTime time = new VirtualTime();
  final Trinity trinity;
  private final ListAppender<ILoggingEvent> logs =
      new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent e) {
          e.prepareForDeferredProcessing(); // keep the MDC of the thread that logged
          super.append(e);
        }
      };
  private final Logger contentLogger = (Logger) LoggerFactory.getLogger("dev.trinity.core.content");

  ContentHarness(Wire wire) {
    this(wire, b -> b);
  }

  ContentHarness(Wire wire, UnaryOperator<Trinity.Builder> customize) {
    this.wire = wire;
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    contentLogger.setLevel(Level.DEBUG);
    logs.start();
    contentLogger.addAppender(logs);
    Trinity.Builder b =
        Trinity.builder()
            .llm(
                LlmConfig.builder()
                    .provider(wire.provider)
                    .baseUrl(server.url(wire.basePath).toString())
                    .model("test-model")
                    .timeout(Duration.ofSeconds(60))
                    .build())
            .retry(RetryConfig.builder().maxAttempts(1).build())
            .cache(
                dev.trinity.cache.CacheConfig.builder()
                    .tiers(dev.trinity.cache.TierType.MEMORY)
                    .build())
            .clock(time.clock())
            .scheduler(time);
    trinity = customize.apply(b).build();
  }

  /** An engine over this harness's Trinity, on its virtual clock. */
  AsyncContentEngine engine(UnaryOperator<ContentEngines.Builder> customize) {
    return customize.apply(ContentEngines.builder(trinity).clock(time.clock())).buildAsync();
  }

  AsyncContentEngine engine() {
    return engine(b -> b);
  }

  /** A 200 response whose answer text is {@code text}, in this wire's format. */
  MockResponse answer(String text) {
    return answer(text, false, 50);
  }

  /**
   * A 200 response carrying {@code text} after {@code completionTokens} tokens; with {@code
   * atLimit}, the server says the model stopped at its token limit (finish reason {@code length}).
   */
  MockResponse answer(String text, boolean atLimit, int completionTokens) {
    ObjectNode body = JSON.createObjectNode();
    String reason = atLimit ? "length" : "stop";
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
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "application/json")
        .body(body.toString())
        .build();
  }

  static MockResponse status(int code) {
    return new MockResponse.Builder()
        .code(code)
        .body("{\"error\":\"status " + code + "\"}")
        .build();
  }

  /** The next request the server received, as JSON. */
  JsonNode takeBody() {
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

  /** Every message's role and text as the wire carried them (llama.cpp: the flattened prompt). */
  List<Map.Entry<String, String>> messages(JsonNode body) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    if (wire == Wire.LLAMACPP) {
      out.add(Map.entry("prompt", body.path("prompt").asText()));
      return out;
    }
    body.path("messages")
        .forEach(m -> out.add(Map.entry(m.path("role").asText(), m.path("content").asText())));
    return out;
  }

  /** The JSON schema the request asked for, or a missing node. */
  JsonNode schemaSent(JsonNode body) {
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

  /** The content engine's log lines so far. */
  List<ILoggingEvent> events(String message) {
    return logs.list.stream().filter(e -> message.equals(e.getMessage())).toList();
  }

  static Object kv(ILoggingEvent e, String key) {
    return e.getKeyValuePairs().stream()
        .filter(p -> p.key.equals(key))
        .map(p -> p.value)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no key " + key + " in " + e.getMessage()));
  }

  /** Awaitility polling from the start and fast; see PipelineHarness. */
  static org.awaitility.core.ConditionFactory waiting() {
    return await()
        .atMost(Duration.ofSeconds(10))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(2));
  }

  static <T> T resultOf(CompletableFuture<T> f) {
    waiting().until(f::isDone);
    return f.join();
  }

  static Throwable failureOf(CompletableFuture<?> f) {
    waiting().until(f::isDone);
    try {
      f.join();
    } catch (java.util.concurrent.CompletionException e) {
      return e.getCause();
    } catch (java.util.concurrent.CancellationException e) {
      return e;
    }
    throw new AssertionError("expected a failure but the future succeeded");
  }

  @Override
  public void close() {
    trinity.close();
    contentLogger.detachAppender(logs);
    server.close();
  }
}
