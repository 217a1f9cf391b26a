package dev.trinity.core;

import static org.awaitility.Awaitility.await;

import dev.trinity.cache.CacheConfig;
import dev.trinity.cache.TierType;
import dev.trinity.core.resilience.RetryConfig;
import dev.trinity.test.RedisServerProcess;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Several {@link Trinity} instances of one fleet, sharing a real redis-server (started if a test
 * killed it) through the Redis cache tier, each calling the same model endpoint: what the fleet
 * tests set up. The Redis database is emptied at the start. Close it after each test.
 */
final class FleetInstances implements AutoCloseable {
  private final RedisServerProcess redis;
  private final String keyPrefix;
  private final RedisClient raw;
  private final RedisCommands<String, String> commands;
  private final List<Trinity> instances = new ArrayList<>();

  FleetInstances(RedisServerProcess redis, String keyPrefix) throws Exception {
    this.redis = redis;
    this.keyPrefix = keyPrefix;
    if (!redisUp(redis.port())) {
      redis.start();
    }
    raw = RedisClient.create(RedisURI.create("redis://127.0.0.1:" + redis.port()));
    commands = raw.connect().sync();
    commands.flushall();
  }

  /** Commands to the shared Redis, to look at and change what the fleet keeps there. */
  RedisCommands<String, String> redis() {
    return commands;
  }

  /**
   * Starts one instance, ready once its Redis tier is connected (before that nothing is shared).
   *
   * @param baseUrl the model endpoint
   * @param timeout each request's deadline
   * @param fleet the fleet settings
   * @param more anything else the test sets on the builder
   * @return the instance, closed with this
   */
  Trinity start(
      String baseUrl, Duration timeout, FleetConfig fleet, UnaryOperator<Trinity.Builder> more) {
    Trinity.Builder builder =
        Trinity.builder()
            .llm(
                LlmConfig.builder()
                    .provider(JsonTestProvider.NAME)
                    .baseUrl(baseUrl)
                    .model("m")
                    .timeout(timeout)
                    .build())
            .cache(
                CacheConfig.builder()
                    .tiers(TierType.MEMORY, TierType.REDIS)
                    .redis(
                        r ->
                            r.host("127.0.0.1")
                                .port(redis.port())
                                .keyPrefix(keyPrefix)
                                // a loaded test machine must not look like a Redis outage
                                .commandTimeout(Duration.ofSeconds(2)))
                    .build())
            .fleet(fleet)
            .retry(RetryConfig.disabled())
            .registerProvider(JsonTestProvider.factory());
    Trinity t = more.apply(builder).build();
    instances.add(t);
    await().atMost(Duration.ofSeconds(10)).until(() -> t.cache().health().get("redis").isUp());
    return t;
  }

  @Override
  public void close() {
    instances.forEach(Trinity::close);
    raw.shutdown();
  }

  private static boolean redisUp(int port) {
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
