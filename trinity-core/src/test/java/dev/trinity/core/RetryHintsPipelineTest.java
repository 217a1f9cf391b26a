package dev.trinity.core;

import static dev.trinity.core.PipelineHarness.failureOf;
import static dev.trinity.core.PipelineHarness.ok;
import static dev.trinity.core.PipelineHarness.resultOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.LlmResponse;
import dev.trinity.api.ProviderException;
import dev.trinity.api.ProviderException.Kind;
import dev.trinity.api.RateLimitedException;
import dev.trinity.api.RequestTimeoutException;
import dev.trinity.core.PipelineHarness.Door;
import dev.trinity.core.resilience.ConcurrencyLimitConfig;
import dev.trinity.core.resilience.RetryConfig;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Rate-limit hints end to end: a stand-in server answers with a real provider's hint, and the retry
 * stage schedules the next attempt after exactly that delay on virtual time (capped by {@code
 * max_backoff}), or ends the request at once when the hint would pass the deadline. The harness has
 * a 60 s deadline, 3 attempts, {@code max_backoff} 30 s and no jitter.
 */
class RetryHintsPipelineTest {
  private PipelineHarness h;

  @AfterEach
  void stop() {
    if (h != null) {
      h.close();
    }
  }

  private static MockResponse answer(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void waitsExactlyAsLongAsOpenAiSaysInItsErrorBody(Door door) {
    h = new PipelineHarness();
    // BuilderIO/micro-agent#86
    h.server.enqueue(
        answer(
            429,
            "{\"error\":{\"message\":\"Rate limit reached for gpt-4o in organization org-u on"
                + " tokens per min (TPM): Limit 30000, Used 29937, Requested 385. Please try again"
                + " in 644ms.\",\"type\":\"tokens\",\"param\":null,"
                + "\"code\":\"rate_limit_exceeded\"}}"));
    h.server.enqueue(ok("after the wait"));

    CompletableFuture<LlmResponse> f = h.send(door);
    h.awaitRequests(1);
    assertThat(h.awaitRetryScheduled()).isEqualTo(Duration.ofMillis(644));
    h.time.advance(Duration.ofMillis(643));
    assertThat(h.server.getRequestCount()).isEqualTo(1);
    h.time.advance(Duration.ofMillis(1));

    LlmResponse r = resultOf(f);
    assertThat(r.text()).isEqualTo("after the wait");
    assertThat(r.attempts()).isEqualTo(2);
    assertThat(r.latency()).isEqualTo(Duration.ofMillis(644));
  }

  @Test
  void retryAfterMsWinsOverRetryAfter() {
    h = new PipelineHarness();
    h.server.enqueue(
        answer(429, "{}")
            .newBuilder()
            .addHeader("retry-after-ms", "1500")
            .addHeader("Retry-After", "2")
            .build());
    h.server.enqueue(ok("fine"));

    CompletableFuture<LlmResponse> f = h.send(Door.ASYNC);
    h.awaitRequests(1);
    assertThat(h.awaitRetryScheduled()).isEqualTo(Duration.ofMillis(1500));
    h.time.advance(Duration.ofMillis(1500));

    assertThat(resultOf(f).text()).isEqualTo("fine");
  }

  @Test
  void aHintLongerThanMaxBackoffIsCappedByIt() {
    h = new PipelineHarness();
    // icereed/paperless-gpt#814: 45 s asked, max_backoff 30 s, 60 s left
    h.server.enqueue(
        answer(
            429,
            "{\"error\":{\"code\":\"429\",\"message\":\"Your requests to gpt-4.1-nano have"
                + " exceeded the token rate limit for your current AIServices S0 pricing tier."
                + " Please retry after 45 seconds.\"}}"));
    h.server.enqueue(ok("capped"));

    CompletableFuture<LlmResponse> f = h.send(Door.ASYNC);
    h.awaitRequests(1);
    assertThat(h.awaitRetryScheduled()).isEqualTo(Duration.ofSeconds(30));
    h.time.advance(Duration.ofSeconds(30));

    assertThat(resultOf(f).text()).isEqualTo("capped");
  }

  @Test
  void aSmallerMaxBackoffCapsTheHintToo() {
    h =
        PipelineHarness.withConfig(
            c ->
                c.toBuilder()
                    .retry(
                        RetryConfig.builder()
                            .jitter(0.0)
                            .initialBackoff(Duration.ofMillis(100))
                            .maxBackoff(Duration.ofMillis(250))
                            .build())
                    .build());
    h.server.enqueue(answer(503, "{}").newBuilder().addHeader("Retry-After", "5").build());
    h.server.enqueue(ok("soon"));

    CompletableFuture<LlmResponse> f = h.send(Door.ASYNC);
    h.awaitRequests(1);
    assertThat(h.awaitRetryScheduled()).isEqualTo(Duration.ofMillis(250));
    h.time.advance(Duration.ofMillis(250));

    assertThat(resultOf(f).text()).isEqualTo("soon");
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void aResetPastTheDeadlineEndsTheRequestAtOnce(Door door) {
    h = new PipelineHarness();
    // OpenAI rate-limit headers (alexrudall/ruby-openai#419): tokens exhausted for 6 minutes
    h.server.enqueue(
        answer(429, "{}")
            .newBuilder()
            .addHeader("x-ratelimit-remaining-requests", "59")
            .addHeader("x-ratelimit-reset-requests", "1s")
            .addHeader("x-ratelimit-remaining-tokens", "0")
            .addHeader("x-ratelimit-reset-tokens", "6m0s")
            .build());
    h.server.enqueue(ok("must not be reached"));

    Throwable t = failureOf(h.send(door));

    assertThat(t).isInstanceOf(RequestTimeoutException.class);
    RequestTimeoutException e = (RequestTimeoutException) t;
    assertThat(e.kind()).isEqualTo(Kind.DEADLINE);
    assertThat(e.isDeadlineExceeded()).isTrue();
    assertThat(e.isRetryable()).isFalse();
    assertThat(e).hasMessageContaining("the server asked to wait 360000 ms, 60000 ms left");
    assertThat(e.getCause()).isInstanceOf(RateLimitedException.class);
    assertThat(((RateLimitedException) e.getCause()).retryAfter()).contains(Duration.ofMinutes(6));
    assertThat(h.time.pendingCount()).isZero();
    assertThat(h.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aHintOnA500IsAnOverloadSignalTheBreakerDoesNotCount() {
    h = adaptive(RetryConfig.disabled());
    // anthropic-sdk-python tests/lib/test_bedrock.py: a 500 with retry-after-ms 10
    h.server.enqueue(
        answer(500, "{\"error\":\"server error\"}")
            .newBuilder()
            .addHeader("retry-after-ms", "10")
            .build());

    Throwable t = failureOf(h.send(Door.ASYNC));

    assertThat(t).isInstanceOf(ProviderException.class);
    ProviderException e = (ProviderException) t;
    assertThat(e.kind()).isEqualTo(Kind.OVERLOADED);
    assertThat(e.retryAfter()).contains(Duration.ofMillis(10));
    assertThat(h.trinity.concurrencyLimiter().config().dropPredicate().test(e)).isTrue();
    assertThat(h.trinity.circuitBreakers().defaultConfig().countsAsFailure(e)).isFalse();
    PipelineHarness.waiting().until(() -> h.trinity.concurrencyLimiter().currentLimit() == 4);
  }

  @Test
  void aPlain500IsNeitherAnOverloadNorHinted() {
    h = adaptive(RetryConfig.disabled());
    h.server.enqueue(answer(500, "{\"error\":\"server error\"}"));

    Throwable t = failureOf(h.send(Door.ASYNC));

    ProviderException e = (ProviderException) t;
    assertThat(e.kind()).isEqualTo(Kind.SERVER);
    assertThat(e.retryAfter()).isEmpty();
    assertThat(h.trinity.concurrencyLimiter().config().dropPredicate().test(e)).isFalse();
    assertThat(h.trinity.circuitBreakers().defaultConfig().countsAsFailure(e)).isTrue();
    assertThat(h.trinity.concurrencyLimiter().currentLimit()).isGreaterThanOrEqualTo(8);
  }

  @Test
  void aHintedRetryIsScheduledAfterTheHintAndSucceeds() {
    h = new PipelineHarness();
    h.server.enqueue(
        answer(500, "{\"error\":\"server error\"}")
            .newBuilder()
            .addHeader("retry-after-ms", "10")
            .build());
    h.server.enqueue(ok("recovered"));

    CompletableFuture<LlmResponse> f = h.send(Door.ASYNC);
    h.awaitRequests(1);
    assertThat(h.awaitRetryScheduled()).isEqualTo(Duration.ofMillis(10));
    h.time.advance(Duration.ofMillis(10));

    assertThat(resultOf(f).text()).isEqualTo("recovered");
  }

  private static PipelineHarness adaptive(RetryConfig retry) {
    return PipelineHarness.withConfig(
        c ->
            c.toBuilder()
                .retry(retry)
                .concurrencyLimit(
                    ConcurrencyLimitConfig.builder()
                        .mode(ConcurrencyLimitConfig.Mode.ADAPTIVE)
                        .initialLimit(8)
                        .backoffRatio(0.5)
                        .build())
                .build());
  }
}
