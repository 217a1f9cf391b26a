package dev.trinity.cache;

import dev.trinity.cache.internal.LuaPermits;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A counting semaphore shared by every process that talks to one Redis, whose permits expire: the
 * building block of a fleet-wide concurrency limit. It follows the design of Redisson's {@code
 * PermitExpirableSemaphore}: each resource is one sorted set whose members are permit ids scored by
 * their expiry time, and three Lua scripts acquire, renew and release permits atomically.
 *
 * <pre>{@code
 * try (RedisPermits permits = RedisPermits.create(cacheConfig.redis())) {
 *   Optional<RedisPermits.Permit> permit =
 *       permits.tryAcquire("ollama@gpu-1:11434", 4, Duration.ofSeconds(30)).toCompletableFuture().join();
 *   if (permit.isPresent()) {
 *     try { callTheModel(); } finally { permits.release(permit.get()); }
 *   } // else: back off and try again
 * }
 * }</pre>
 *
 * <p><b>Contract.</b>
 *
 * <ul>
 *   <li>{@link #tryAcquire} grants a permit only while fewer than {@code maxPermits} live permits
 *       of the resource exist, counted and added in one script, so concurrent callers on any number
 *       of connections or processes never hold more than {@code maxPermits} together. It never
 *       waits inside Redis: when all permits are taken it answers empty at once and the caller
 *       backs off and tries again. Each caller passes its own {@code maxPermits}; processes that
 *       share a resource should pass the same number.
 *   <li>A permit expires {@code ttl} after it was acquired or last {@link #renew renewed}. Expired
 *       permits are removed by the next acquire before it counts, so the permits of a process that
 *       crashed come back by themselves after their ttl, never later, and an expired permit is
 *       never counted next to the permit that replaced it. A caller holding a permit for longer
 *       than its ttl must renew it in time.
 *   <li>{@link #release} is idempotent: releasing a permit that was already released, or that
 *       expired, changes nothing and never frees another holder's permit.
 *   <li>Expiry is judged by the Redis server's clock ({@code TIME} inside the scripts), never by
 *       the callers' clocks: the processes of a fleet may disagree about the time by seconds, but
 *       they share one Redis, so one process can neither purge another's live permit early nor keep
 *       an expired one alive because its clock is behind. The set itself expires ({@code
 *       PEXPIREAT}) when its last permit does, so an idle resource leaves no key behind.
 * </ul>
 *
 * <p>Keys are {@code trinity:permits:} + {@code cache.redis.key_prefix} + resource: outside the
 * cache's own keys, so clearing the cache never frees permits in use, and separate per key prefix.
 * The scripts are sent once with {@code EVAL} and then run by their SHA-1 ({@code EVALSHA}); when
 * Redis answers {@code NOSCRIPT} (it restarted, or {@code SCRIPT FLUSH} ran) the script is sent
 * again.
 *
 * <p><b>Failures.</b> No method blocks its caller or throws for Redis trouble; the returned stage
 * completes exceptionally with a {@link RedisPermitsException} when Redis is unreachable, does not
 * answer within {@code cache.redis.command_timeout}, or answers with an error. While the connection
 * is down, calls fail at once; the client reconnects by itself and calls succeed again once Redis
 * is back. A command that timed out may still have run: an acquire that timed out can leave a
 * permit nobody holds, which expires after its ttl like a crashed holder's.
 *
 * <p><b>Thread-safety.</b> Implementations are thread-safe; one instance, with its one multiplexed
 * connection, serves the whole process. Stages complete on the Redis client's I/O thread: do not
 * block in callbacks attached to them.
 */
public interface RedisPermits extends AutoCloseable {
  /** The start of every permits key, before the cache's key prefix: {@value}. */
  String KEY_NAMESPACE = "trinity:permits:";

  /** The longest a waiting {@link #acquire} goes without trying again: 100 ms. */
  Duration POLL_INTERVAL = Duration.ofMillis(100);

  /** The longest ttl a permit may be given: one day. */
  Duration MAX_TTL = Duration.ofDays(1);

  /**
   * Permits in the Redis of {@code cache.redis.*}: the same host, port, database, password, TLS,
   * key prefix and command timeout as the Redis tier. Starts connecting in the background; does not
   * fail or block when Redis is down (the calls do, until it is up).
   *
   * @param config the Redis settings
   * @return the permits; close them to release the connection
   * @throws NullPointerException if {@code config} is null
   * @throws IllegalStateException if {@code io.lettuce:lettuce-core} is not on the class path
   */
  static RedisPermits create(RedisTierConfig config) {
    Objects.requireNonNull(config, "config");
    try {
      Class.forName("io.lettuce.core.RedisClient", false, RedisPermits.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException(
          "Redis permits need io.lettuce:lettuce-core on the class path", e);
    }
    return LuaPermits.connect(config);
  }

  /**
   * Takes a permit of {@code resource} if fewer than {@code maxPermits} live permits exist.
   *
   * @param resource what the permits guard, such as a model endpoint; not blank
   * @param maxPermits how many permits may be live at once; at least 1
   * @param ttl how long the permit lives unless renewed; positive, at most {@link #MAX_TTL}, whole
   *     milliseconds
   * @return the permit, or empty when all are taken; completes exceptionally with {@link
   *     RedisPermitsException} when Redis fails
   * @throws IllegalArgumentException naming the argument when one is out of range
   * @throws NullPointerException if an argument is null
   */
  CompletionStage<Optional<Permit>> tryAcquire(String resource, int maxPermits, Duration ttl);

  /**
   * Takes a permit of {@code resource}, waiting at most {@code maxWait} for one to become free.
   * Waiting happens in this process, never inside Redis: after a refusal the call waits for a
   * release of the resource, announced by the release script on a Redis channel ({@code PUBLISH};
   * no server setting needed), or for the next poll (every {@link #POLL_INTERVAL} at most, the
   * safety net that also notices expired permits and lost messages), then tries again. Several
   * waiters woken by one release race for it; those that lose wait again. The stage is never
   * completed later than about {@code maxWait} plus one command timeout.
   *
   * @param resource what the permits guard; not blank
   * @param maxPermits how many permits may be live at once; at least 1
   * @param ttl how long the permit lives unless renewed; as for {@link #tryAcquire}
   * @param maxWait how long to wait for a free permit; zero or positive ({@code Duration.ZERO}
   *     tries once)
   * @return the permit, or empty when none became free within {@code maxWait}; completes
   *     exceptionally with {@link RedisPermitsException} when Redis fails
   * @throws IllegalArgumentException naming the argument when one is out of range
   * @throws NullPointerException if an argument is null
   */
  CompletionStage<Optional<Permit>> acquire(
      String resource, int maxPermits, Duration ttl, Duration maxWait);

  /**
   * Gives a live permit a new expiry {@code ttl} from now (Redis time).
   *
   * @param permit a permit from {@link #tryAcquire}
   * @param ttl the new time to live; positive, at most {@link #MAX_TTL}
   * @return true when renewed; false when the permit has already expired or been released (it is
   *     then no longer held, and the caller should stop relying on it); completes exceptionally
   *     with {@link RedisPermitsException} when Redis fails
   * @throws IllegalArgumentException if {@code ttl} is out of range
   * @throws NullPointerException if an argument is null
   */
  CompletionStage<Boolean> renew(Permit permit, Duration ttl);

  /**
   * Returns a permit. Idempotent: a second release, or the release of an expired permit that was
   * already purged, does nothing.
   *
   * @param permit a permit from {@link #tryAcquire}
   * @return true when this call freed the permit, false when it was no longer held; completes
   *     exceptionally with {@link RedisPermitsException} when Redis fails
   * @throws NullPointerException if {@code permit} is null
   */
  CompletionStage<Boolean> release(Permit permit);

  /**
   * Counts the live (unexpired) permits of a resource, by Redis time. For monitoring and tests: the
   * count may be stale by the time the caller reads it.
   *
   * @param resource the resource; not blank
   * @return the number of live permits; completes exceptionally with {@link RedisPermitsException}
   *     when Redis fails
   * @throws IllegalArgumentException if {@code resource} is blank
   */
  CompletionStage<Integer> inUse(String resource);

  /** Closes the connection. Calls after closing fail with {@link RedisPermitsException}. */
  @Override
  void close();

  /**
   * A permit held on a resource.
   *
   * @param resource the resource it was acquired on
   * @param id its unique id, a random UUID
   */
  record Permit(String resource, String id) {
    /**
     * Checks the fields.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if a field is blank
     */
    public Permit {
      dev.trinity.api.internal.Checks.requireNonBlank(resource, "resource");
      dev.trinity.api.internal.Checks.requireNonBlank(id, "id");
    }
  }
}
