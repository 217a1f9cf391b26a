package dev.trinity.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.trinity.test.LogCapture;
import dev.trinity.test.RedisServerProcess;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Redis tier against a redis-server started with {@code --requirepass}. */
class RedisPasswordIT {
  private static final String PASSWORD = "s3cret-Pa55word";

  @RegisterExtension
  static final RedisServerProcess redis = RedisServerProcess.withPassword(PASSWORD);

  @RegisterExtension final LogCapture logs = LogCapture.of("dev.trinity.cache");

  private static CacheConfig.Builder config() {
    return CacheConfig.builder().redis(r -> r.host("127.0.0.1").port(redis.port()));
  }

  @Test
  void theRightPasswordIsAccepted() {
    try (CacheTier tier =
        CacheTiers.redis(config().redis(r -> r.password(PASSWORD)).build(), Clock.systemUTC())) {
      await().atMost(Duration.ofSeconds(10)).until(() -> tier.health().isUp());

      tier.sync().put("k", "v", Duration.ofMinutes(1));

      assertThat(tier.sync().get("k").map(CacheEntry::value)).contains("v");
      assertThat(tier.toString()).doesNotContain(PASSWORD);
    }
  }

  @Test
  void aWrongPasswordTakesTheTierDownWithoutShowingThePassword() {
    String wrong = "wrong-" + PASSWORD;
    CacheConfig config = config().redis(r -> r.password(wrong)).build();
    try (CacheTier tier = CacheTiers.redis(config, Clock.systemUTC())) {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> tier.health().reason().filter(r -> !r.equals("connecting")).isPresent());

      tier.sync().put("k", "v", Duration.ofMinutes(1));
      assertThat(tier.sync().get("k")).isEmpty();
      assertThat(tier.health().status()).isEqualTo(TierHealth.Status.DOWN);
      assertThat(tier.health().reason().orElseThrow())
          .doesNotContain(wrong)
          .doesNotContain(PASSWORD);
      assertThat(tier.toString()).doesNotContain(wrong);
      assertThat(config.toString()).doesNotContain(wrong);
      assertThat(logs.keyValues("cache_tier_unavailable")).hasSize(1);
      assertThat(logs.everything()).doesNotContain(wrong).doesNotContain(PASSWORD);
    }
  }

  @Test
  void noPasswordAgainstAServerThatWantsOneIsDown() {
    try (CacheTier tier = CacheTiers.redis(config().build(), Clock.systemUTC())) {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> tier.health().reason().filter(r -> !r.equals("connecting")).isPresent());

      assertThat(tier.sync().get("k")).isEmpty();
      assertThat(tier.health().status()).isEqualTo(TierHealth.Status.DOWN);
    }
  }
}
