package dev.trinity.core;

import static dev.trinity.core.PipelineHarness.failureOf;
import static dev.trinity.core.PipelineHarness.ok;
import static dev.trinity.core.PipelineHarness.resultOf;
import static dev.trinity.core.PipelineHarness.status;
import static dev.trinity.core.PipelineHarness.waiting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.ProviderException;
import dev.trinity.core.PipelineHarness.Door;
import dev.trinity.core.observe.CacheHit;
import dev.trinity.core.observe.CallInfo;
import dev.trinity.core.observe.CircuitStateChanged;
import dev.trinity.core.observe.Endpoint;
import dev.trinity.core.observe.RequestCancelled;
import dev.trinity.core.observe.RequestCompleted;
import dev.trinity.core.observe.RequestFailed;
import dev.trinity.core.observe.RequestListener;
import dev.trinity.core.observe.RetryScheduled;
import dev.trinity.core.observe.Served;
import dev.trinity.core.resilience.CircuitBreaker;
import dev.trinity.core.resilience.CircuitBreakerConfig;
import dev.trinity.core.resilience.RetryConfig;
import dev.trinity.logging.LogEvents;
import dev.trinity.test.LogCapture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RequestListenerTest {
  private final RecordingListener events = new RecordingListener();
  private PipelineHarness h;

  @AfterEach
  void stop() {
    if (h != null) {
      h.close();
    }
  }

  private PipelineHarness harness() {
    h = new PipelineHarness(b -> b.addListener(events));
    return h;
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void aCallReportsStartedThenCompletedWithTheCorrelationIdInTheMdc(Door door) {
    harness().server.enqueue(ok("fine"));

    LlmResponse r =
        resultOf(h.send(door, LlmRequest.builder().prompt("hi").correlationId("req-42").build()));

    assertThat(events.names()).containsExactly("endpoint", "started", "completed");
    CallInfo call = events.events(CallInfo.class).get(0);
    assertThat(call.correlationId()).isEqualTo("req-42");
    assertThat(call.provider()).isEqualTo(JsonTestProvider.NAME);
    assertThat(call.model()).isEqualTo("test-model");
    assertThat(call.request().messages().get(0).content()).isEqualTo("hi");
    assertThat(call.request().model()).contains("test-model"); // defaults applied
    RequestCompleted done = events.events(RequestCompleted.class).get(0);
    assertThat(done.call()).isSameAs(call);
    assertThat(done.served()).isEqualTo(Served.PROVIDER);
    assertThat(done.response()).isEqualTo(r);
    assertThat(done.response().attempts()).isEqualTo(1);
    assertThat(done.response().usage().promptTokens()).isEqualTo(3);
    assertThat(done.response().usage().completionTokens()).isEqualTo(5);
    assertThat(events.seen().subList(1, 3))
        .allSatisfy(s -> assertThat(s.mdcCorrelationId()).isEqualTo("req-42"));
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void aRetryIsReportedWithItsAttemptDelayAndReasonAndTheTimingsFollowTheClock(Door door) {
    harness().server.enqueue(status(503));
    h.server.enqueue(ok("fine"));

    CompletableFuture<LlmResponse> f = h.send(door);
    h.awaitRequests(1);
    h.awaitRetryScheduled();
    h.time.advance(Duration.ofSeconds(1));
    resultOf(f);

    assertThat(events.names()).containsExactly("endpoint", "started", "retry", "completed");
    RetryScheduled retry = events.events(RetryScheduled.class).get(0);
    assertThat(retry.attempt()).isEqualTo(1);
    assertThat(retry.delay()).isEqualTo(Duration.ofSeconds(1));
    assertThat(retry.reason()).isEqualTo("unavailable");
    assertThat(retry.failure()).isInstanceOf(ProviderException.class);
    assertThat(retry.elapsed()).isEqualTo(Duration.ZERO);
    RequestCompleted done = events.events(RequestCompleted.class).get(0);
    assertThat(done.elapsed()).isEqualTo(Duration.ofSeconds(1));
    assertThat(done.response().attempts()).isEqualTo(2);
    assertThat(retry.call()).isSameAs(done.call());
    String id = done.call().correlationId();
    assertThat(events.seen().subList(1, 4))
        .allSatisfy(s -> assertThat(s.mdcCorrelationId()).isEqualTo(id));
  }

  @Test
  void aCacheHitNamesTheTierAndTheCallIsServedByTheCache() {
    harness().server.enqueue(ok("stored"));
    resultOf(h.send(Door.ASYNC, LlmRequest.of("same")));
    resultOf(h.send(Door.ASYNC, LlmRequest.of("same")));

    assertThat(events.names())
        .containsExactly("endpoint", "started", "completed", "started", "cache_hit", "completed");
    CacheHit hit = events.events(CacheHit.class).get(0);
    assertThat(hit.tier()).isEqualTo("memory");
    List<RequestCompleted> done = events.events(RequestCompleted.class);
    assertThat(done.get(1).served()).isEqualTo(Served.CACHE);
    assertThat(done.get(1).call()).isSameAs(hit.call());
    assertThat(done.get(1).response().cacheTier()).contains("memory");
    assertThat(h.server.getRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void aFailureReportsTheExceptionTheCallerGetsAndItsKind(Door door) {
    harness().server.enqueue(status(400));

    Throwable thrown = failureOf(h.send(door));

    assertThat(events.names()).containsExactly("endpoint", "started", "failed");
    RequestFailed failed = events.events(RequestFailed.class).get(0);
    assertThat(failed.error()).isSameAs(thrown);
    assertThat(failed.errorType()).isEqualTo("client");
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(events.seen().get(2).mdcCorrelationId()).isEqualTo(failed.call().correlationId());
  }

  @Test
  void identicalCallsInFlightAreEachReportedAndTheJoinerIsCoalesced() {
    harness().joinedPair("same", "shared").forEach(PipelineHarness::resultOf);

    List<RequestCompleted> done = events.events(RequestCompleted.class);
    assertThat(done).hasSize(2);
    assertThat(done)
        .extracting(RequestCompleted::served)
        .containsExactlyInAnyOrder(Served.PROVIDER, Served.COALESCED);
    assertThat(events.events(CallInfo.class)).hasSize(2);
    assertThat(h.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aCancelledCallReportsCancelledAndNothingElseAfterIt() {
    CountDownLatch release = new CountDownLatch(1);
    harness()
        .server
        .setDispatcher(
            new Dispatcher() {
              @Override
              public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                release.await(10, TimeUnit.SECONDS);
                return ok("late");
              }
            });
    CompletableFuture<LlmResponse> f = h.send(Door.ASYNC, LlmRequest.of("slow"));
    h.awaitRequests(1);
    h.time.advance(Duration.ofSeconds(2));
    f.cancel(true);
    release.countDown();

    assertThat(events.names()).containsExactly("endpoint", "started", "cancelled");
    RequestCancelled cancelled = events.events(RequestCancelled.class).get(0);
    assertThat(cancelled.elapsed()).isEqualTo(Duration.ofSeconds(2));
    assertThat(events.seen().get(2).mdcCorrelationId()).isEqualTo(cancelled.call().correlationId());
  }

  @Test
  void aListenerThatThrowsIsLoggedAndNeitherBreaksTheCallNorSilencesTheOthers() {
    RequestListener broken =
        new RequestListener() {
          @Override
          public void onStarted(CallInfo call) {
            throw new IllegalStateException("boom at start");
          }

          @Override
          public void onCompleted(RequestCompleted event) {
            throw new IllegalStateException("boom at end");
          }

          @Override
          public void onFailed(RequestFailed event) {
            throw new LinkageError("boom at failure");
          }
        };
    try (LogCapture logs = LogCapture.of("dev.trinity").start()) {
      h = new PipelineHarness(b -> b.addListener(broken).addListener(events));
      h.server.enqueue(ok("fine"));
      h.server.enqueue(status(400));

      assertThat(resultOf(h.send(Door.SYNC, LlmRequest.of("one"))).text()).isEqualTo("fine");
      assertThat(failureOf(h.send(Door.ASYNC, LlmRequest.of("two"))))
          .isInstanceOf(ProviderException.class);

      assertThat(events.names())
          .containsExactly("endpoint", "started", "completed", "started", "failed");
      assertThat(logs.keyValues(LogEvents.REQUEST_LISTENER_FAILED))
          .hasSize(4)
          .allSatisfy(
              kv ->
                  assertThat(kv)
                      .containsEntry(LogEvents.Keys.LISTENER, broken.getClass().getName()))
          .extracting(kv -> kv.get(LogEvents.Keys.ERROR))
          .containsExactly("boom at start", "boom at end", "boom at start", "boom at failure");
    }
  }

  @Test
  void theBreakersTransitionsAndTheEndpointsComponentsAreReported() {
    h =
        PipelineHarness.withConfig(
            c ->
                c.toBuilder()
                    .retry(RetryConfig.builder().maxAttempts(1).build())
                    .circuitBreaker(CircuitBreakerConfig.consecutiveFailures())
                    .build(),
            b -> b.addListener(events));
    for (int i = 0; i < 5; i++) {
      h.server.enqueue(status(500));
      failureOf(h.send(Door.ASYNC, LlmRequest.of("p" + i)));
    }

    Endpoint endpoint = events.events(Endpoint.class).get(0);
    assertThat(endpoint.provider()).isEqualTo(JsonTestProvider.NAME);
    assertThat(endpoint.concurrencyLimiter()).isSameAs(h.trinity.concurrencyLimiter());
    assertThat(endpoint.circuitBreaker().state()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(endpoint.cache()).isSameAs(h.trinity.cache());
    List<CircuitStateChanged> changes = events.events(CircuitStateChanged.class);
    assertThat(changes)
        .containsExactly(
            new CircuitStateChanged(
                endpoint.circuitBreaker().name(),
                CircuitBreaker.State.CLOSED,
                CircuitBreaker.State.OPEN));
    waiting().until(() -> events.events(RequestFailed.class).size() == 5);
  }
}
