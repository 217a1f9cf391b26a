package dev.trinity.core.internal.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trinity.api.ConnectionException;
import dev.trinity.api.InvalidInputException;
import dev.trinity.api.LlmProvider;
import dev.trinity.api.LlmProviderFactory;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.MalformedResponseException;
import dev.trinity.api.ProviderConfig;
import dev.trinity.api.ProviderContext;
import dev.trinity.api.ProviderException;
import dev.trinity.api.RateLimitedException;
import dev.trinity.api.RequestTimeoutException;
import dev.trinity.api.ResponseFormat;
import dev.trinity.api.ResponseTooLargeException;
import dev.trinity.test.VirtualTime;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every built-in HTTP provider must do, run against a real transport and a MockWebServer. Each
 * provider's test extends this and adds its wire format.
 */
abstract class HttpProviderContract {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String MODEL = "test-model";
  static final Duration WAIT = Duration.ofSeconds(10);

  MockWebServer server;
  TestTransports transports;

  /** The factory under test. */
  abstract LlmProviderFactory factory();

  /** The path requests go to, with the default base URL's path empty. */
  abstract String path();

  /** A 200 body whose answer text is {@code Hello}. */
  abstract String okBody();

  /** A 200 JSON body without the field the text is read from. */
  abstract String bodyWithoutText();

  /** That field's name, as error messages give it ({@code message.content}). */
  abstract String textField();

  /** An error body in the provider's own shape, carrying a message. */
  abstract String errorBody(String message);

  @BeforeEach
  void startServer() throws Exception {
    server = new MockWebServer();
    server.start();
    transports = new TestTransports();
  }

  @AfterEach
  void stopServer() {
    server.close();
    transports.close();
  }

  URI baseUrl() {
    return URI.create(server.url("/").toString());
  }

  ProviderConfig.Builder config() {
    return ProviderConfig.builder(factory().name(), baseUrl(), MODEL);
  }

  LlmProvider provider() {
    return provider(config().build());
  }

  LlmProvider provider(ProviderConfig config) {
    return factory().create(config, transports.context(Clock.systemUTC()));
  }

  LlmProvider provider(ProviderContext context) {
    return factory().create(config().build(), context);
  }

