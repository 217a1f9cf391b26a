package dev.trinity.core;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.core.resilience.CircuitBreakerConfig;
import dev.trinity.core.resilience.RetryConfig;
import dev.trinity.logging.CorrelationContext;
import dev.trinity.test.LogCapture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.slf4j.event.Level;

/** Every log line of a request carries that request's correlation id, on every thread. */
class CorrelationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MockWebServer server = new MockWebServer();
  private final LogCapture captured = LogCapture.of("dev.trinity").atLevel(Level.DEBUG);
  private final ExecutorService http = Executors.newFixedThreadPool(3);
  private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
  private Trinity trinity;

  @BeforeEach
  void start() throws Exception {
    Set<String> failedOnce = ConcurrentHashMap.newKeySet();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String prompt;
            try {
              prompt = JSON.readTree(request.getBody().utf8()).path("prompt").asText();
            } catch (Exception e) {
              return new MockResponse.Builder().code(400).build();
            }
            if (failedOnce.add(prompt)) {
              return new MockResponse.Builder().code(503).body("{\"error\":\"busy\"}").build();
            }
            return PipelineHarness.ok("answer");
          }
        });
    server.start();
    captured.start();
    trinity =
        Trinity.builder()
            .config(
                TrinityConfig.builder()
                    .llm(
                        LlmConfig.builder()
                            .provider(JsonTestProvider.NAME)
                            .baseUrl(server.url("/").toString())
                            .model("m")
                            .build())
                    .retry(RetryConfig.builder().initialBackoff(Duration.ofMillis(5)).build())
                    // 20 first attempts fail at once: keep the breaker out of this test
                    .circuitBreaker(
                        CircuitBreakerConfig.consecutiveFailures().toBuilder()
                            .failureThreshold(100)
                            .build())
                    .cache(
                        dev.trinity.cache.CacheConfig.builder()
                            .tiers(dev.trinity.cache.TierType.MEMORY)
                            .build())
                    .build())
            .registerProvider(JsonTestProvider.factory())
            .httpExecutor(http)
            .scheduler(Scheduler.of(timers))
            .build();
  }

  @AfterEach
  void stop() {
    trinity.close();
    captured.close();
    http.shutdownNow();
    timers.shutdownNow();
    server.close();
  }

  @Test
  void everyEventOfARequestCarriesItsOwnCorrelationIdOnEveryThread() throws Exception {
    Map<String, CompletableFuture<LlmResponse>> byId = new HashMap<>();
    List<CompletableFuture<LlmResponse>> withoutId = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String prompt = "prompt-" + i;
      if (i % 3 == 0) {
        byId.put(
            "req-" + i,
            trinity
                .llmAsync()
                .generate(LlmRequest.builder().prompt(prompt).correlationId("req-" + i).build()));
      } else if (i % 3 == 1) {
        try (CorrelationContext scope = CorrelationContext.open("caller-" + i)) {
          MDC.put("tenant", "acme");
          byId.put("caller-" + i, trinity.llmAsync().generate(LlmRequest.of(prompt)));
          MDC.remove("tenant");
        }
      } else {
        withoutId.add(trinity.llmAsync().generate(LlmRequest.of(prompt)));
      }
    }
    List<LlmResponse> fresh = new ArrayList<>();
    for (CompletableFuture<LlmResponse> f : withoutId) {
      fresh.add(f.get(10, TimeUnit.SECONDS));
    }
    for (Map.Entry<String, CompletableFuture<LlmResponse>> e : byId.entrySet()) {
      LlmResponse r = e.getValue().get(10, TimeUnit.SECONDS);
      assertThat(r.correlationId()).contains(e.getKey());
      assertThat(r.attempts()).isEqualTo(2);
    }

    List<ILoggingEvent> events = captured.events();
    assertThat(events)
        .allSatisfy(e -> assertThat(e.getMDCPropertyMap()).containsKey(CorrelationContext.MDC_KEY));
    Map<String, List<ILoggingEvent>> byCorrelation =
        events.stream()
            .collect(
                Collectors.groupingBy(e -> e.getMDCPropertyMap().get(CorrelationContext.MDC_KEY)));
    assertThat(byCorrelation).hasSize(20);
    assertThat(byCorrelation.keySet()).containsAll(byId.keySet());
    assertThat(byCorrelation.keySet())
        .containsAll(fresh.stream().map(r -> r.correlationId().orElseThrow()).toList());
    for (List<ILoggingEvent> one : byCorrelation.values()) {
      assertThat(one.stream().map(ILoggingEvent::getFormattedMessage))
          .contains("llm_request_sent", "retry_scheduled", "llm_request_completed");
      assertThat(one.stream().filter(e -> e.getFormattedMessage().equals("llm_request_sent")))
          .hasSize(2);
    }
    assertThat(byCorrelation.get("caller-1"))
        .allSatisfy(e -> assertThat(e.getMDCPropertyMap()).containsEntry("tenant", "acme"));
    assertThat(events.stream().map(ILoggingEvent::getThreadName).distinct().count())
        .isGreaterThan(1);

    assertThat(threadsCarryNothing(http)).isTrue();
    assertThat(threadsCarryNothing(timers)).isTrue();
  }

  private static boolean threadsCarryNothing(ExecutorService pool) throws Exception {
    List<CompletableFuture<Boolean>> probes = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      probes.add(
          CompletableFuture.supplyAsync(
              () -> {
                Map<String, String> m = MDC.getCopyOfContextMap();
                return m == null || m.isEmpty();
              },
              pool));
    }
    for (CompletableFuture<Boolean> p : probes) {
      if (!p.get(5, TimeUnit.SECONDS)) {
        return false;
      }
    }
    return true;
  }
}
