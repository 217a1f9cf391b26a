package dev.trinity.core;

import static dev.trinity.core.PipelineHarness.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.CircuitOpenException;
import dev.trinity.api.ConnectionException;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.TrinityException;
import dev.trinity.cache.CacheConfig;
import dev.trinity.core.PipelineHarness.Door;
import dev.trinity.core.resilience.CircuitBreaker;
import dev.trinity.core.resilience.RetryConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

/** The breaker and its messages against real sockets: a closed port, and connections cut. */
class RealSocketFaultsTest {

  @Test
  void aClosedPortSaysConnectionRefusedAndTheBreakerItOpensNamesIt() throws Exception {
    int port;
    try (MockWebServer gone = new MockWebServer()) {
      gone.start();
      port = gone.getPort();
    }
    String base = "http://127.0.0.1:" + port;
    try (PipelineHarness h =
        PipelineHarness.withConfig(
            c ->
                c.toBuilder()
                    .llm(c.llm().toBuilder().baseUrl(base).build())
                    .retry(RetryConfig.disabled())
                    .build())) {
      Throwable last = null;
      for (int i = 0; i < 10; i++) {
        last = failureOf(h.send(Door.SYNC, LlmRequest.of("p" + i)));
        assertThat(last).isInstanceOf(ConnectionException.class);
      }
      assertThat(last)
          .hasMessage(
              "json-test could not be reached at " + base + "/generate: connection refused");
      assertThat(((TrinityException) last).attempts()).isEqualTo(1);

      Throwable refused = failureOf(h.send(Door.ASYNC, LlmRequest.of("after")));

      assertThat(refused)
          .isInstanceOf(CircuitOpenException.class)
          .hasMessage(
              "Circuit breaker 'json-test@"
                  + base
                  + "' is open after 10 failures in 10 calls; last: json-test could not be"
                  + " reached at "
                  + base
                  + "/generate: connection refused; call not permitted, next probe in 60s")
          .hasCause(last);
      assertThat(((TrinityException) refused).attempts()).isZero();
    }
  }

  @Test
  void connectionsCutOnARealSocketAreRetriedAndLeaveTheBreakerClosed() throws Exception {
    // prompt i: its first connection is cut when i % 5 == 0 (20 %), its second too when i % 25 == 0
    Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
    ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(
          new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
              String body = request.getBody().utf8();
              int i = Integer.parseInt(body.replaceAll(".*\"prompt\":\"p(\\d+)\".*", "$1"));
              int n = seen.computeIfAbsent("p" + i, k -> new AtomicInteger()).incrementAndGet();
              boolean cut = (n == 1 && i % 5 == 0) || (n == 2 && i % 25 == 0);
              MockResponse.Builder r =
                  PipelineHarness.ok("answer " + i).newBuilder().addHeader("Connection", "close");
              return cut
                  ? r.onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build()
                  : r.build();
            }
          });
      server.start();
      try (Trinity trinity =
          Trinity.builder()
              .config(
                  TrinityConfig.builder()
                      .llm(
                          LlmConfig.builder()
                              .provider(JsonTestProvider.NAME)
                              .baseUrl(server.url("/").toString())
                              .model("m")
                              .timeout(Duration.ofSeconds(20))
                              .build())
                      .retry(
                          RetryConfig.builder()
                              .initialBackoff(Duration.ofMillis(5))
                              .jitter(0.0)
                              .build())
                      .cache(CacheConfig.builder().enabled(false).build())
                      .build())
              .registerProvider(JsonTestProvider.factory())
              .scheduler(Scheduler.of(timers))
              .build()) {
        List<CompletableFuture<LlmResponse>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
          calls.add(trinity.llmAsync().generate(LlmRequest.of("p" + i)));
        }

        for (int i = 0; i < 50; i++) {
          LlmResponse r = calls.get(i).get(20, TimeUnit.SECONDS);
          assertThat(r.text()).isEqualTo("answer " + i);
          int expected = i % 25 == 0 ? 3 : i % 5 == 0 ? 2 : 1;
          assertThat(r.attempts()).as("attempts of p" + i).isEqualTo(expected);
        }
        assertThat(trinity.circuitBreakers().statusOfAll().values())
            .singleElement()
            .satisfies(
                s -> {
                  assertThat(s.state()).isEqualTo(CircuitBreaker.State.CLOSED);
                  assertThat(s.totalFailures()).isEqualTo(12);
                });
      }
    } finally {
      timers.shutdownNow();
    }
  }
}