  static MockResponse json(int status, String body) {
    return new MockResponse.Builder()
        .code(status)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  static LlmResponse answer(CompletableFuture<LlmResponse> future) throws Exception {
    return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The exception the future failed with, unwrapped from {@link ExecutionException} only. */
  static Throwable failureOf(CompletableFuture<?> future) throws Exception {
    try {
      Object value = future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      return fail("expected a failure but got " + value);
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  RecordedRequest taken() throws InterruptedException {
    RecordedRequest r = server.takeRequest(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(r).as("a request reached the server").isNotNull();
    return r;
  }

  JsonNode sentBody() throws Exception {
    return JSON.readTree(taken().getBody().utf8());
  }

  /** A complete request, as the pipeline hands it to a provider: its model resolved. */
  static LlmRequest request(String prompt) {
    return LlmRequest.builder().model(MODEL).prompt(prompt).build();
  }

  Throwable failureFor(MockResponse response) throws Exception {
    server.enqueue(response);
    return failureOf(provider().generate(request("Hi")));
  }

  @Test
  void isFoundByServiceLoaderUnderItsName() {
    assertThat(ServiceLoader.load(LlmProviderFactory.class))
        .anySatisfy(
            f -> {
              assertThat(f.name()).isEqualTo(factory().name());
              assertThat(f).isExactlyInstanceOf(factory().getClass());
            });
  }

  @Test
  void refusesARequestWithoutAModelAsNotSentThroughThePipeline() throws Exception {
    Throwable failure = failureOf(provider().generate(LlmRequest.of("Hi")));

    assertThat(failure)
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("request.model: is missing");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void providerReportsItsNameEndpointAndDefaultModel() {
    LlmProvider provider = provider();

    assertThat(provider.name()).isEqualTo(factory().name());
    assertThat(provider.endpoint()).isEqualTo(config().build().baseUrl().toString());
    assertThat(provider.defaultModel()).isEqualTo(MODEL);
  }

  @Test
  void sendsOneJsonPostToItsPath() throws Exception {
    server.enqueue(json(200, okBody()));

    answer(provider().generate(request("Hi")));

    RecordedRequest r = taken();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getUrl().encodedPath()).isEqualTo(path());
    assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/json");
    assertThat(r.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(r.getHeaders().get("Authorization")).isNull();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void readsTheTextAndMeasuresLatencyWithTheContextClock() throws Exception {
    server.enqueue(json(200, okBody()));
    // every reading of the clock is 250 ms after the one before
    Clock clock = new VirtualTime().autoAdvance(Duration.ofMillis(250)).clock();

    LlmResponse response = answer(provider(transports.context(clock)).generate(request("Hi")));

    assertThat(response.text()).isEqualTo("Hello");
    assertThat(response.provider()).isEqualTo(factory().name());
    assertThat(response.latency()).isEqualTo(Duration.ofMillis(250));
  }

  @ParameterizedTest(name = "HTTP {0} fails without retry")
  @ValueSource(ints = {400, 401, 403, 404, 422})
  void clientErrorsAreNotRetryable(int status) throws Exception {
    Throwable failure = failureFor(json(status, errorBody("something is wrong")));

    assertThat(failure).isExactlyInstanceOf(ProviderException.class);
    ProviderException e = (ProviderException) failure;
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.provider()).isEqualTo(factory().name());
    assertThat(e.getMessage()).contains("HTTP " + status).contains("something is wrong");
  }

  @ParameterizedTest(name = "HTTP {0} is retryable")
  @ValueSource(ints = {408, 409, 500, 502, 503, 504})
  void timeoutsConflictsAndServerErrorsAreRetryable(int status) throws Exception {
    Throwable failure = failureFor(json(status, errorBody("try later")));

    assertThat(failure).isExactlyInstanceOf(ProviderException.class);
    ProviderException e = (ProviderException) failure;
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.getMessage()).contains("try later");
  }

  @Test
  void rateLimitInSecondsSaysHowLongToWait() throws Exception {
    Throwable failure =
        failureFor(
            new MockResponse.Builder()
                .code(429)
                .addHeader("Retry-After", "7")
                .body(errorBody("slow down"))
                .build());

    assertThat(failure).isInstanceOf(RateLimitedException.class);
    RateLimitedException e = (RateLimitedException) failure;
    assertThat(e.statusCode()).isEqualTo(429);
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(e.getMessage()).contains("slow down");
  }

  @Test
  void aRateLimitBodySaysHowLongToWait() throws Exception {
    // OpenAI's words (BuilderIO/micro-agent#86), in this provider's error shape
    Throwable failure =
        failureFor(
            json(
                429,
                errorBody(
                    "Rate limit reached for gpt-4o on tokens per min (TPM): Limit 30000, Used"
                        + " 29937, Requested 385. Please try again in 644ms.")));

    assertThat(failure).isInstanceOf(RateLimitedException.class);
    assertThat(((RateLimitedException) failure).retryAfter()).contains(Duration.ofMillis(644));
  }

  @Test
  void retryAfterMsOnAServerErrorSaysHowLongToWaitAndIsAnOverload() throws Exception {
    Throwable failure =
        failureFor(
            new MockResponse.Builder()
                .code(500)
                .addHeader("retry-after-ms", "10")
                .body(errorBody("server error"))
                .build());

    assertThat(failure).isExactlyInstanceOf(ProviderException.class);
    ProviderException e = (ProviderException) failure;
    assertThat(e.retryAfter()).contains(Duration.ofMillis(10));
    assertThat(e.kind()).isEqualTo(ProviderException.Kind.OVERLOADED);
    assertThat(e.isRetryable()).isTrue();
  }

  @Test
  void rateLimitAsAnHttpDateSaysHowLongToWait() throws Exception {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    Clock fixed = Clock.fixed(now, ZoneOffset.UTC);
    String in30Seconds =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(30).atZone(ZoneOffset.UTC));
    server.enqueue(
        new MockResponse.Builder().code(429).addHeader("Retry-After", in30Seconds).build());
    LlmProvider provider =
        provider(TestTransports.context(transports.transport(1 << 20, fixed), fixed));

    Throwable failure = failureOf(provider.generate(request("Hi")));

    assertThat(failure).isInstanceOf(RateLimitedException.class);
    assertThat(((RateLimitedException) failure).retryAfter()).contains(Duration.ofSeconds(30));
  }

  @Test
  void anErrorInsideA200BodyFailsWithItsMessage() throws Exception {
    Throwable failure = failureFor(json(200, errorBody("quota exhausted")));

    assertThat(failure).isExactlyInstanceOf(ProviderException.class);
    ProviderException e = (ProviderException) failure;
    assertThat(e.statusCode()).isEqualTo(200);
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.getMessage()).contains("quota exhausted");
  }

  @Test
  void a200BodyThatIsNotJsonIsMalformed() throws Exception {
    Throwable failure = failureFor(json(200, "<html>Bad gateway</html>"));

    assertThat(failure).isInstanceOf(MalformedResponseException.class);
    MalformedResponseException e = (MalformedResponseException) failure;
    assertThat(e.statusCode()).isEqualTo(200);
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.getMessage()).contains("not valid JSON").doesNotContain("Bad gateway");
    assertThat(e.bodyExcerpt()).isEqualTo("<html>Bad gateway</html>");
  }

  @Test
  void aLongMalformedBodyIsKeptAsAShortExcerpt() throws Exception {
    Throwable failure = failureFor(json(200, "x".repeat(5000)));

    assertThat(failure).isInstanceOf(MalformedResponseException.class);
    assertThat(((MalformedResponseException) failure).bodyExcerpt()).hasSize(300);
  }

  @Test
  void anEmpty200BodyIsMalformed() throws Exception {
    Throwable failure = failureFor(json(200, ""));

    assertThat(failure).isInstanceOf(MalformedResponseException.class);
    assertThat(failure).hasMessageContaining("empty body");
  }

  @Test
  void a200BodyWithoutTheTextIsMalformedAndNamesTheField() throws Exception {
    Throwable failure = failureFor(json(200, bodyWithoutText()));

    assertThat(failure).isInstanceOf(MalformedResponseException.class);
    MalformedResponseException e = (MalformedResponseException) failure;
    assertThat(e.getMessage()).contains(textField());
    assertThat(e.bodyExcerpt()).isEqualTo(bodyWithoutText());
  }

  @Test
  void aBodyOverTheCapIsRejectedByItsContentLength() throws Exception {
    server.enqueue(json(200, "{\"pad\":\"" + "x".repeat(4096) + "\"}"));
    LlmProvider provider =
        provider(
            TestTransports.context(
                transports.transport(1024, Clock.systemUTC()), Clock.systemUTC()));

    Throwable failure = failureOf(provider.generate(request("Hi")));

    assertThat(failure).isInstanceOf(ResponseTooLargeException.class);
    ResponseTooLargeException e = (ResponseTooLargeException) failure;
    assertThat(e.limitBytes()).isEqualTo(1024);
    assertThat(e.statusCode()).isEqualTo(200);
    assertThat(e.isRetryable()).isFalse();
  }

  @Test
  void aChunkedBodyOverTheCapIsRejectedWhileReading() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .chunkedBody("{\"pad\":\"" + "x".repeat(4096) + "\"}", 512)
            .build());
    LlmProvider provider =
        provider(
            TestTransports.context(
                transports.transport(1024, Clock.systemUTC()), Clock.systemUTC()));

    Throwable failure = failureOf(provider.generate(request("Hi")));

    assertThat(failure).isInstanceOf(ResponseTooLargeException.class);
  }

