package dev.trinity.examples;

import com.sun.net.httpserver.HttpServer;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.SkippedProvider;
import dev.trinity.api.content.ContentEngine;
import dev.trinity.api.content.ContentRequest;
import dev.trinity.api.content.Fallback;
import dev.trinity.api.content.GeneratedContent;
import dev.trinity.core.FallbackConfig;
import dev.trinity.core.LlmConfig;
import dev.trinity.core.Trinity;
import dev.trinity.core.TrinityConfig;
import dev.trinity.core.content.ContentEngines;
import dev.trinity.core.resilience.RetryConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fallback chain end to end: Ollama on a closed port first, then a llama.cpp stand-in, then the
 * content engine's offline fallback. Step 1 asks the LLM client and the content engine while the
 * stand-in answers; step 2 repeats the site and is served from the llama.cpp answer's own cache
 * entry; step 3 stops the stand-in, so every provider is down and the offline extractor writes the
 * site. Trinity's WARN and ERROR events ({@code llm_fallback}, {@code llm_request_failed}, {@code
 * content_fallback_used}) print as they happen.
 *
 * <pre>
 * ./mvnw -q -pl trinity-examples exec:java -Dexec.mainClass=dev.trinity.examples.FallbackDemo
 * </pre>
 */
public final class FallbackDemo {
  /** What the llama.cpp stand-in writes: valid site content, as a model following the schema. */
  private static final String SITE =
      "{\"brand_name\":\"Ada Kowalska\",\"tagline\":\"Small, sharp tools for PostgreSQL and"
          + " Kubernetes in production\",\"hero\":{\"title\":\"Observability without the noise\","
          + "\"subtitle\":\"Collectors, exporters and the occasional dashboard.\","
          + "\"cta_primary\":{\"label\":\"See the projects\",\"url\":\"#projects\"},"
          + "\"cta_secondary\":null},\"repos\":[{\"name\":\"pgwatch-lite\",\"description\":"
          + "\"PostgreSQL metrics collector.\",\"url\":\"https://github.com/adakowalska/pgwatch-lite\","
          + "\"stars\":412,\"language\":\"Go\",\"tags\":[]}],"
          + "\"menu_items\":[{\"label\":\"Projects\",\"url\":\"#projects\"}],\"cta\":null}";

  private FallbackDemo() {}

  /**
   * Runs the demo.
   *
   * @param args ignored
   * @throws Exception when the local stand-in cannot start
   */
  public static void main(String[] args) throws Exception {
    int closedPort = closedPort();
    AtomicInteger llamaCalls = new AtomicInteger();
    HttpServer llama = llamaCppStandIn(llamaCalls);
    TrinityConfig config =
        TrinityConfig.builder()
            .llm(
                LlmConfig.builder()
                    .provider("ollama")
                    .baseUrl("http://127.0.0.1:" + closedPort)
                    .model("llama3.2:3b")
                    .timeout(Duration.ofSeconds(20))
                    .fallback(
                        FallbackConfig.builder("llamacpp")
                            .baseUrl("http://127.0.0.1:" + llama.getAddress().getPort())
                            .model("qwen2.5-7b-instruct")
                            .build())
                    .build())
            .retry(
                RetryConfig.builder().maxAttempts(2).initialBackoff(Duration.ofMillis(100)).build())
            .build();
    String portfolio = Samples.read("ada-kowalska.md");
    try (Trinity trinity = Trinity.builder().config(config).build()) {
      System.out.println(
          "chain: "
              + trinity.providers().stream().map(p -> p.name() + "@" + p.endpoint()).toList());
      ContentEngine engine = ContentEngines.builder(trinity).fallback(Fallback.offline()).build();

      System.out.println("\n1. ollama is down (closed port); the llama.cpp stand-in answers");
      LlmResponse r = trinity.llm().generate(LlmRequest.of("Write a one-line bio for Ada"));
      System.out.printf(
          "   llm: provider=%s model=%s attempts=%d skipped=%s%n",
          r.provider(), r.model(), r.attempts(), describe(r));
      site(engine, portfolio, "brutalist");

      System.out.println(
          "\n2. the same site again: served from the llama.cpp answer's cache entry");
      site(engine, portfolio, "brutalist");

      System.out.println("\n3. the stand-in stops too: every provider is down, offline answers");
      llama.stop(0);
      site(engine, portfolio, "hacker");
      System.out.printf("%nllama.cpp stand-in calls: %d%n", llamaCalls.get());
    } finally {
      llama.stop(0);
    }
  }

  private static void site(ContentEngine engine, String portfolio, String theme) {
    GeneratedContent g =
        engine.generate(
            ContentRequest.builder()
                .portfolioText(portfolio, "ada-kowalska.md")
                .theme(theme)
                .build());
    System.out.printf(
        "   site (%s): source=%s provider=%s model=%s brand=\"%s\" projects=%d%n",
        theme,
        g.source(),
        g.provider(),
        g.model(),
        g.content().brandName(),
        g.content().repos().size());
  }

  private static String describe(LlmResponse r) {
    return r.skipped().stream().map(SkippedProvider::provider).toList()
        + " "
        + r.skipped().stream().map(s -> s.reason().label()).toList();
  }

  /** A port nothing listens on: taken from the system, then closed. */
  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Answers llama.cpp's {@code POST /completion} with the site above. */
  private static HttpServer llamaCppStandIn(AtomicInteger calls) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/completion",
        ex -> {
          ex.getRequestBody().readAllBytes();
          calls.incrementAndGet();
          String escaped = SITE.replace("\\", "\\\\").replace("\"", "\\\"");
          byte[] body =
              ("{\"content\":\""
                      + escaped
                      + "\",\"stop\":true,\"tokens_evaluated\":812,"
                      + "\"tokens_predicted\":164}")
                  .getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().add("Content-Type", "application/json");
          ex.sendResponseHeaders(200, body.length);
          try (OutputStream os = ex.getResponseBody()) {
            os.write(body);
          }
        });
    server.start();
    return server;
  }
}
