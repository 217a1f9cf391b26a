package dev.trinity.cache.internal;

import dev.trinity.cache.CacheConfig;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Leases on request keys in the Redis that the cache tier uses, for fleet-wide single flight: one
 * owner per key across every JVM, renewed while its call runs, released by its owner only, and a
 * notification to every JVM when an answer is ready. Only JDK types appear here, so callers load
 * Lettuce only when they create one.
 *
 * <p>Every operation is asynchronous and fails (never hangs) within {@code
 * cache.redis.command_timeout} when Redis is unreachable or slow; a failure means "Redis is sick",
 * never "someone else owns the key". Thread-safe.
 */
public interface FleetLeases extends AutoCloseable {

  /**
   * Leases on the Redis of {@code cache.redis.*}, with keys under {@code key_prefix + "lease:"} and
   * notifications on the channel {@code key_prefix + "answers"}. Starts connecting in the
   * background; building it with Redis down neither fails nor blocks.
   *
   * @param config the cache settings whose {@code redis} part is used
   * @return the leases
   */
  static FleetLeases redis(CacheConfig config) {
    return new RedisFleetLeases(config.redis());
  }

  /**
   * Takes the lease on a key when nobody holds it: {@code SET lease:key token NX PX leaseTime}.
   *
   * @param key the request key
   * @param token the caller's owner token, unique per attempt
   * @param leaseTime how long the lease lives unless renewed
   * @return true when the caller now owns the lease, false when someone else does
   */
  CompletableFuture<Boolean> acquire(String key, String token, Duration leaseTime);

  /**
   * Extends the lease to {@code leaseTime} from now when the caller still owns it (a Lua
   * compare-and-extend).
   *
   * @param key the request key
   * @param token the owner token given to {@link #acquire}
   * @param leaseTime the new time to live
   * @return true when extended, false when the lease lapsed or another owner holds it
   */
  CompletableFuture<Boolean> renew(String key, String token, Duration leaseTime);

  /**
   * Deletes the lease when the caller still owns it (a Lua compare-and-delete).
   *
   * @param key the request key
   * @param token the owner token
   * @return true when deleted, false when it had lapsed or belongs to another owner
   */
  CompletableFuture<Boolean> release(String key, String token);

  /**
   * Tells every JVM listening that the call on a key finished (answered or failed): waiters then
   * look for the answer, and take the lease when there is none.
   *
   * @param key the request key
   * @return completes when Redis accepted the message
   */
  CompletableFuture<Void> publish(String key);

  /**
   * Runs an action when any JVM publishes on a key, until the returned handle is closed. The
   * subscription is shared by all keys and set up (again) in the background; while it is not, no
   * action runs, which is why waiters also poll.
   *
   * @param key the request key
   * @param action what to run, on a Lettuce thread; must not block
   * @return closing it stops the notifications
   */
  Subscription onPublished(String key, Runnable action);

  /** Closes the connections. Idempotent. */
  @Override
  void close();

  /** A registration made by {@link #onPublished}. */
  interface Subscription extends AutoCloseable {
    /** Stops the notifications. Idempotent. */
    @Override
    void close();
  }
}
