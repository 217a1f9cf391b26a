package dev.trinity.core;

import static dev.trinity.core.PipelineHarness.failureOf;
import static dev.trinity.core.PipelineHarness.ok;
import static dev.trinity.core.PipelineHarness.resultOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.ConcurrencyLimitExceededException;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.RequestTimeoutException;
import dev.trinity.core.PipelineHarness.Door;
import dev.trinity.core.resilience.ConcurrencyLimitConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LimitPipelineTest {
  private PipelineHarness h;
  private final Semaphore answers = new Semaphore(0);
  private final AtomicInteger inServer = new AtomicInteger();
  private final AtomicInteger maxInServer = new AtomicInteger();

  private void start(int maxConcurrency, int queueCapacity) throws Exception {
    h =
        PipelineHarness.withConfig(
            c ->
                c.toBuilder()
                    .concurrencyLimit(
                        ConcurrencyLimitConfig.builder()
                            .maxConcurrency(maxConcurrency)
                            .queueCapacity(queueCapacity)
                            .build())
                    .build());
    h.server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            maxInServer.accumulateAndGet(inServer.incrementAndGet(), Math::max);
            try {
              answers.tryAcquire(10, TimeUnit.SECONDS);
              return ok("done");
            } finally {
              inServer.decrementAndGet();
            }
          }
        });
  }

  @AfterEach
  void stop() {
    answers.release(1000);
    h.close();
  }

  @Test
  void fiftyConcurrentCallsWithLimitFourNeverPutMoreThanFourOnTheServer() throws Exception {
    start(4, 100);
    List<CompletableFuture<LlmResponse>> calls = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      calls.add(h.send(i % 2 == 0 ? Door.ASYNC : Door.SYNC, LlmRequest.of("p" + i)));
    }
    h.awaitRequests(4);
    PipelineHarness.waiting().until(() -> h.trinity.concurrencyLimiter().queued() == 46);
    assertThat(h.trinity.concurrencyLimiter().inFlight()).isEqualTo(4);

    answers.release(50);

    assertThat(calls).allSatisfy(f -> assertThat(resultOf(f).text()).isEqualTo("done"));
    assertThat(maxInServer.get()).isEqualTo(4);
    assertThat(h.server.getRequestCount()).isEqualTo(50);
  }

  @Test
  void aFullQueueFailsAtOnceWithATypedError() throws Exception {
    start(1, 1);
    CompletableFuture<LlmResponse> first = h.send(Door.ASYNC, LlmRequest.of("a"));
    h.awaitRequests(1);
    CompletableFuture<LlmResponse> queued = h.send(Door.ASYNC, LlmRequest.of("b"));
    PipelineHarness.waiting().until(() -> h.trinity.concurrencyLimiter().queued() == 1);

    Throwable t = failureOf(h.send(Door.ASYNC, LlmRequest.of("c")));

    assertThat(t).isInstanceOf(ConcurrencyLimitExceededException.class);
    assertThat(((ConcurrencyLimitExceededException) t).reason())
        .isEqualTo(ConcurrencyLimitExceededException.Reason.QUEUE_FULL);
    answers.release(2);
    resultOf(first);
    resultOf(queued);
    assertThat(h.server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aWaiterWhoseDeadlinePassesLeavesTheQueue() throws Exception {
    start(1, 10);
    CompletableFuture<LlmResponse> first = h.send(Door.ASYNC, LlmRequest.of("a"));
    h.awaitRequests(1);
    CompletableFuture<LlmResponse> waiting =
        h.send(Door.ASYNC, LlmRequest.builder().prompt("b").timeout(Duration.ofSeconds(2)).build());
    PipelineHarness.waiting().until(() -> h.trinity.concurrencyLimiter().queued() == 1);

    h.time.advance(Duration.ofSeconds(2));

    Throwable t = failureOf(waiting);
    assertThat(t)
        .isInstanceOfAny(RequestTimeoutException.class, ConcurrencyLimitExceededException.class);
    PipelineHarness.waiting().until(() -> h.trinity.concurrencyLimiter().queued() == 0);
    answers.release(1);
    resultOf(first);
    assertThat(h.server.getRequestCount()).isEqualTo(1);
    assertThat(h.trinity.concurrencyLimiter().inFlight()).isZero();
  }
}