  @Test
  void aRefusedConnectionIsARetryableConnectionFailure() throws Exception {
    MockWebServer closed = new MockWebServer();
    closed.start();
    URI gone = URI.create(closed.url("/").toString());
    closed.close();
    LlmProvider provider = provider(ProviderConfig.builder(factory().name(), gone, MODEL).build());

    Throwable failure = failureOf(provider.generate(request("Hi")));

    assertThat(failure).isInstanceOf(ConnectionException.class);
    ConnectionException e = (ConnectionException) failure;
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.statusCode()).isEqualTo(ProviderException.NO_STATUS);
    assertThat(e.getMessage()).contains(String.valueOf(gone.getPort()));
  }

  @Test
  void aServerThatNeverAnswersTimesOutTheExchange() throws Exception {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    LlmRequest request =
        LlmRequest.builder().model(MODEL).prompt("Hi").timeout(Duration.ofMillis(200)).build();

    Throwable failure = failureOf(provider().generate(request));

    assertThat(failure).isInstanceOf(RequestTimeoutException.class);
    RequestTimeoutException e = (RequestTimeoutException) failure;
    assertThat(e.isDeadlineExceeded()).isFalse();
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.timeout()).isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void cancellingTheAnswerCancelsTheExchange() throws Exception {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    server.enqueue(json(200, okBody()));
    RecordingTransport transport = new RecordingTransport(transports.transport());
    LlmProvider provider = provider(TestTransports.context(transport, Clock.systemUTC()));

    CompletableFuture<LlmResponse> stalled = provider.generate(request("Hi"));
    taken(); // the request is on the server, which will never answer
    boolean cancelled = stalled.cancel(true);

    assertThat(cancelled).isTrue();
    assertThat(stalled).isCancelled();
    assertThat(transport.sent).hasSize(1);
    assertThat(transport.sent.get(0)).isCancelled();
    assertThat(answer(provider.generate(request("Hi again"))).text()).isEqualTo("Hello");
  }

  @Test
  void aSchemaThatIsNotJsonIsRejectedBeforeSending() throws Exception {
    LlmRequest request =
        LlmRequest.builder()
            .model(MODEL)
            .prompt("Hi")
            .responseFormat(ResponseFormat.jsonSchema("card", "{not json"))
            .build();

    Throwable failure = failureOf(provider().generate(request));

    assertThat(failure).isInstanceOf(InvalidInputException.class);
    assertThat(((InvalidInputException) failure).input()).isEqualTo("responseFormat.schema");
    assertThat(server.getRequestCount()).isZero();
  }

  /** Parses expected JSON written with single quotes, for readable expectations. */
  static JsonNode tree(String singleQuoted) throws Exception {
    return JSON.readTree(singleQuoted.replace('\'', '"'));
  }
}
