package dev.trinity.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.trinity.cache.RedisPermits.Permit;
import dev.trinity.test.RedisServerProcess;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Redis is down or dies: permits fail fast with a typed error, then work again once it is back. */
class RedisPermitsOutageIT {
  private static final Duration TIMEOUT = Duration.ofMillis(250);
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @RegisterExtension static final RedisServerProcess redis = RedisServerProcess.create();

  private static RedisTierConfig config(int port) {
    return RedisTierConfig.builder().host("127.0.0.1").port(port).commandTimeout(TIMEOUT).build();
  }

  @Test
  void failFastWhileRedisIsDeadAndWorkAgainAfterARestart() throws Exception {
    try (RedisPermits permits = RedisPermits.create(config(redis.port()))) {
      Permit held =
          await()
              .atMost(Duration.ofSeconds(10))
              .until(
                  () -> permits.tryAcquire("gpu", 2, MINUTE).toCompletableFuture().join(),
                  Optional::isPresent)
              .orElseThrow();

      redis.kill();
      for (int i = 0; i < 5; i++) {
        assertFailsWithin(permits.tryAcquire("gpu", 2, MINUTE), "acquire");
        assertFailsWithin(permits.renew(held, MINUTE), "renew");
        assertFailsWithin(permits.release(held), "release");
      }

      redis.start(); // an empty server: no data, no scripts cached
      Permit again =
          await()
              .atMost(Duration.ofSeconds(20))
              .pollInterval(Duration.ofMillis(50))
              .ignoreExceptions()
              .until(
                  () -> permits.tryAcquire("gpu", 2, MINUTE).toCompletableFuture().join(),
                  Optional::isPresent)
              .orElseThrow();
      assertThat(permits.release(again).toCompletableFuture().join()).isTrue();
      assertThat(permits.inUse("gpu").toCompletableFuture().join()).isZero();
    }
  }

  @Test
  void failFastWhenRedisIsDownFromTheStartAndConnectOnceItIsUp() throws Exception {
    try (RedisServerProcess late = RedisServerProcess.create();
        RedisPermits permits = RedisPermits.create(config(late.port()))) {
      for (int i = 0; i < 3; i++) {
        assertFailsWithin(permits.tryAcquire("gpu", 1, MINUTE), "acquire");
      }

      late.start();
      await()
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(50))
          .ignoreExceptions()
          .until(
              () -> permits.tryAcquire("gpu", 1, MINUTE).toCompletableFuture().join(),
              Optional::isPresent);
      assertThat(permits.inUse("gpu").toCompletableFuture().join()).isEqualTo(1);
    }
  }

  @Test
  void callsAfterCloseFailWithTheTypedError() throws Exception {
    RedisPermits permits = RedisPermits.create(config(redis.port()));
    permits.close();
    permits.close();
    assertFailsWithin(permits.tryAcquire("gpu", 1, MINUTE), "acquire");
  }

  /** Fails with the typed error, naming the operation, within the command timeout plus slack. */
  private static void assertFailsWithin(CompletionStage<?> stage, String operation)
      throws InterruptedException {
    long start = System.nanoTime();
    try {
      stage.toCompletableFuture().get(TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
      throw new AssertionError(operation + " succeeded while Redis was down");
    } catch (ExecutionException e) {
      assertThat(e.getCause())
          .isInstanceOf(RedisPermitsException.class)
          .hasMessageContaining(operation)
          .hasMessageContaining("redis://127.0.0.1:");
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError(operation + " did not fail within the command timeout", e);
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.plusMillis(1_000));
  }
}
