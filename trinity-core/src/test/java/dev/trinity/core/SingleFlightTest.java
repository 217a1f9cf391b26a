package dev.trinity.core;

import static dev.trinity.core.PipelineHarness.failureOf;
import static dev.trinity.core.PipelineHarness.ok;
import static dev.trinity.core.PipelineHarness.resultOf;
import static dev.trinity.core.PipelineHarness.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.CachePolicy;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.ProviderException;
import dev.trinity.core.PipelineHarness.Door;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SingleFlightTest {
  private PipelineHarness h;
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void start() throws Exception {
    h = new PipelineHarness();
    h.server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            release.await(10, TimeUnit.SECONDS);
            return ok("shared");
          }
        });
  }

  @AfterEach
  void stop() {
    release.countDown();
    h.close();
  }

  @Test
  void aHundredConcurrentIdenticalRequestsMakeOneCall() {
    List<CompletableFuture<LlmResponse>> all = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      all.add(h.send(Door.ASYNC, LlmRequest.of("same prompt")));
      all.add(h.send(Door.SYNC, LlmRequest.of("same prompt")));
    }
    h.awaitRequests(1);
    release.countDown();

    List<LlmResponse> results = all.stream().map(PipelineHarness::resultOf).toList();
    assertThat(results).hasSize(100).allSatisfy(r -> assertThat(r.text()).isEqualTo("shared"));
    assertThat(results.stream().map(LlmResponse::correlationId).distinct()).hasSize(100);
    assertThat(h.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void differentRequestsDoNotShare() {
    CompletableFuture<LlmResponse> a = h.send(Door.ASYNC, LlmRequest.of("one"));
    CompletableFuture<LlmResponse> b =
        h.send(Door.ASYNC, LlmRequest.builder().prompt("one").temperature(0.1).build());
    h.awaitRequests(2);
    release.countDown();

    resultOf(a);
    resultOf(b);
    assertThat(h.server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void cancellingOneWaiterLeavesTheOthersWaiting() {
    CompletableFuture<LlmResponse> first = h.send(Door.ASYNC, LlmRequest.of("same"));
    CompletableFuture<LlmResponse> second = h.send(Door.ASYNC, LlmRequest.of("same"));
    h.awaitRequests(1);

    first.cancel(true);
    release.countDown();

    assertThat(first).isCancelled();
    assertThat(resultOf(second).text()).isEqualTo("shared");
    assertThat(h.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void bypassRequestsNeverShare() {
    LlmRequest bypass = LlmRequest.builder().prompt("same").cachePolicy(CachePolicy.BYPASS).build();
    CompletableFuture<LlmResponse> a = h.send(Door.ASYNC, bypass);
    CompletableFuture<LlmResponse> b = h.send(Door.ASYNC, bypass);
    h.awaitRequests(2);
    release.countDown();

    resultOf(a);
    resultOf(b);
    assertThat(h.server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aSharedFailureIsNotRemembered() throws Exception {
    try (PipelineHarness g =
        new PipelineHarness(b -> b.retry(dev.trinity.core.resilience.RetryConfig.disabled()))) {
      g.server.enqueue(status(500));
      g.server.enqueue(ok("recovered"));

      Throwable t = failureOf(g.send(Door.ASYNC, LlmRequest.of("x")));
      assertThat(t).isInstanceOf(ProviderException.class);

      assertThat(resultOf(g.send(Door.ASYNC, LlmRequest.of("x"))).text()).isEqualTo("recovered");
      assertThat(g.server.getRequestCount()).isEqualTo(2);
    }
  }

  @Test
  void whenEveryWaiterCancelsTheSharedCallIsAbandonedAndANewOneStarts() {
    CompletableFuture<LlmResponse> a = h.send(Door.ASYNC, LlmRequest.of("same"));
    h.awaitRequests(1);
    a.cancel(true);
    PipelineHarness.waiting().until(() -> h.time.pendingCount() == 0);

    CompletableFuture<LlmResponse> b = h.send(Door.ASYNC, LlmRequest.of("same"));
    h.awaitRequests(2);
    release.countDown();

    assertThat(resultOf(b).text()).isEqualTo("shared");
  }
}
