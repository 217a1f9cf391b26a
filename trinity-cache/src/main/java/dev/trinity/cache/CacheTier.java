package dev.trinity.cache;

import dev.trinity.cache.internal.SyncTierView;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One level of the cache: stores strings under string keys until an absolute expiry. The built-in
 * tiers come from {@link CacheTiers}; a host may add its own by implementing this interface.
 *
 * <p><b>Contract.</b> Every method returns at once and does its work asynchronously; none blocks
 * the calling thread on I/O, and every future completes in bounded time (a tier times out its own
 * backend calls). A tier degrades instead of failing: when its backend is unavailable a get
 * completes with an empty result and a write completes normally without storing, and the tier
 * reports the problem through {@link #health()} and {@link #stats()}. A tier never returns an
 * expired entry. Futures may complete on a thread of the tier (an I/O or event-loop thread):
 * dependent stages that block must use an {@code *Async} method with their own executor. {@link
 * CacheManager} also copes with tiers that break this contract: a tier that throws or returns a
 * failed future is skipped and counted, never passed on to the caller.
 *
 * <p><b>Thread-safety.</b> Implementations must be safe for concurrent use.
 *
 * <p><b>Lifecycle.</b> {@link #close()} releases the tier's connections and threads; afterwards the
 * tier is {@link TierHealth.Status#DISABLED}, a get is a miss and a write is dropped.
 */
public interface CacheTier extends AutoCloseable {

  /**
   * The tier's name, used in {@link CacheResult#tier()}, statistics and logs.
   *
   * @return a short lower-case name such as {@code memory}
   */
  String name();

  /**
   * Looks up a key.
   *
   * @param key any string; tiers map it to a safe storage key themselves
   * @return a future of the live entry, or of an empty optional on a miss, an expired or
   *     undecodable entry, or when the tier is not up
   */
  CompletableFuture<Optional<CacheEntry>> get(String key);

  /**
   * Stores a value that lives for {@code ttl} from now (by the tier's clock).
   *
   * @param key any string
   * @param value the text to store
   * @param ttl positive
   * @return a future that completes when the value is stored or the write was dropped
   * @throws IllegalArgumentException when {@code ttl} is zero or negative
   */
  CompletableFuture<Void> put(String key, String value, Duration ttl);

  /**
   * Stores an entry until its own {@link CacheEntry#expiresAt()}, keeping its creation instant:
   * this is how a hit in a slower tier is promoted with its remaining time to live. An entry that
   * has already expired is not stored.
   *
   * @param key any string
   * @param entry the entry to store
   * @return a future that completes when the entry is stored or the write was dropped
   */
  CompletableFuture<Void> put(String key, CacheEntry entry);

  /**
   * Removes a key. Removing a missing key is not an error.
   *
   * @param key any string
   * @return a future that completes when the key is gone or the tier is not up
   */
  CompletableFuture<Void> delete(String key);

  /**
   * Removes every entry this tier stored (for Redis: every key under the tier's prefix, nothing
   * else).
   *
   * @return a future that completes when the entries are gone or the tier is not up
   */
  CompletableFuture<Void> clear();

  /**
   * The tier's counters.
   *
   * @return a snapshot
   */
  TierStats stats();

  /**
   * Whether the tier is serving. Cheap and non-blocking; a tier may use the call to start a
   * background probe of its backend when one is due.
   *
   * @return the current health
   */
  TierHealth health();

  /**
   * A blocking view of this tier, like Caffeine's {@code AsyncCache.synchronous()}: each method
   * waits for the matching asynchronous one. For hosts and tests without an event loop; never call
   * it from a future's callback.
   *
   * @return a view backed by this tier
   */
  default SyncCacheTier sync() {
    return new SyncTierView(this);
  }

  /**
   * Releases the tier's resources. Idempotent; may wait briefly for connections and threads the
   * tier owns to stop. Never throws.
   */
  @Override
  void close();
}
