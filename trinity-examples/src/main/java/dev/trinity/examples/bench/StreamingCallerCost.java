package dev.trinity.examples.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trinity.api.CachePolicy;
import dev.trinity.api.HttpTransport;
import dev.trinity.api.LlmProvider;
import dev.trinity.api.LlmProviderFactory;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.ProviderConfig;
import dev.trinity.api.ProviderContext;
import dev.trinity.api.ProviderException;
import dev.trinity.core.LlmConfig;
import dev.trinity.core.Trinity;
import dev.trinity.core.internal.providers.ollama.OllamaProviderFactory;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * What a streamed call costs on the caller's thread, with the network taken out: from the prompt in
 * hand until the request would go out, and until the first text piece is in the caller's hands.
 *
 * <p>Trinity's {@code llmAsync().stream()} runs its whole pipeline and the real Ollama provider
 * (encoder, request building, stream decoder) against a transport that records the moment it is
 * handed the request and answers at once, on the same thread, with two NDJSON lines. The raw way
 * does what a hand-written {@code java.net.http} client does before {@code sendAsync}: encode the
 * body with Jackson, build the {@code HttpRequest}; then parses the first line with Jackson.
 *
 * <p>The ways alternate, each call after the thread has been parked for {@code gapMs}: a call that
 * comes after the thread sat idle finds its caches cold, and pays for every piece of code and data
 * it touches, which is what separates the two ways in {@link StreamingFirstTokenBenchmark}. With
 * {@code gapMs} 0 the code stays hot.
 *
 * <p>Usage: {@code StreamingCallerCost [calls] [gapMs] [warmup]} (defaults 400, 67, 20000).
 */
public final class StreamingCallerCost {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FIRST =
      "{\"model\":\"bench\",\"message\":{\"role\":\"assistant\",\"content\":\"tok\"},"
          + "\"done\":false}";
  private static final String LAST =
      "{\"model\":\"bench\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,"
          + "\"done_reason\":\"stop\",\"prompt_eval_count\":5,\"eval_count\":1}";

  private static long handedOver;

  private StreamingCallerCost() {}

  /**
   * Runs the comparison.
   *
   * @param args calls per way, the idle gap before each call in ms, warm-up calls per way
   * @throws Exception when a call fails
   */
  public static void main(String[] args) throws Exception {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 400;
    long gapMs = args.length > 1 ? Long.parseLong(args[1]) : 67;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
    URI base = URI.create("http://127.0.0.1:9"); // never dialled
    try (Trinity trinity =
        Trinity.builder()
            .registerProvider(new AnsweringOllama())
            .llm(
                LlmConfig.builder()
                    .provider(AnsweringOllama.NAME)
                    .baseUrl(base)
                    .model("bench")
                    .build())
            .build()) {
      long[] trinitySend = new long[calls];
      long[] trinityFirst = new long[calls];
      long[] rawSend = new long[calls];
      long[] rawFirst = new long[calls];
      long[] pair = new long[2];
      for (int i = -warmup; i < calls; i++) {
        boolean measured = i >= 0;
        if (measured) {
          Idle.park(gapMs);
        }
        trinityCall(trinity, "call " + i, pair);
        if (measured) {
          trinitySend[i] = pair[0];
          trinityFirst[i] = pair[1];
          Idle.park(gapMs);
        }
        rawCall(base, "call " + i, pair);
        if (measured) {
          rawSend[i] = pair[0];
          rawFirst[i] = pair[1];
        }
      }
      System.out.printf(
          Locale.ROOT,
          "%d calls per way, each after %d ms idle (Java %s)%n",
          calls,
          gapMs,
          Runtime.version());
      System.out.println("| way | to the send, p50 | to the first piece, p50 | p90 |");
      System.out.println("|---|---|---|---|");
      row("raw java.net.http (Jackson tree, HttpRequest.newBuilder)", rawSend, rawFirst);
      row("Trinity stream() (whole pipeline, Ollama provider)", trinitySend, trinityFirst);
      System.out.printf(
          Locale.ROOT,
          "Trinity minus raw, to the first piece: p50 %+.1f µs%n",
          Stats.of(trinityFirst).percentileMicros(50) - Stats.of(rawFirst).percentileMicros(50));
    }
  }

  private static void row(String name, long[] send, long[] first) {
    System.out.printf(
        Locale.ROOT,
        "| %s | %.1f µs | %.1f µs | %.1f µs |%n",
        name,
        Stats.of(send).percentileMicros(50),
        Stats.of(first).percentileMicros(50),
        Stats.of(first).percentileMicros(90));
  }

  private static void trinityCall(Trinity trinity, String prompt, long[] out) throws Exception {
    LlmRequest request =
        LlmRequest.builder().prompt(prompt).cachePolicy(CachePolicy.BYPASS).build();
    long start = System.nanoTime();
    long first = FirstText.stream(trinity, request);
    out[0] = handedOver - start;
    out[1] = first - start;
  }

  private static void rawCall(URI base, String prompt, long[] out) throws Exception {
    long start = System.nanoTime();
    HttpRequest request = StreamingFirstTokenBenchmark.rawRequest(base, prompt);
    long send = System.nanoTime();
    String piece = JSON.readTree(FIRST).path("message").path("content").asText("");
    long first = System.nanoTime();
    if (piece.isEmpty() || JSON.readTree(LAST).path("done").asBoolean() != true) {
      throw new IllegalStateException("unexpected lines " + request);
    }
    out[0] = send - start;
    out[1] = first - start;
  }

  /** The real Ollama provider over a transport that answers on the calling thread. */
  private static final class AnsweringOllama implements LlmProviderFactory {
    static final String NAME = "ollama-answering";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public LlmProvider create(ProviderConfig config, ProviderContext context) {
      ProviderContext answering =
          new ProviderContext() {
            @Override
            public HttpTransport transport() {
              return new AnsweringTransport();
            }

            @Override
            public Clock clock() {
              return context.clock();
            }
          };
      return new OllamaProviderFactory().create(config, answering);
    }
  }

  private static final class AnsweringTransport implements HttpTransport {
    @Override
    public CompletableFuture<HttpResponse<byte[]>> send(
        HttpRequest request, String provider, String model) {
      // the benchmark streams only; a whole-answer call is refused as a transport that cannot
      // stream refuses lines()
      return CompletableFuture.failedFuture(
          new ProviderException(
              provider,
              ProviderException.NO_STATUS,
              "the benchmark's transport answers streamed calls only",
              false,
              null));
    }

    @Override
    public Flow.Publisher<String> lines(HttpRequest request, String provider, String model) {
      return subscriber -> {
        handedOver = System.nanoTime();
        subscriber.onSubscribe(
            new Flow.Subscription() {
              @Override
              public void request(long n) {}

              @Override
              public void cancel() {}
            });
        subscriber.onNext(FIRST);
        subscriber.onNext(LAST);
        subscriber.onComplete();
      };
    }
  }
}
