package dev.trinity.core.internal.pipeline;

import dev.trinity.cache.RedisPermits;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The fleet-wide permits of one instance: the shared {@link RedisPermits}, plus the releases still
 * on their way to Redis, so that closing the instance lets them arrive (for at most the Redis
 * command timeout) instead of cutting them off and leaving the permits to expire. Thread-safe.
 */
public final class FleetPermits implements AutoCloseable {
  private final RedisPermits permits;
  private final Duration closeWait;
  private final Set<CompletableFuture<Boolean>> releasing = ConcurrentHashMap.newKeySet();

  /**
   * Wraps the permits.
   *
   * @param permits the semaphore in the shared Redis; closed with this
   * @param closeWait how long closing waits for releases on their way ({@code command_timeout})
   */
  public FleetPermits(RedisPermits permits, Duration closeWait) {
    this.permits = permits;
    this.closeWait = closeWait;
  }

  CompletionStage<Optional<RedisPermits.Permit>> acquire(
      String resource, int maxPermits, Duration ttl, Duration maxWait) {
    return permits.acquire(resource, maxPermits, ttl, maxWait);
  }

  CompletionStage<Boolean> renew(RedisPermits.Permit permit, Duration ttl) {
    return permits.renew(permit, ttl);
  }

  CompletionStage<Boolean> release(RedisPermits.Permit permit) {
    CompletableFuture<Boolean> release = permits.release(permit).toCompletableFuture();
    releasing.add(release);
    release.whenComplete((freed, error) -> releasing.remove(release));
    return release;
  }

  /** Waits for the releases on their way, then closes the connection. */
  @Override
  public void close() {
    CompletableFuture<?> all =
        CompletableFuture.allOf(releasing.toArray(CompletableFuture<?>[]::new));
    try {
      all.get(closeWait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // the permits left behind expire after their time to live
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      permits.close();
    }
  }
}
