package dev.trinity.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.Capability;
import dev.trinity.api.CircuitOpenException;
import dev.trinity.api.ConnectionException;
import dev.trinity.api.InvalidInputException;
import dev.trinity.api.LlmProvider;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.RequestTimeoutException;
import dev.trinity.api.TrinityException;
import dev.trinity.api.Usage;
import dev.trinity.api.internal.Throwables;
import dev.trinity.cache.CacheConfig;
import dev.trinity.core.resilience.CircuitBreaker;
import dev.trinity.core.resilience.CircuitBreakerConfig;
import dev.trinity.core.resilience.ConcurrencyLimitConfig;
import dev.trinity.core.resilience.RetryConfig;
import dev.trinity.core.testing.VirtualScheduler;
import dev.trinity.test.VirtualTime;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The default breaker and the messages a host sees, through the public API, with a scripted
 * provider in virtual time.
 */
class BreakerDefaultsTest {
  private static final String TARGET = "http://model.test:11434/api/chat";

  private final VirtualTime time = new VirtualTime();
  private final List<LlmRequest> received = new ArrayList<>();
  private final List<java.time.Instant> callTimes = new ArrayList<>();
  private Trinity trinity;
  private double jitterSource = 0.5;

  @AfterEach
  void stop() {
    if (trinity != null) {
      trinity.close();
    }
  }

  /** A provider whose every call is answered by {@code script}, given the call's number from 1. */
  private Trinity start(
      Function<Integer, CompletableFuture<LlmResponse>> script,
      UnaryOperator<TrinityConfig.Builder> configure) {
    LlmProvider provider =
        new LlmProvider() {
          @Override
          public String name() {
            return "scripted";
          }

          @Override
          public String endpoint() {
            return "http://model.test:11434";
          }

          @Override
          public String defaultModel() {
            return "m";
          }

          @Override
          public Set<Capability> capabilities() {
            return Set.of();
          }

          @Override
          public CompletableFuture<LlmResponse> generate(LlmRequest request) {
            received.add(request);
            callTimes.add(time.now());
            return script.apply(received.size());
          }
        };
    TrinityConfig.Builder config =
        TrinityConfig.builder()
            .llm(
                LlmConfig.builder()
                    .provider("scripted")
                    .baseUrl("http://model.test:11434")
                    .model("m")
                    .build())
            .retry(RetryConfig.disabled())
            .cache(CacheConfig.builder().enabled(false).build());
    trinity =
        Trinity.builder()
            .config(configure.apply(config).build())
            .provider(provider)
            .clock(time.clock())
            .scheduler(VirtualScheduler.of(time))
            .random(() -> jitterSource)
            .build();
    return trinity;
  }

  private static CompletableFuture<LlmResponse> refused() {
    return CompletableFuture.failedFuture(
        new ConnectionException(
            "scripted",
            "scripted could not be reached at " + TARGET + ": connection refused",
            new java.net.ConnectException()));
  }

  private static CompletableFuture<LlmResponse> answer() {
    return CompletableFuture.completedFuture(
        LlmResponse.builder()
            .text("fine")
            .model("m")
            .provider("scripted")
            .usage(new Usage(1, 1))
            .build());
  }

