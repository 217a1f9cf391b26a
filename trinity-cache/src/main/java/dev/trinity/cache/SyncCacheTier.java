package dev.trinity.cache;

import java.time.Duration;
import java.util.Optional;

/**
 * A blocking view of a {@link CacheTier}, obtained from {@link CacheTier#sync()}. Each method waits
 * for the tier's asynchronous method and returns its result. Thread-safe when the tier is.
 *
 * <p>The built-in tiers never fail their futures, so these methods do not throw for a failing
 * backend. If a custom tier fails a future, the failure is rethrown unwrapped when it is unchecked
 * and wrapped in a {@link java.util.concurrent.CompletionException} otherwise.
 */
public interface SyncCacheTier {

  /**
   * The asynchronous tier behind this view.
   *
   * @return the tier
   */
  CacheTier asyncTier();

  /**
   * Looks up a key and waits.
   *
   * @param key any string
   * @return the live entry, or empty
   * @see CacheTier#get(String)
   */
  Optional<CacheEntry> get(String key);

  /**
   * Stores a value and waits.
   *
   * @param key any string
   * @param value the text
   * @param ttl positive
   * @throws IllegalArgumentException when {@code ttl} is zero or negative
   * @see CacheTier#put(String, String, Duration)
   */
  void put(String key, String value, Duration ttl);

  /**
   * Stores an entry until its own expiry and waits.
   *
   * @param key any string
   * @param entry the entry
   * @see CacheTier#put(String, CacheEntry)
   */
  void put(String key, CacheEntry entry);

  /**
   * Removes a key and waits.
   *
   * @param key any string
   * @see CacheTier#delete(String)
   */
  void delete(String key);

  /**
   * Removes every entry of the tier and waits.
   *
   * @see CacheTier#clear()
   */
  void clear();
}
