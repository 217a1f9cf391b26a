package dev.trinity.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.trinity.test.LogCapture;
import dev.trinity.test.RedisServerProcess;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Redis dies in the middle of traffic and comes back: the cache degrades and recovers. */
class RedisOutageIT {
  private static final int CALLS = 1000;
  private static final int KILL_AT = 300;
  private static final int RESTART_AT = 700;

  @RegisterExtension static final RedisServerProcess redis = RedisServerProcess.create();
  @RegisterExtension final LogCapture logs = LogCapture.of("dev.trinity.cache");

  @Test
  void killingRedisMidTrafficFailsNoCallAndTheTierServesAgainAfterARestart() throws Exception {
    CacheConfig config =
        CacheConfig.builder()
            .tiers(TierType.REDIS)
            .redis(r -> r.host("127.0.0.1").port(redis.port()))
            .build();
    try (CacheManager cache = CacheManager.create(config)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> cache.health().get("redis").isUp());
      AtomicInteger failed = new AtomicInteger();
      int hitsBeforeKill = 0;
      TierStats atKill = null;
      TierStats atRestart = null;
      long downStart = 0;
      long downNanos = 0;

      for (int i = 0; i < CALLS; i++) {
        if (i == KILL_AT) {
          redis.kill();
          atKill = cache.stats().tier("redis").orElseThrow();
          downStart = System.nanoTime();
        }
        if (i == RESTART_AT) {
          downNanos = System.nanoTime() - downStart;
          atRestart = cache.stats().tier("redis").orElseThrow();
          redis.start();
        }
        String key = "k" + i / 2;
        CompletableFuture<?> call = i % 2 == 0 ? cache.put(key, "value " + key) : cache.get(key);
        Object result =
            call.handle(
                    (ok, error) -> {
                      if (error != null) {
                        failed.incrementAndGet();
                      }
                      return ok;
                    })
                .get();
        if (i < KILL_AT && result instanceof CacheResult r && r.isHit()) {
          hitsBeforeKill++;
        }
      }

      assertThat(failed).as("calls that failed").hasValue(0);
      assertThat(hitsBeforeKill).as("gets served by redis before the kill").isEqualTo(KILL_AT / 2);

      // while down, the gate answers without reaching Redis: a few calls may fail fast or time
      // out while the tier notices, the rest are skipped
      int callsWhileDown = RESTART_AT - KILL_AT;
      assertThat(atRestart.skipped() - atKill.skipped())
          .as("calls answered by the gate")
          .isGreaterThanOrEqualTo(callsWhileDown - 20);
      assertThat(Duration.ofNanos(downNanos))
          .as("%d calls while Redis was down", callsWhileDown)
          .isLessThan(Duration.ofSeconds(20)); // 400 command timeouts would take 100 s
      assertThat(logs.keyValues("cache_tier_unavailable"))
          .as("one event for the outage")
          .hasSize(1)
          .allSatisfy(e -> assertThat(e).containsEntry("cache_tier", "redis"));

      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                cache.put("after-restart", "back").join();
                assertThat(cache.get("after-restart").join().tier()).contains("redis");
              });
      assertThat(cache.health().get("redis").isUp()).isTrue();
      assertThat(logs.keyValues("cache_tier_available")).hasSize(1);
    }
  }
}