  private Throwable failureOf(LlmRequest request) {
    CompletableFuture<LlmResponse> f = trinity.llmAsync().generate(request);
    time.advance(Duration.ZERO);
    assertThat(f).isDone();
    try {
      f.join();
    } catch (CompletionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected a failure");
  }

  private CircuitBreaker.State state() {
    return trinity.circuitBreakers().statusOfAll().values().iterator().next().state();
  }

  @Test
  void opensAtTheTenthFailedCallWhenTheEndpointRefusesConnections() {
    start(n -> refused(), c -> c);
    for (int i = 1; i <= 9; i++) {
      assertThat(failureOf(LlmRequest.of("p" + i))).isInstanceOf(ConnectionException.class);
    }
    assertThat(state()).isEqualTo(CircuitBreaker.State.CLOSED);

    Throwable tenth = failureOf(LlmRequest.of("p10"));
    assertThat(state()).isEqualTo(CircuitBreaker.State.OPEN);

    Throwable refused = failureOf(LlmRequest.of("p11"));
    assertThat(refused).isInstanceOf(CircuitOpenException.class);
    assertThat(refused.getMessage())
        .isEqualTo(
            "Circuit breaker 'scripted@http://model.test:11434' is open after 10 failures in 10"
                + " calls; last: scripted could not be reached at"
                + " http://model.test:11434/api/chat: connection refused; call not permitted, next"
                + " probe in 60s");
    assertThat(refused.getCause()).isSameAs(tenth);
    assertThat(((CircuitOpenException) refused).openedBecause())
        .contains("10 failures in 10 calls");
    assertThat(((TrinityException) refused).attempts()).as("no call was made").isZero();
    assertThat(received).hasSize(10);
  }

  @Test
  void staysOpenForTheConfiguredDurationThenAdmitsOneProbe() {
    start(
        n -> n <= 10 ? refused() : answer(),
        c ->
            c.circuitBreaker(
                CircuitBreakerConfig.builder().openDuration(Duration.ofSeconds(30)).build()));
    for (int i = 1; i <= 10; i++) {
      failureOf(LlmRequest.of("p" + i));
    }
    time.advance(Duration.ofSeconds(30).minusMillis(1));
    assertThat(failureOf(LlmRequest.of("early")))
        .isInstanceOf(CircuitOpenException.class)
        .hasMessageEndingWith("next probe in 0.001s");
    assertThat(received).hasSize(10);

    time.advance(Duration.ofMillis(1));
    LlmResponse probe = trinity.llm().generate(LlmRequest.of("probe"));

    assertThat(probe.text()).isEqualTo("fine");
    assertThat(probe.attempts()).isEqualTo(1);
    assertThat(state()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void aSuccessAmongTheFailuresKeepsItClosedUntilFailuresAreHalfOfTheCalls() {
    // F S F S ... : half of the calls fail, but a success never opens it and a failure that
    // brings the rate to 50 % does
    start(n -> n % 2 == 0 ? answer() : refused(), c -> c);
    for (int i = 1; i <= 9; i++) {
      trinity.llmAsync().generate(LlmRequest.of("p" + i));
      time.advance(Duration.ZERO);
    }
    assertThat(state())
        .as("5 of 9, below the minimum of 10 calls")
        .isEqualTo(CircuitBreaker.State.CLOSED);
    trinity.llmAsync().generate(LlmRequest.of("p10")); // a success: 5 of 10
    time.advance(Duration.ZERO);
    assertThat(state()).isEqualTo(CircuitBreaker.State.CLOSED);

    failureOf(LlmRequest.of("p11")); // 6 of 11

    assertThat(state()).isEqualTo(CircuitBreaker.State.OPEN);
  }

  @Test
  void anAnswerThatTimesOutIsReportedWithTheRequestsOwnTimeout() {
    // the exchange is given the time left (193 ms after a 7 ms wait for the only slot) and the
    // transport reports that figure; the host set 200 ms and reads 200 ms
    List<CompletableFuture<LlmResponse>> pending = new ArrayList<>();
    start(
        n -> {
          CompletableFuture<LlmResponse> f = new CompletableFuture<>();
          if (n == 1) {
            time.schedule(() -> f.complete(answer().join()), Duration.ofMillis(7));
          } else {
            Duration given = received.get(n - 1).timeout().orElseThrow();
            // the transport's timer fires a moment before the request's own deadline would
            time.schedule(
                () ->
                    f.completeExceptionally(
                        new RequestTimeoutException(
                            "scripted",
                            "scripted did not answer "
                                + TARGET
                                + " within "
                                + given.toMillis()
                                + " ms",
                            given,
                            false,
                            new HttpTimeoutException("request timed out"))),
                given.minusMillis(1));
          }
          pending.add(f);
          return f;
        },
        c ->
            c.llm(
                    LlmConfig.builder()
                        .provider("scripted")
                        .baseUrl("http://model.test:11434")
                        .model("m")
                        .timeout(Duration.ofMillis(200))
                        .build())
                .concurrencyLimit(ConcurrencyLimitConfig.builder().maxConcurrency(1).build()));
    CompletableFuture<LlmResponse> first = trinity.llmAsync().generate(LlmRequest.of("first"));
    CompletableFuture<LlmResponse> second = trinity.llmAsync().generate(LlmRequest.of("second"));
    time.advance(Duration.ofMillis(7));
    assertThat(first).isCompleted();
    assertThat(received.get(1).timeout()).contains(Duration.ofMillis(193));

    time.advance(Duration.ofMillis(192));

    Throwable t = second.handle((r, e) -> Throwables.unwrap(e)).join();
    assertThat(t).isInstanceOf(RequestTimeoutException.class);
    assertThat(t.getMessage())
        .isEqualTo("scripted did not answer within the request timeout of 200 ms");
    assertThat(((RequestTimeoutException) t).timeout()).isEqualTo(Duration.ofMillis(200));
    assertThat(((RequestTimeoutException) t).attempts()).isEqualTo(1);
  }

  @Test
  void aProviderThatIgnoresTheTimeoutIsCutOffAtTheRequestsDeadline() {
    start(
        n -> new CompletableFuture<>(),
        c ->
            c.llm(
                LlmConfig.builder()
                    .provider("scripted")
                    .baseUrl("http://model.test:11434")
                    .model("m")
                    .timeout(Duration.ofMillis(200))
                    .build()));
    CompletableFuture<LlmResponse> f = trinity.llmAsync().generate(LlmRequest.of("slow"));

    time.advance(Duration.ofMillis(200));

    Throwable t = f.handle((r, e) -> Throwables.unwrap(e)).join();
    assertThat(t)
        .isInstanceOf(RequestTimeoutException.class)
        .hasMessage("scripted did not answer within the request timeout of 200 ms");
    assertThat(((RequestTimeoutException) t).attempts()).isEqualTo(1);
  }

  @Test
  void attemptsCountTheCallsThatReachedTheProviderNotTheRefusedOnes() {
    // two refused connections open a breaker that needs only 2 failures; the third attempt is
    // refused by the breaker: 2 calls were made, and both the failure and the refusal say so
    start(
        n -> refused(),
        c ->
            c.retry(RetryConfig.builder().jitter(0.0).build())
                .circuitBreaker(
                    CircuitBreakerConfig.builder()
                        .minimumNumberOfCalls(2)
                        .slidingWindowSize(2)
                        .build()));
    CompletableFuture<LlmResponse> f = trinity.llmAsync().generate(LlmRequest.of("x"));
    time.advance(Duration.ofSeconds(3));

    Throwable t = f.handle((r, e) -> Throwables.unwrap(e)).join();
    assertThat(t).isInstanceOf(CircuitOpenException.class);
    assertThat(((TrinityException) t).attempts()).isEqualTo(2);
    assertThat(t.getMessage())
        .isEqualTo(
            "Circuit breaker 'scripted@http://model.test:11434' is open after 2 failures in 2"
                + " calls; last: scripted could not be reached at"
                + " http://model.test:11434/api/chat: connection refused; call not permitted, next"
                + " probe in 58s");
    assertThat(t.getSuppressed()).hasSize(2).allMatch(s -> s instanceof ConnectionException);
    assertThat(received).hasSize(2);
  }

  @Test
  void aSuccessfulAnswerReportsEveryCallMadeForIt() {
    start(
        n -> n < 3 ? refused() : answer(), c -> c.retry(RetryConfig.builder().jitter(0.0).build()));
    CompletableFuture<LlmResponse> f = trinity.llmAsync().generate(LlmRequest.of("x"));
    time.advance(Duration.ofSeconds(3));

    assertThat(f.join().attempts()).isEqualTo(3);
    assertThat(received).hasSize(3);
  }

  private static Throwable cause(CompletableFuture<LlmResponse> f) {
    return f.handle((r, e) -> Throwables.unwrap(e)).join();
  }

  @Test
  void jitterSpreadsTheBackoffAroundTheComputedDelay() {
    // random 0.5 sits in the middle of the jitter range: exactly the computed 1 s
    start(
        n -> n < 2 ? refused() : answer(), c -> c.retry(RetryConfig.builder().jitter(0.2).build()));
    CompletableFuture<LlmResponse> f = trinity.llmAsync().generate(LlmRequest.of("x"));
    time.advance(Duration.ofSeconds(2));

    assertThat(f.join().attempts()).isEqualTo(2);
    assertThat(Duration.between(callTimes.get(0), callTimes.get(1)))
        .isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aBackoffThatWouldEndExactlyAtTheDeadlineGivesUpAtOnce() {
    start(
        n -> refused(),
        c ->
            c.retry(RetryConfig.builder().jitter(0.0).build())
                .llm(
                    LlmConfig.builder()
                        .provider("scripted")
                        .baseUrl("http://model.test:11434")
                        .model("m")
                        .timeout(Duration.ofSeconds(1))
                        .build()));
    CompletableFuture<LlmResponse> f = trinity.llmAsync().generate(LlmRequest.of("x"));
    time.advance(Duration.ZERO);

    assertThat(f).isDone();
    Throwable t = cause(f);
    assertThat(t)
        .isInstanceOf(RequestTimeoutException.class)
        .hasMessage(
            "deadline of 1000 ms would pass before attempt 2 (back-off 1000 ms, 1000 ms left); last"
                + " failure: scripted could not be reached at http://model.test:11434/api/chat:"
                + " connection refused");
    assertThat(((RequestTimeoutException) t).attempts()).isEqualTo(1);
  }

  @Test
  void cancellingARequestDuringItsBackoffDropsTheTimer() {
    start(n -> refused(), c -> c.retry(RetryConfig.builder().jitter(0.0).build()));
    CompletableFuture<LlmResponse> f = trinity.llmAsync().generate(LlmRequest.of("x"));
    time.advance(Duration.ofMillis(500));
    assertThat(time.pendingCount()).as("the deadline and the retry").isEqualTo(2);

    f.cancel(true);

    assertThat(time.pendingCount()).isZero();
    time.advance(Duration.ofSeconds(5));
    assertThat(received).hasSize(1);
  }

  @Test
  void aFailureThatSaysTheDeadlinePassedIsNotRetried() {
    start(
        n ->
            CompletableFuture.failedFuture(
                new RequestTimeoutException(
                    "scripted", "scripted: deadline passed", Duration.ofSeconds(5), true, null)),
        c -> c.retry(RetryConfig.builder().jitter(0.0).build()));
    CompletableFuture<LlmResponse> f = trinity.llmAsync().generate(LlmRequest.of("x"));
    time.advance(Duration.ofSeconds(10));

    assertThat(cause(f)).isInstanceOf(RequestTimeoutException.class);
    assertThat(received).hasSize(1);
  }

  @Test
  void anExchangeThatTimedOutBeforeTheDeadlineIsRetried() {
    start(
        n ->
            n == 1
                ? CompletableFuture.failedFuture(
                    new RequestTimeoutException(
                        "scripted",
                        "scripted: exchange timed out",
                        Duration.ofSeconds(5),
                        false,
                        null))
                : answer(),
        c -> c.retry(RetryConfig.builder().jitter(0.0).build()));
    CompletableFuture<LlmResponse> f = trinity.llmAsync().generate(LlmRequest.of("x"));
    time.advance(Duration.ofSeconds(1));

    assertThat(f.join().attempts()).isEqualTo(2);
  }

  @Test
  void aJitterSourceAtItsUpperEndStillGivesABackoffJustUnderTheTop() {
    jitterSource = 1.0; // outside [0, 1): the retry stage takes the largest value below 1
    start(
        n -> n < 2 ? refused() : answer(), c -> c.retry(RetryConfig.builder().jitter(0.2).build()));
    CompletableFuture<LlmResponse> f = trinity.llmAsync().generate(LlmRequest.of("x"));
    time.advance(Duration.ofMillis(1200));

    assertThat(f).isCompleted();
    Duration backoff = Duration.between(callTimes.get(0), callTimes.get(1));
    assertThat(backoff).isBetween(Duration.ofMillis(1199), Duration.ofMillis(1200));
  }

  @Test
  void aCallerSharingAFlightStillHasItsOwnValidatorApplied() {
    CompletableFuture<LlmResponse> pending = new CompletableFuture<>();
    start(n -> pending, c -> c);
    CompletableFuture<LlmResponse> lenient = trinity.llmAsync().generate(LlmRequest.of("same"));
    CompletableFuture<LlmResponse> picky =
        trinity
            .llmAsync()
            .generate(
                LlmRequest.of("same"),
                r -> {
                  throw new InvalidInputException("answer", "too short");
                });

    pending.complete(answer().join());
    time.advance(Duration.ZERO);

    assertThat(received).hasSize(1);
    assertThat(lenient.join().text()).isEqualTo("fine");
    assertThat(cause(picky)).isInstanceOf(InvalidInputException.class);
  }
}
