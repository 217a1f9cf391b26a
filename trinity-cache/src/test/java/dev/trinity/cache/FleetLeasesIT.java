package dev.trinity.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.trinity.cache.internal.FleetLeases;
import dev.trinity.test.RedisServerProcess;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The lease commands and Lua scripts of fleet mode against a real redis-server. */
class FleetLeasesIT {
  private static final Duration LONG = Duration.ofMinutes(1);

  @RegisterExtension static final RedisServerProcess redis = RedisServerProcess.create();

  private FleetLeases a;
  private FleetLeases b;
  private RedisClient raw;
  private RedisCommands<String, String> server;

  @BeforeEach
  void connect() throws Exception {
    if (!isRunning()) {
      redis.start();
    }
    a = FleetLeases.redis(config());
    b = FleetLeases.redis(config());
    raw = RedisClient.create(RedisURI.create("redis://127.0.0.1:" + redis.port()));
    StatefulRedisConnection<String, String> c = raw.connect();
    server = c.sync();
    server.flushall();
  }

  private static boolean isRunning() {
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", redis.port())) {
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static CacheConfig config() {
    return CacheConfig.builder()
        .tiers(TierType.REDIS)
        .redis(r -> r.host("127.0.0.1").port(redis.port()).keyPrefix("t:"))
        .build();
  }

  @AfterEach
  void close() {
    a.close();
    b.close();
    raw.shutdown();
  }

  private static <T> T get(java.util.concurrent.CompletableFuture<T> f) throws Exception {
    return f.get(5, TimeUnit.SECONDS);
  }

  @Test
  void oneOwnerAtATimeUnderTheOwnersToken() throws Exception {
    assertThat(get(a.acquire("k", "token-a", LONG))).isTrue();
    assertThat(get(b.acquire("k", "token-b", LONG))).isFalse();
    assertThat(server.get("t:lease:k")).isEqualTo("token-a");
    assertThat(server.pttl("t:lease:k")).isBetween(50_000L, 60_000L);
  }

  @Test
  void onlyTheOwnerRenews() throws Exception {
    get(a.acquire("k", "token-a", Duration.ofSeconds(5)));

    assertThat(get(b.renew("k", "token-b", LONG))).isFalse();
    assertThat(server.pttl("t:lease:k")).isLessThanOrEqualTo(5_000L);
    assertThat(get(a.renew("k", "token-a", LONG))).isTrue();
    assertThat(server.pttl("t:lease:k")).isGreaterThan(50_000L);
  }

  @Test
  void onlyTheOwnerReleasesAndASecondReleaseDoesNothing() throws Exception {
    get(a.acquire("k", "token-a", LONG));

    assertThat(get(b.release("k", "token-b"))).isFalse();
    assertThat(server.exists("t:lease:k")).isEqualTo(1L);
    assertThat(get(a.release("k", "token-a"))).isTrue();
    assertThat(get(a.release("k", "token-a"))).isFalse();
    assertThat(get(b.acquire("k", "token-b", LONG))).isTrue();
    // a late release by the first owner must not free the new owner's lease
    assertThat(get(a.release("k", "token-a"))).isFalse();
    assertThat(server.get("t:lease:k")).isEqualTo("token-b");
  }

  @Test
  void aLapsedLeaseIsFreeForTheNextCallerAndCannotBeRenewedByItsOldOwner() throws Exception {
    get(a.acquire("k", "token-a", Duration.ofMillis(50)));

    await().atMost(Duration.ofSeconds(2)).until(() -> get(b.acquire("k", "token-b", LONG)));
    assertThat(get(a.renew("k", "token-a", LONG))).isFalse();
    assertThat(server.get("t:lease:k")).isEqualTo("token-b");
  }

  @Test
  void aPublishReachesTheSubscribersOfThatKeyOnly() throws Exception {
    AtomicInteger onK = new AtomicInteger();
    AtomicInteger onOther = new AtomicInteger();
    FleetLeases.Subscription k = b.onPublished("k", onK::incrementAndGet);
    b.onPublished("other", onOther::incrementAndGet);

    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () -> {
              get(a.publish("k"));
              return onK.get() > 0;
            });
    assertThat(onOther).hasValue(0);
    k.close();
    int before = onK.get();
    get(a.publish("k"));
    get(a.publish("other"));
    await().atMost(Duration.ofSeconds(5)).until(() -> onOther.get() > 0);
    assertThat(onK).hasValue(before);
  }

  @Test
  void withRedisDownEveryCommandFailsQuicklyAndWorksAgainAfterARestart() throws Exception {
    redis.kill();

    assertThatThrownBy(() -> get(a.acquire("k", "token-a", LONG)))
        .isInstanceOf(ExecutionException.class);
    assertThatThrownBy(() -> get(a.release("k", "token-a"))).isInstanceOf(ExecutionException.class);

    redis.start();
    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(() -> get(a.acquire("k2", "token-a", LONG)));
  }
}
