package dev.trinity.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.trinity.test.RedisServerProcess;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Redis tier against a real redis-server. */
class RedisTierIT {
  private static final Duration HOUR = Duration.ofHours(1);

  @RegisterExtension static final RedisServerProcess redis = RedisServerProcess.create();

  private static RedisClient rawClient;
  private static StatefulRedisConnection<String, String> rawConnection;
  private final List<CacheTier> tiers = new ArrayList<>();

  @BeforeAll
  static void connectRaw() {
    rawClient = RedisClient.create(RedisURI.create("redis://127.0.0.1:" + redis.port()));
    rawConnection = rawClient.connect();
  }

  @AfterAll
  static void disconnectRaw() {
    rawConnection.close();
    rawClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }

  @BeforeEach
  void emptyRedis() {
    raw(0).flushall();
  }

  @AfterEach
  void closeTiers() {
    tiers.forEach(CacheTier::close);
  }

  private static RedisCommands<String, String> raw(int db) {
    RedisCommands<String, String> commands = rawConnection.sync();
    commands.select(db);
    return commands;
  }

  private static CacheConfig.Builder config() {
    return CacheConfig.builder().redis(r -> r.host("127.0.0.1").port(redis.port()));
  }

  private CacheTier tier(CacheConfig config) {
    CacheTier tier = CacheTiers.redis(config, Clock.systemUTC());
    tiers.add(tier);
    return tier;
  }

  private CacheTier upTier(CacheConfig config) {
    CacheTier tier = tier(config);
    await().atMost(Duration.ofSeconds(10)).until(() -> tier.health().isUp());
    return tier;
  }

  @Test
  void aValueRoundTripsThroughRedis() {
    CacheTier tier = upTier(config().build());

    tier.sync().put("k", "a value with ünïcödé and : colons", HOUR);
    CacheEntry entry = tier.sync().get("k").orElseThrow();

    assertThat(entry.value()).isEqualTo("a value with ünïcödé and : colons");
    assertThat(entry.expiresAt()).isEqualTo(entry.createdAt().plus(HOUR));
    assertThat(tier.sync().get("other")).isEmpty();
    assertThat(tier.stats().hits()).isEqualTo(1);
    assertThat(tier.stats().misses()).isEqualTo(1);
  }

  @Test
  void valuesAreStoredUnderThePrefixWithAPxTtl() {
    CacheTier tier = upTier(config().build());

    tier.sync().put("k", "v", Duration.ofSeconds(90));

    assertThat(raw(0).pttl("trinity:llm:k")).isBetween(80_000L, 90_000L);
    assertThat(raw(0).get("trinity:llm:k")).startsWith("TC1:").endsWith(":v");
    assertThat(raw(0).exists("k")).isZero();
  }

  @Test
  void aPromotedEntryKeepsItsRemainingTtlInRedis() {
    CacheTier tier = upTier(config().build());
    CacheEntry entry =
        CacheEntry.of("v", Clock.systemUTC().instant().minusSeconds(40), Duration.ofSeconds(100));

    tier.sync().put("k", entry);

    assertThat(raw(0).pttl("trinity:llm:k")).isBetween(50_000L, 60_000L);
    assertThat(tier.sync().get("k")).contains(entry);
  }

  @Test
  void theKeyPrefixAndDatabaseAreConfigurable() {
    CacheTier tier = upTier(config().redis(r -> r.keyPrefix("myapp:").db(3)).build());

    tier.sync().put("k", "v", HOUR);

    assertThat(raw(3).exists("myapp:k")).isEqualTo(1);
    assertThat(raw(0).exists("myapp:k")).isZero();
    assertThat(tier.sync().get("k").map(CacheEntry::value)).contains("v");
  }

  @Test
  void aValueNotWrittenByTheCacheIsAMissAndTheNextPutOverwritesIt() {
    CacheTier tier = upTier(config().build());
    raw(0).set("trinity:llm:foreign", "{\"written\":\"by someone else\"}");
    raw(0).set("trinity:llm:damaged", "TC1:notanumber:12:v");
    raw(0).hset("trinity:llm:hash", Map.of("field", "value"));

    assertThat(tier.sync().get("foreign")).isEmpty();
    assertThat(tier.sync().get("damaged")).isEmpty();
    assertThat(tier.sync().get("hash")).isEmpty();
    assertThat(tier.health().isUp()).isTrue();

    tier.sync().put("foreign", "mine", HOUR);
    tier.sync().put("hash", "mine too", HOUR);
    assertThat(tier.sync().get("foreign").map(CacheEntry::value)).contains("mine");
    assertThat(tier.sync().get("hash").map(CacheEntry::value)).contains("mine too");
  }

  @Test
  void clearRemovesOnlyKeysUnderThePrefix() {
    CacheTier tier = upTier(config().redis(r -> r.keyPrefix("t[1]*:")).build());
    for (int i = 0; i < 1200; i++) {
      tier.sync().put("k" + i, "v", HOUR);
    }
    raw(0).set("t1x:unrelated", "keep me");
    raw(0).set("unrelated", "keep me too");

    tier.sync().clear();

    assertThat(raw(0).keys("*")).containsExactlyInAnyOrder("t1x:unrelated", "unrelated");
  }

  @Test
  void deleteRemovesOneKey() {
    CacheTier tier = upTier(config().build());
    tier.sync().put("a", "1", HOUR);
    tier.sync().put("b", "2", HOUR);

    tier.sync().delete("a");

    assertThat(tier.sync().get("a")).isEmpty();
    assertThat(tier.sync().get("b")).isPresent();
  }

  @Test
  void aTierBuiltWhileRedisIsDownStartsDownAndServesOnceRedisIsUp() throws Exception {
    try (RedisServerProcess late = RedisServerProcess.create()) {
      long start = System.nanoTime();
      CacheTier tier = tier(config().redis(r -> r.port(late.port())).build());
      tier.sync().put("k", "v", HOUR);
      assertThat(tier.sync().get("k")).isEmpty();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
      assertThat(tier.health().status()).isEqualTo(TierHealth.Status.DOWN);

      late.start();

      await().atMost(Duration.ofSeconds(20)).until(() -> tier.health().isUp());
      tier.sync().put("k", "v", HOUR);
      assertThat(tier.sync().get("k").map(CacheEntry::value)).contains("v");
    }
  }
}
