package dev.trinity.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.trinity.api.LlmRequest;
import dev.trinity.api.ModelNotFoundException;
import dev.trinity.api.ProviderException;
import dev.trinity.api.ProviderException.Kind;
import dev.trinity.api.RateLimitedException;
import dev.trinity.api.RequestTimeoutException;
import dev.trinity.cache.CacheConfig;
import dev.trinity.core.resilience.RetryConfig;
import dev.trinity.core.testing.VirtualScheduler;
import dev.trinity.test.VirtualTime;
import java.io.IOException;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kind of failure a provider produces, classified once where it is created, and what the
 * pipeline does with it: real Ollama requests against a stand-in server answering with statuses and
 * error bodies real servers send, a closed port, a stalled answer and unreadable answers. The
 * predicates are the ones a real {@link Trinity} gives its breaker and its concurrency limit, read
 * through the public API.
 *
 * <p>Virtual time drives the pipeline's own timers, so that an exchange timeout (real time, 200 ms)
 * is what ends a stalled call.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailureKindsTest {
  private static final boolean COUNTS = true;
  private static final boolean OVERLOAD = true;
  private static final boolean RETRYABLE = true;
  private static final String NO_BODY = "";

  /** Stands for "no server at all": the request goes to a closed port. */
  private static final MockResponse CLOSED_PORT = new MockResponse.Builder().code(599).build();

  private final MockWebServer server = new MockWebServer();
  private Trinity live;
  private Trinity gone;

  @BeforeAll
  void start() throws IOException {
    server.start();
    live = trinity(server.url("/").toString(), c -> c);
    int closed;
    try (MockWebServer closing = new MockWebServer()) {
      closing.start();
      closed = closing.getPort();
    }
    gone = trinity("http://127.0.0.1:" + closed, c -> c);
  }

  @AfterAll
  void stop() throws IOException {
    live.close();
    gone.close();
    server.close();
  }

  private static Trinity trinity(String baseUrl, UnaryOperator<TrinityConfig.Builder> configure) {
    VirtualTime time = new VirtualTime();
    TrinityConfig.Builder config =
        TrinityConfig.builder()
            .llm(
                LlmConfig.builder()
                    .provider("ollama")
                    .baseUrl(baseUrl)
                    .model("llama3.2")
                    .timeout(Duration.ofSeconds(60))
                    .build())
            .retry(RetryConfig.disabled())
            .cache(CacheConfig.builder().enabled(false).build());
    return Trinity.builder()
        .config(configure.apply(config).build())
        .clock(time.clock())
        .scheduler(VirtualScheduler.of(time))
        .build();
  }

  private static MockResponse status(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .body(body)
        .addHeader("Content-Type", body.startsWith("<") ? "text/html" : "application/json")
        .build();
  }

  private static MockResponse ok(String body) {
    return status(200, body);
  }

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of(
            "429 with Retry-After",
            status(429, "{\"error\":\"rate limit exceeded\"}")
                .newBuilder()
                .addHeader("Retry-After", "2")
                .build(),
            Kind.RATE_LIMITED,
            !COUNTS,
            OVERLOAD,
            RETRYABLE),
        Arguments.of(
            "503 from Ollama with a full queue",
            status(
                503,
                "{\"error\":\"server busy, please try again.  maximum pending requests"
                    + " exceeded\"}"),
            Kind.OVERLOADED,
            !COUNTS,
            OVERLOAD,
            RETRYABLE),
        Arguments.of(
            "529 saying it is overloaded",
            status(
                529,
                "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":"
                    + "\"Overloaded\"}}"),
            Kind.OVERLOADED,
            !COUNTS,
            OVERLOAD,
            RETRYABLE),
        Arguments.of(
            "503 page from a proxy",
            status(503, "<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>"),
            Kind.UNAVAILABLE,
            COUNTS,
            OVERLOAD,
            RETRYABLE),
        Arguments.of(
            "503 from llama.cpp loading its model",
            status(
                503,
                "{\"error\":{\"code\":503,\"message\":\"Loading model\","
                    + "\"type\":\"unavailable_error\"}}"),
            Kind.UNAVAILABLE,
            COUNTS,
            OVERLOAD,
            RETRYABLE),
        Arguments.of(
            "500 from a crashed runner",
            status(500, "{\"error\":\"llama runner process has terminated: signal: killed\"}"),
            Kind.SERVER,
            COUNTS,
            !OVERLOAD,
            RETRYABLE),
        Arguments.of(
            "500 for a model too big for the host",
            status(
                500,
                "{\"error\":\"model requires more system memory (8.0 GiB) than is available"
                    + " (4.0 GiB)\"}"),
            Kind.SERVER,
            COUNTS,
            !OVERLOAD,
            !RETRYABLE),
        Arguments.of(
            "502 from a gateway",
            status(502, "Bad Gateway"),
            Kind.SERVER,
            COUNTS,
            !OVERLOAD,
            RETRYABLE),
        Arguments.of("408", status(408, NO_BODY), Kind.SERVER, COUNTS, !OVERLOAD, RETRYABLE),
        Arguments.of(
            "400 for bad options",
            status(400, "{\"error\":\"invalid options: temprature\"}"),
            Kind.CLIENT,
            !COUNTS,
            !OVERLOAD,
            !RETRYABLE),
        Arguments.of(
            "401 for a wrong key",
            status(
                401,
                "{\"error\":{\"message\":\"Incorrect API key provided\","
                    + "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}"),
            Kind.CLIENT,
            !COUNTS,
            !OVERLOAD,
            !RETRYABLE),
        Arguments.of(
            "404 for a model not pulled",
            status(404, "{\"error\":\"model \\\"llama3.2\\\" not found, try pulling it first\"}"),
            Kind.CLIENT,
            !COUNTS,
            !OVERLOAD,
            !RETRYABLE),
        Arguments.of("409", status(409, NO_BODY), Kind.CLIENT, !COUNTS, !OVERLOAD, RETRYABLE),
        Arguments.of(
            "302 that is not followed",
            status(302, NO_BODY).newBuilder().addHeader("Location", "/elsewhere").build(),
            Kind.CLIENT,
            !COUNTS,
            !OVERLOAD,
            !RETRYABLE),
        Arguments.of(
            "connection refused", CLOSED_PORT, Kind.TRANSPORT, COUNTS, !OVERLOAD, RETRYABLE),
        Arguments.of(
            "an answer that never comes",
            new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build(),
            Kind.TIMEOUT,
            COUNTS,
            OVERLOAD,
            !RETRYABLE), // the exchange used up the request's deadline: no time for another
        Arguments.of(
            "200 that is not JSON", ok("Hello!"), Kind.MALFORMED, !COUNTS, !OVERLOAD, !RETRYABLE),
        Arguments.of(
            "200 without the answer",
            ok("{\"model\":\"llama3.2\",\"done\":true}"),
            Kind.MALFORMED,
            !COUNTS,
            !OVERLOAD,
            !RETRYABLE),
        Arguments.of(
            "200 with an error inside",
            ok("{\"error\":\"unexpected EOF\"}"),
            Kind.MALFORMED,
            !COUNTS,
            !OVERLOAD,
            !RETRYABLE));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("failures")
  void eachFailureIsClassifiedOnceAndTheBreakerTheLimitAndTheRetryStageAgree(
      String what,
      MockResponse answer,
      Kind kind,
      boolean counts,
      boolean overload,
      boolean retryable) {
    Trinity trinity = answer == CLOSED_PORT ? gone : live;
    if (answer != CLOSED_PORT) {
      server.enqueue(answer);
    }
    trinity.circuitBreakers().resetAll();
    LlmRequest request = LlmRequest.builder().prompt(what).timeout(Duration.ofMillis(200)).build();

    Throwable failure = catchThrowable(() -> trinity.llm().generate(request));

    assertThat(failure).as(what).isInstanceOf(ProviderException.class);
    ProviderException e = (ProviderException) failure;
    assertThat(e.kind()).as(what + ": kind").isEqualTo(kind);
    assertThat(trinity.circuitBreakers().defaultConfig().countsAsFailure(e))
        .as(what + ": counts against the endpoint")
        .isEqualTo(counts);
    assertThat(trinity.concurrencyLimiter().config().dropPredicate().test(e))
        .as(what + ": overload")
        .isEqualTo(overload);
    assertThat(e.isRetryable()).as(what + ": retryable").isEqualTo(retryable);
    assertThat(e.attempts()).as(what + ": attempts").isEqualTo(1);
  }

  @Test
  void theSubtypesAgreeWithTheirKinds() {
    server.enqueue(status(429, "{\"error\":\"slow down\"}"));
    server.enqueue(status(404, "{\"error\":\"model \\\"llama3.2\\\" not found\"}"));
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    live.circuitBreakers().resetAll();

    assertThat(catchThrowable(() -> live.llm().generate("a")))
        .isInstanceOf(RateLimitedException.class);
    assertThat(catchThrowable(() -> live.llm().generate("b")))
        .isInstanceOf(ModelNotFoundException.class)
        .hasMessageContaining("llama3.2");
    Throwable timeout =
        catchThrowable(
            () ->
                live.llm()
                    .generate(
                        LlmRequest.builder().prompt("c").timeout(Duration.ofMillis(200)).build()));
    assertThat(timeout)
        .isInstanceOf(RequestTimeoutException.class)
        .hasMessage("ollama did not answer within the request timeout of 200 ms");
    assertThat(((RequestTimeoutException) timeout).isDeadlineExceeded()).isTrue();
  }

  @Test
  void aBackOffThatWouldPassTheDeadlineEndsTheRequestWithADeadlineTheBreakerDoesNotCount() {
    // retries on: the server asks for 120 s, the request has 60 s left, so the retry stage stops
    try (Trinity retrying =
        trinity(
            server.url("/").toString(), c -> c.retry(RetryConfig.builder().jitter(0.0).build()))) {
      server.enqueue(
          status(503, "{\"error\":\"server busy\"}")
              .newBuilder()
              .addHeader("Retry-After", "120")
              .build());

      Throwable failure = catchThrowable(() -> retrying.llm().generate("deadline"));

      assertThat(failure).isInstanceOf(RequestTimeoutException.class);
      RequestTimeoutException e = (RequestTimeoutException) failure;
      assertThat(e.kind()).isEqualTo(Kind.DEADLINE);
      assertThat(e.isDeadlineExceeded()).isTrue();
      assertThat(e.isRetryable()).isFalse();
      assertThat(retrying.circuitBreakers().defaultConfig().countsAsFailure(e)).isFalse();
      assertThat(retrying.concurrencyLimiter().config().dropPredicate().test(e)).isFalse();
      assertThat(e.getCause()).isInstanceOf(ProviderException.class);
      assertThat(((ProviderException) e.getCause()).kind()).isEqualTo(Kind.OVERLOADED);
    }
  }
}
