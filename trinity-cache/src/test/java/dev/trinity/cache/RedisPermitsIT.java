package dev.trinity.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.trinity.cache.RedisPermits.Permit;
import dev.trinity.cache.internal.LuaPermits;
import dev.trinity.test.RedisServerProcess;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The permit scripts against a real redis-server. Expiry is observed two ways, neither sleeping:
 * with a real short ttl and Awaitility polling under a bound, and by reading the expiry the script
 * wrote (the permit's score) against the server's own {@code TIME}.
 */
class RedisPermitsIT {
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final String KEY = RedisPermits.KEY_NAMESPACE + RedisTierConfig.DEFAULT_KEY_PREFIX;

  @RegisterExtension static final RedisServerProcess redis = RedisServerProcess.create();

  private static RedisClient rawClient;
  private static StatefulRedisConnection<String, String> rawConnection;
  private final List<RedisPermits> opened = new ArrayList<>();

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
    raw().flushall();
  }

  @AfterEach
  void closePermits() {
    opened.forEach(RedisPermits::close);
  }

  private static RedisCommands<String, String> raw() {
    return rawConnection.sync();
  }

  private RedisPermits permits() {
    RedisPermits permits =
        RedisPermits.create(RedisTierConfig.builder().host("127.0.0.1").port(redis.port()).build());
    opened.add(permits);
    return permits;
  }

  private static <T> T join(CompletionStage<T> stage) {
    return stage.toCompletableFuture().join();
  }

  private static long redisNowMillis() {
    List<String> time = raw().time();
    return Long.parseLong(time.get(0)) * 1000 + Long.parseLong(time.get(1)) / 1000;
  }

  @Test
  void grantsUpToMaxPermitsAndRefusesTheNext() {
    RedisPermits permits = permits();
    List<Permit> held = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      held.add(join(permits.tryAcquire("gpu", 3, MINUTE)).orElseThrow());
    }

    assertThat(join(permits.tryAcquire("gpu", 3, MINUTE))).as("the fourth").isEmpty();
    assertThat(held).extracting(Permit::id).doesNotHaveDuplicates();
    assertThat(join(permits.inUse("gpu"))).isEqualTo(3);
    assertThat(raw().zrange(KEY + "gpu", 0, -1))
        .containsExactlyInAnyOrderElementsOf(held.stream().map(Permit::id).toList());
    assertThat(join(permits.tryAcquire("other-gpu", 3, MINUTE)))
        .as("another resource has its own permits")
        .isPresent();
  }

  @Test
  void releaseFreesExactlyOnePermitAndADoubleReleaseFreesNone() {
    RedisPermits permits = permits();
    Permit first = join(permits.tryAcquire("gpu", 2, MINUTE)).orElseThrow();
    Permit second = join(permits.tryAcquire("gpu", 2, MINUTE)).orElseThrow();

    assertThat(join(permits.release(first))).isTrue();
    assertThat(join(permits.inUse("gpu"))).isEqualTo(1);
    assertThat(join(permits.release(first))).as("second release").isFalse();
    assertThat(join(permits.inUse("gpu"))).as("the other permit still held").isEqualTo(1);

    Permit third = join(permits.tryAcquire("gpu", 2, MINUTE)).orElseThrow();
    assertThat(join(permits.tryAcquire("gpu", 2, MINUTE))).isEmpty();
    assertThat(join(permits.release(first))).as("third release").isFalse();
    assertThat(join(permits.tryAcquire("gpu", 2, MINUTE)))
        .as("a stale release freed nobody's permit")
        .isEmpty();

    assertThat(join(permits.release(second))).isTrue();
    assertThat(join(permits.release(third))).isTrue();
    assertThat(raw().exists(KEY + "gpu")).as("the empty set is gone").isZero();
  }

  @Test
  void aPermitOfAProcessThatNeverReleasesExpiresAndIsCountedOnce() {
    RedisPermits crashed = permits();
    Permit lost = join(crashed.tryAcquire("gpu", 1, Duration.ofMillis(150))).orElseThrow();
    crashed.close(); // never released, as if the process had died
    RedisPermits survivor = permits();
    assertThat(join(survivor.tryAcquire("gpu", 1, MINUTE))).as("while still live").isEmpty();

    Permit next =
        await()
            .atMost(Duration.ofSeconds(5))
            .pollInterval(Duration.ofMillis(20))
            .until(() -> join(survivor.tryAcquire("gpu", 1, MINUTE)), Optional::isPresent)
            .orElseThrow();

    assertThat(raw().zrange(KEY + "gpu", 0, -1)).containsExactly(next.id());
    assertThat(join(survivor.inUse("gpu"))).isEqualTo(1);
    assertThat(join(survivor.renew(lost, MINUTE))).as("renewing the lost permit").isFalse();
    assertThat(join(survivor.release(lost))).as("releasing the lost permit").isFalse();
    assertThat(join(survivor.tryAcquire("gpu", 1, MINUTE)))
        .as("the lost permit's release freed nothing")
        .isEmpty();
  }

  @Test
  void anExpiredPermitThatWasNotYetPurgedIsNotCountedNorRenewedNorReleased() {
    RedisPermits permits = permits();
    Permit permit = join(permits.tryAcquire("gpu", 1, MINUTE)).orElseThrow();
    // move its expiry into the past, as if its ttl had run out, without waiting
    raw().zadd(KEY + "gpu", redisNowMillis() - 1, permit.id());

    assertThat(join(permits.inUse("gpu"))).isZero();
    assertThat(join(permits.release(permit))).isFalse();

    Permit other = join(permits.tryAcquire("gpu", 1, MINUTE)).orElseThrow();
    raw().zadd(KEY + "gpu", redisNowMillis() - 1, other.id());
    assertThat(join(permits.renew(other, MINUTE))).isFalse();
    assertThat(raw().zscore(KEY + "gpu", other.id())).as("purged by the renew").isNull();
  }

  @Test
  void renewMovesTheExpiryToTtlFromNowByRedisTime() {
    RedisPermits permits = permits();
    Permit permit = join(permits.tryAcquire("gpu", 1, Duration.ofSeconds(2))).orElseThrow();
    double acquiredExpiry = raw().zscore(KEY + "gpu", permit.id());
    assertThat(acquiredExpiry - redisNowMillis()).isBetween(1_000.0, 2_000.0);

    assertThat(join(permits.renew(permit, Duration.ofMinutes(10)))).isTrue();

    double renewedExpiry = raw().zscore(KEY + "gpu", permit.id());
    assertThat(renewedExpiry - redisNowMillis()).isBetween(590_000.0, 600_000.0);
    assertThat(raw().pttl(KEY + "gpu"))
        .as("the set lives as long as its last permit")
        .isBetween(590_000L, 600_000L);

    // renewing to a short ttl lets it expire soon after: the renewal really set the expiry
    assertThat(join(permits.renew(permit, Duration.ofMillis(100)))).isTrue();
    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> join(permits.tryAcquire("gpu", 1, MINUTE)), Optional::isPresent);
    assertThat(join(permits.renew(permit, MINUTE))).as("after it expired").isFalse();
  }

  @Test
  void runsAgainAfterTheScriptCacheIsFlushed() {
    RedisPermits permits = permits();
    Permit before = join(permits.tryAcquire("gpu", 2, MINUTE)).orElseThrow();
    raw().scriptFlush();

    Permit after = join(permits.tryAcquire("gpu", 2, MINUTE)).orElseThrow();
    raw().scriptFlush();
    assertThat(join(permits.renew(after, MINUTE))).isTrue();
    raw().scriptFlush();
    assertThat(join(permits.release(before))).isTrue();
    raw().scriptFlush();
    assertThat(join(permits.inUse("gpu"))).isEqualTo(1);
  }

  @Test
  void sixteenThreadsOnFourConnectionsNeverHoldMoreThanMaxPermits() throws Exception {
    int maxPermits = 5;
    int threads = 16;
    int attemptsPerThread = 150;
    List<RedisPermits> connections = List.of(permits(), permits(), permits(), permits());
    AtomicInteger holding = new AtomicInteger();
    AtomicInteger mostHeld = new AtomicInteger();
    AtomicInteger granted = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        RedisPermits permits = connections.get(t % connections.size());
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < attemptsPerThread; i++) {
                    Optional<Permit> permit = join(permits.tryAcquire("gpu", maxPermits, MINUTE));
                    if (permit.isEmpty()) {
                      refused.incrementAndGet();
                      continue;
                    }
                    granted.incrementAndGet();
                    // counted between the grant and the release: never above what Redis holds
                    mostHeld.accumulateAndGet(holding.incrementAndGet(), Math::max);
                    holding.decrementAndGet();
                    assertThat(join(permits.release(permit.get()))).isTrue();
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(mostHeld.get()).as("permits held at once").isBetween(1, maxPermits);
    assertThat(granted.get() + refused.get()).isEqualTo(threads * attemptsPerThread);
    assertThat(granted.get()).isPositive();
    assertThat(join(connections.get(0).inUse("gpu"))).as("all released").isZero();
  }

  @Test
  void aWaitingAcquireIsWokenByAReleaseWithoutPolling() throws Exception {
    RedisPermits holder = permits();
    // polls once a minute: only the release's message can wake it within the bound below
    RedisPermits waiter =
        LuaPermits.connect(
            RedisTierConfig.builder().host("127.0.0.1").port(redis.port()).build(),
            Duration.ofMinutes(1));
    opened.add(waiter);
    join(waiter.tryAcquire("warm-up", 1, MINUTE)).orElseThrow();
    Permit held = join(holder.tryAcquire("gpu", 1, MINUTE)).orElseThrow();

    CompletableFuture<Optional<Permit>> waiting =
        waiter.acquire("gpu", 1, MINUTE, Duration.ofSeconds(50)).toCompletableFuture();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> raw().pubsubNumsub(KEY + "gpu").get(KEY + "gpu") == 1L);
    assertThat(waiting).isNotDone();

    assertThat(join(holder.release(held))).isTrue();

    Permit taken = waiting.get(5, TimeUnit.SECONDS).orElseThrow();
    assertThat(raw().zrange(KEY + "gpu", 0, -1)).containsExactly(taken.id());
  }

  @Test
  void aWaitingAcquireTakesTheExpiredPermitOfAHolderThatVanished() {
    RedisPermits crashed = permits();
    join(crashed.tryAcquire("gpu", 1, Duration.ofMillis(200))).orElseThrow();
    crashed.close();
    RedisPermits waiter = permits();

    Optional<Permit> taken = join(waiter.acquire("gpu", 1, MINUTE, Duration.ofSeconds(10)));

    assertThat(taken).isPresent();
  }

  @Test
  void aWaitingAcquireGivesUpAtItsDeadline() {
    RedisPermits permits = permits();
    join(permits.tryAcquire("gpu", 1, MINUTE)).orElseThrow();
    long start = System.nanoTime();

    Optional<Permit> none = join(permits.acquire("gpu", 1, MINUTE, Duration.ofMillis(300)));

    assertThat(none).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300))
        .isLessThan(Duration.ofSeconds(10));
    assertThat(join(permits.acquire("other", 1, MINUTE, Duration.ZERO))).isPresent();
    assertThat(join(permits.acquire("other", 1, MINUTE, Duration.ZERO))).isEmpty();
  }

  @Test
  void waitersOnFourConnectionsShareMaxPermitsAndAllGetOne() throws Exception {
    int maxPermits = 2;
    List<RedisPermits> connections = List.of(permits(), permits(), permits(), permits());
    AtomicInteger holding = new AtomicInteger();
    AtomicInteger mostHeld = new AtomicInteger();
    List<CompletableFuture<Boolean>> done = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      RedisPermits permits = connections.get(i % connections.size());
      done.add(
          permits
              .acquire("gpu", maxPermits, MINUTE, Duration.ofSeconds(30))
              .thenCompose(
                  permit -> {
                    mostHeld.accumulateAndGet(holding.incrementAndGet(), Math::max);
                    holding.decrementAndGet();
                    return permits.release(permit.orElseThrow());
                  })
              .toCompletableFuture());
    }

    CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

    assertThat(done).allSatisfy(f -> assertThat(f.join()).as("released a held permit").isTrue());
    assertThat(mostHeld.get()).isBetween(1, maxPermits);
  }

  @Test
  void holdsPermitsUnderAnotherKeyPrefixApartAndOutsideTheCacheKeys() {
    RedisPermits defaults = permits();
    RedisPermits tenant =
        RedisPermits.create(
            RedisTierConfig.builder()
                .host("127.0.0.1")
                .port(redis.port())
                .keyPrefix("tenant-b:")
                .build());
    opened.add(tenant);
    join(defaults.tryAcquire("gpu", 1, MINUTE)).orElseThrow();

    assertThat(join(tenant.tryAcquire("gpu", 1, MINUTE))).isPresent();
    assertThat(raw().keys("*"))
        .containsExactlyInAnyOrder(KEY + "gpu", RedisPermits.KEY_NAMESPACE + "tenant-b:gpu")
        .noneMatch(k -> k.startsWith(RedisTierConfig.DEFAULT_KEY_PREFIX));
  }

  @Test
  void worksWithAPasswordAndNeverShowsIt() throws Exception {
    try (RedisServerProcess locked = RedisServerProcess.withPassword("s3cret-pw")) {
      locked.start();
      RedisTierConfig good =
          RedisTierConfig.builder()
              .host("127.0.0.1")
              .port(locked.port())
              .password("s3cret-pw")
              .build();
      try (RedisPermits permits = RedisPermits.create(good);
          RedisPermits wrong = RedisPermits.create(good.toBuilder().password("wrong-pw").build())) {
        assertThat(join(permits.tryAcquire("gpu", 1, MINUTE))).isPresent();
        assertThat(permits.toString()).doesNotContain("s3cret-pw");

        Throwable failure = failureOf(wrong.tryAcquire("gpu", 1, MINUTE));
        assertThat(failure).isInstanceOf(RedisPermitsException.class);
        assertThat(failure.getMessage()).contains("acquire").doesNotContain("wrong-pw");
      }
    }
  }

  private static Throwable failureOf(CompletionStage<?> stage) {
    try {
      stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError("expected a failed stage", e);
    }
    throw new AssertionError("expected a failed stage");
  }
}
