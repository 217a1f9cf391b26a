package dev.trinity.core;

import static dev.trinity.core.PipelineHarness.failureOf;
import static dev.trinity.core.PipelineHarness.ok;
import static dev.trinity.core.PipelineHarness.resultOf;
import static dev.trinity.core.PipelineHarness.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.MalformedResponseException;
import dev.trinity.api.ProviderException;
import dev.trinity.api.RateLimitedException;
import dev.trinity.api.RequestTimeoutException;
import dev.trinity.core.PipelineHarness.Door;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPipelineTest {
  private PipelineHarness h;

  @BeforeEach
  void start() throws Exception {
    h = new PipelineHarness();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void succeedsOnTheThirdAttemptAfterTwo503s(Door door) {
    h.server.enqueue(status(503));
    h.server.enqueue(status(503));
    h.server.enqueue(ok("fine"));

    CompletableFuture<LlmResponse> f = h.send(door);
    h.awaitRequests(1);
    assertThat(h.awaitRetryScheduled()).isEqualTo(Duration.ofSeconds(1));
    h.time.advance(Duration.ofSeconds(1));
    h.awaitRequests(2);
    assertThat(h.awaitRetryScheduled()).isEqualTo(Duration.ofSeconds(2));
    h.time.advance(Duration.ofSeconds(2));

    LlmResponse r = resultOf(f);
    assertThat(r.text()).isEqualTo("fine");
    assertThat(r.attempts()).isEqualTo(3);
    assertThat(r.latency()).isEqualTo(Duration.ofSeconds(3));
    assertThat(r.usage().totalTokens()).isEqualTo(8);
    assertThat(h.server.getRequestCount()).isEqualTo(3);
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void givesUpWithARetryableErrorAfterExactlyThreeRequestsWhenAlways503(Door door) {
    for (int i = 0; i < 5; i++) {
      h.server.enqueue(status(503));
    }
    CompletableFuture<LlmResponse> f = h.send(door);
    h.awaitRequests(1);
    h.awaitRetryScheduled();
    h.time.advance(Duration.ofSeconds(1));
    h.awaitRequests(2);
    h.awaitRetryScheduled();
    h.time.advance(Duration.ofSeconds(2));

    Throwable t = failureOf(f);
    assertThat(t).isInstanceOf(ProviderException.class);
    ProviderException e = (ProviderException) t;
    assertThat(e.statusCode()).isEqualTo(503);
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.attempts()).isEqualTo(3);
    assertThat(e.getSuppressed()).hasSize(2);
    h.time.advance(Duration.ofMinutes(5));
    assertThat(h.server.getRequestCount()).isEqualTo(3);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 422})
  void neverRetriesClientErrors(int code) {
    h.server.enqueue(status(code));
    h.server.enqueue(ok("must not be reached"));

    Throwable t = failureOf(h.send(Door.ASYNC));

    assertThat(t).isInstanceOf(ProviderException.class);
    assertThat(((ProviderException) t).statusCode()).isEqualTo(code);
    assertThat(((ProviderException) t).isRetryable()).isFalse();
    assertThat(((ProviderException) t).attempts()).isEqualTo(1);
    assertThat(h.server.getRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void aMalformedAnswerIsNotRetried(Door door) {
    h.server.enqueue(new MockResponse.Builder().code(200).body("{not json").build());
    h.server.enqueue(ok("must not be reached"));

    assertThat(failureOf(h.send(door))).isInstanceOf(MalformedResponseException.class);
    assertThat(h.server.getRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void waitsForRetryAfterSecondsBeforeTheNextAttempt(Door door) {
    h.server.enqueue(
        new MockResponse.Builder().code(429).addHeader("Retry-After", "2").body("{}").build());
    h.server.enqueue(ok("after the wait"));

    CompletableFuture<LlmResponse> f = h.send(door);
    h.awaitRequests(1);
    assertThat(h.awaitRetryScheduled()).isEqualTo(Duration.ofSeconds(2));
    h.time.advance(Duration.ofMillis(1999));
    assertThat(h.server.getRequestCount()).isEqualTo(1);
    h.time.advance(Duration.ofMillis(1));

    assertThat(resultOf(f).text()).isEqualTo("after the wait");
    assertThat(h.server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void waitsForRetryAfterGivenAsAnHttpDate() {
    String in7s =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            h.time.now().plusSeconds(7).atZone(ZoneOffset.UTC));
    h.server.enqueue(
        new MockResponse.Builder().code(503).addHeader("Retry-After", in7s).body("{}").build());
    h.server.enqueue(ok("later"));

    CompletableFuture<LlmResponse> f = h.send(Door.ASYNC);
    h.awaitRequests(1);
    assertThat(h.awaitRetryScheduled()).isEqualTo(Duration.ofSeconds(7));
    h.time.advance(Duration.ofSeconds(7));
    assertThat(resultOf(f).text()).isEqualTo("later");
  }

  @Test
  void aRetryAfterBeyondTheDeadlineStopsAtOnceWithATimeout() {
    h.server.enqueue(
        new MockResponse.Builder().code(429).addHeader("Retry-After", "120").body("{}").build());

    Throwable t = failureOf(h.send(Door.ASYNC));

    assertThat(t).isInstanceOf(RequestTimeoutException.class);
    assertThat(((RequestTimeoutException) t).isDeadlineExceeded()).isTrue();
    assertThat(t.getCause()).isInstanceOf(RateLimitedException.class);
    assertThat(h.server.getRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void aDeadlineShorterThanTheBackoffStopsEarlyWithATimeout(Door door) {
    h.server.enqueue(status(503));
    h.server.enqueue(ok("must not be reached"));
    LlmRequest shortDeadline =
        LlmRequest.builder().prompt("hi").timeout(Duration.ofMillis(500)).build();

    Throwable t = failureOf(h.send(door, shortDeadline));

    assertThat(t).isInstanceOf(RequestTimeoutException.class);
    RequestTimeoutException e = (RequestTimeoutException) t;
    assertThat(e.isDeadlineExceeded()).isTrue();
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.timeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(e.getCause()).isInstanceOf(ProviderException.class);
    assertThat(h.time.pendingCount()).isZero();
    assertThat(h.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void cancellingDuringBackoffSendsNoFurtherRequest() {
    h.server.enqueue(status(503));
    h.server.enqueue(ok("must not be reached"));

    CompletableFuture<LlmResponse> f = h.send(Door.ASYNC);
    h.awaitRequests(1);
    h.awaitRetryScheduled();
    assertThat(f.cancel(true)).isTrue();
    h.time.advance(Duration.ofMinutes(2));

    assertThat(f).isCancelled();
    assertThat(h.time.pendingCount()).isZero();
    assertThat(h.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void theDeadlineCutsOffAnExchangeThatHangs() {
    h.server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .headersDelay(30, java.util.concurrent.TimeUnit.SECONDS)
            .body("{\"text\":\"late\"}")
            .build());
    CompletableFuture<LlmResponse> f =
        h.send(
            Door.ASYNC, LlmRequest.builder().prompt("hi").timeout(Duration.ofSeconds(5)).build());
    h.awaitRequests(1);
    h.time.advance(Duration.ofSeconds(5));

    Throwable t = failureOf(f);
    assertThat(t).isInstanceOf(RequestTimeoutException.class);
    assertThat(((RequestTimeoutException) t).isDeadlineExceeded()).isTrue();
  }

  @Test
  void theBlockingClientThrowsTheUnwrappedException() {
    h.server.enqueue(status(401));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> h.trinity.llm().generate("hi"))
        .isExactlyInstanceOf(ProviderException.class)
        .hasMessageContaining("HTTP 401");
  }

  @Test
  void anInterruptedBlockingCallerCancelsTheRequest() throws Exception {
    h.server.enqueue(status(503));
    h.server.enqueue(ok("must not be reached"));
    CompletableFuture<Throwable> thrown = new CompletableFuture<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                h.trinity.llm().generate("hi");
              } catch (Throwable t) {
                thrown.complete(t);
              }
            });
    caller.start();
    h.awaitRequests(1);
    h.awaitRetryScheduled();
    caller.interrupt();

    assertThat(thrown.get(10, java.util.concurrent.TimeUnit.SECONDS))
        .isInstanceOf(CancellationException.class);
    h.time.advance(Duration.ofMinutes(2));
    assertThat(h.server.getRequestCount()).isEqualTo(1);
  }
}
