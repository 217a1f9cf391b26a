package dev.trinity.cache.internal;

import dev.trinity.cache.CacheEntry;
import dev.trinity.cache.CacheTier;
import dev.trinity.cache.SyncCacheTier;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The blocking view of a tier: waits for each future and unwraps unchecked failures. */
public final class SyncTierView implements SyncCacheTier {
  private final CacheTier tier;

  /**
   * A view of a tier.
   *
   * @param tier the tier
   */
  public SyncTierView(CacheTier tier) {
    this.tier = Objects.requireNonNull(tier, "tier");
  }

  @Override
  public CacheTier asyncTier() {
    return tier;
  }

  @Override
  public Optional<CacheEntry> get(String key) {
    return await(tier.get(key));
  }

  @Override
  public void put(String key, String value, Duration ttl) {
    await(tier.put(key, value, ttl));
  }

  @Override
  public void put(String key, CacheEntry entry) {
    await(tier.put(key, entry));
  }

  @Override
  public void delete(String key) {
    await(tier.delete(key));
  }

  @Override
  public void clear() {
    await(tier.clear());
  }

  @Override
  public String toString() {
    return "sync view of " + tier;
  }

  private static <T> T await(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }
}
