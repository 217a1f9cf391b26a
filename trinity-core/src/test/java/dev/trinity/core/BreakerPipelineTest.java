package dev.trinity.core;

import static dev.trinity.core.PipelineHarness.failureOf;
import static dev.trinity.core.PipelineHarness.ok;
import static dev.trinity.core.PipelineHarness.resultOf;
import static dev.trinity.core.PipelineHarness.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.CircuitOpenException;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.core.PipelineHarness.Door;
import dev.trinity.core.resilience.CircuitBreaker;
import dev.trinity.core.resilience.CircuitBreakerConfig;
import dev.trinity.core.resilience.CircuitBreakerStatus;
import dev.trinity.core.resilience.RetryConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BreakerPipelineTest {
  private PipelineHarness h;

  /** The original "5 consecutive failures / 60 s" breaker, no retries. */
  private PipelineHarness withoutRetries() throws Exception {
    h =
        PipelineHarness.withConfig(
            c ->
                c.toBuilder()
                    .retry(RetryConfig.disabled())
                    .circuitBreaker(CircuitBreakerConfig.consecutiveFailures())
                    .build());
    return h;
  }

  @AfterEach
  void stop() {
    if (h != null) {
      h.close();
    }
  }

  private CircuitBreakerStatus breakerStatus() {
    return h.trinity.circuitBreakers().statusOfAll().values().iterator().next();
  }

  private void fail(Door door, int times, int code) {
    for (int i = 0; i < times; i++) {
      h.server.enqueue(status(code));
      failureOf(h.send(door, LlmRequest.of("call " + i)));
    }
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void opensAfterFiveConsecutiveServerErrorsAndThenFailsFast(Door door) throws Exception {
    withoutRetries();
    fail(door, 4, 500);
    assertThat(breakerStatus().state()).isEqualTo(CircuitBreaker.State.CLOSED);
    fail(door, 1, 500);
    assertThat(breakerStatus().state()).isEqualTo(CircuitBreaker.State.OPEN);
    h.time.advance(Duration.ofSeconds(10));

    Throwable t = failureOf(h.send(door, LlmRequest.of("after")));

    assertThat(t).isInstanceOf(CircuitOpenException.class);
    CircuitOpenException e = (CircuitOpenException) t;
    assertThat(e.breakerName()).startsWith(JsonTestProvider.NAME + "@http://");
    assertThat(e.remainingOpen()).isEqualTo(Duration.ofSeconds(50));
    assertThat(h.server.getRequestCount()).isEqualTo(5);
  }

  @Test
  void whileOpenAThousandCallsSendNothing() throws Exception {
    withoutRetries();
    fail(Door.ASYNC, 5, 503);
    List<CompletableFuture<LlmResponse>> calls = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      calls.add(h.send(i % 100 == 0 ? Door.SYNC : Door.ASYNC, LlmRequest.of("p" + i)));
    }

    assertThat(calls)
        .allSatisfy(f -> assertThat(failureOf(f)).isInstanceOf(CircuitOpenException.class));
    assertThat(h.server.getRequestCount()).isEqualTo(5);
    assertThat(breakerStatus().totalRejected()).isEqualTo(1000);
  }

  @Test
  void clientErrorsDoNotCount() throws Exception {
    withoutRetries();
    fail(Door.ASYNC, 10, 400);
    fail(Door.ASYNC, 3, 429);

    assertThat(breakerStatus().state()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(breakerStatus().totalFailures()).isZero();
  }

  @Test
  void aSuccessResetsTheCount() throws Exception {
    withoutRetries();
    fail(Door.ASYNC, 4, 500);
    h.server.enqueue(ok("fine"));
    resultOf(h.send(Door.ASYNC, LlmRequest.of("ok")));
    fail(Door.ASYNC, 1, 500);

    assertThat(breakerStatus().state()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void afterTheOpenDurationOneProbeClosesItAgain() throws Exception {
    withoutRetries();
    fail(Door.ASYNC, 5, 500);
    h.time.advance(Duration.ofSeconds(60).minusMillis(1));
    assertThat(failureOf(h.send(Door.ASYNC, LlmRequest.of("early"))))
        .isInstanceOf(CircuitOpenException.class);
    h.time.advance(Duration.ofMillis(1));
    h.server.enqueue(ok("back"));

    assertThat(resultOf(h.send(Door.ASYNC, LlmRequest.of("probe"))).text()).isEqualTo("back");
    assertThat(breakerStatus().state()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void retriesStopAsSoonAsTheBreakerOpens() throws Exception {
    h =
        PipelineHarness.withConfig(
            c ->
                c.toBuilder()
                    .circuitBreaker(
                        CircuitBreakerConfig.consecutiveFailures().toBuilder()
                            .failureThreshold(2)
                            .build())
                    .build());
    h.server.enqueue(status(503));
    h.server.enqueue(status(503));
    h.server.enqueue(ok("must not be reached"));

    CompletableFuture<LlmResponse> f = h.send(Door.ASYNC, LlmRequest.of("x"));
    h.awaitRequests(1);
    h.awaitRetryScheduled();
    h.time.advance(Duration.ofSeconds(1));
    h.awaitRequests(2);
    h.awaitRetryScheduled();
    h.time.advance(Duration.ofSeconds(2));

    Throwable t = failureOf(f);
    assertThat(t).isInstanceOf(CircuitOpenException.class);
    assertThat(((CircuitOpenException) t).attempts())
        .as("calls that reached the server; the third attempt was refused")
        .isEqualTo(2);
    assertThat(h.server.getRequestCount()).isEqualTo(2);
  }
}
