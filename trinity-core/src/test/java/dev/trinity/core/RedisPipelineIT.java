package dev.trinity.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.cache.CacheConfig;
import dev.trinity.cache.TierType;
import dev.trinity.test.RedisServerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pipeline with a Redis tier against a real redis-server that is killed in the middle of 1,000
 * requests and restarted: no request fails, and Redis serves again once it is back.
 */
class RedisPipelineIT {
  private static final String PASSWORD = "redis-SECRET-456";

  @RegisterExtension
  static final RedisServerProcess redis = RedisServerProcess.withPassword(PASSWORD);

  private final MockWebServer server = new MockWebServer();
  private final AtomicInteger providerCalls = new AtomicInteger();
  private Trinity trinity;

  @BeforeEach
  void start() throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            providerCalls.incrementAndGet();
            return PipelineHarness.ok("answer");
          }
        });
    server.start();
    trinity =
        Trinity.builder()
            .llm(
                LlmConfig.builder()
                    .provider(JsonTestProvider.NAME)
                    .baseUrl(server.url("/").toString())
                    .model("m")
                    .build())
            .cache(
                CacheConfig.builder()
                    .tiers(TierType.REDIS)
                    .redis(r -> r.host("127.0.0.1").port(redis.port()).password(PASSWORD))
                    .build())
            .registerProvider(JsonTestProvider.factory())
            .build();
  }

  @AfterEach
  void stop() {
    trinity.close();
    server.close();
  }

  @Test
  void killingRedisInTheMiddleOfAThousandRequestsFailsNoneAndRedisServesAgainAfterARestart()
      throws Exception {
    List<Throwable> failures = new ArrayList<>();
    long downNanos = 0;
    for (int i = 0; i < 1000; i++) {
      if (i == 300) {
        redis.kill();
      }
      if (i == 700) {
        redis.start();
      }
      long t0 = System.nanoTime();
      try {
        LlmResponse r = trinity.llm().generate(LlmRequest.of("prompt " + (i % 50)));
        assertThat(r.text()).isEqualTo("answer");
      } catch (RuntimeException e) {
        failures.add(e);
      }
      if (i >= 300 && i < 700) {
        downNanos += System.nanoTime() - t0;
      }
    }

    assertThat(failures).isEmpty();
    // while Redis was down every request went to the provider; the gate kept the cost low
    assertThat(Duration.ofNanos(downNanos)).isLessThan(Duration.ofSeconds(400 * 250 / 1000 / 4));
    PipelineHarness.waiting()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> {
              trinity.llm().generate(LlmRequest.of("after restart"));
              return trinity.llm().generate(LlmRequest.of("after restart")).cached();
            });
    LlmResponse again = trinity.llm().generate(LlmRequest.of("after restart"));
    assertThat(again.cacheTier()).contains("redis");
    assertThat(trinity.config().toString()).doesNotContain(PASSWORD);
  }
}
