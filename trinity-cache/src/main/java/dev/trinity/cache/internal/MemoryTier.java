package dev.trinity.cache.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.trinity.api.internal.Checks;
import dev.trinity.cache.CacheEntry;
import dev.trinity.cache.CacheTier;
import dev.trinity.cache.MemoryTierConfig;
import dev.trinity.cache.TierHealth;
import dev.trinity.cache.TierStats;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The in-process tier: a Caffeine cache bounded by entry count (W-TinyLFU eviction), each entry
 * expiring at its own {@link CacheEntry#expiresAt()} through a Caffeine {@link Expiry}. Caffeine
 * reads time from the injected clock, so tests advance a fake clock instead of waiting.
 *
 * <p>Every operation completes before it returns (the futures are already complete). Caffeine's
 * maintenance (eviction, expiry clean-up) runs on the given executor; the default, {@code
 * Runnable::run}, runs it on the calling thread, starts no thread and makes the size bound hold as
 * soon as a put returns.
 */
public final class MemoryTier implements CacheTier {
  /** The tier's name. */
  public static final String NAME = "memory";

  /** Caffeine's own cap on a duration: about 146 years. */
  private static final long MAX_EXPIRY_NANOS = Long.MAX_VALUE >> 1;

  private final Clock clock;
  private final Cache<String, CacheEntry> cache;
  private final StatsRecorder stats = new StatsRecorder();
  private volatile boolean closed;

  /**
   * A memory tier.
   *
   * @param maxEntries the most entries kept; at least 1
   * @param clock the time source of expiry
   * @param executor where Caffeine runs its maintenance
   */
  public MemoryTier(int maxEntries, Clock clock, Executor executor) {
    Checks.requireRange(
        maxEntries, 1, MemoryTierConfig.MAX_MAX_ENTRIES, "cache.memory.max_entries");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(maxEntries)
            .expireAfter(new EntryExpiry())
            .ticker(() -> Times.epochNanos(clock.instant()))
            .executor(Objects.requireNonNull(executor, "executor"))
            .evictionListener(
                (String key, CacheEntry entry, RemovalCause cause) -> stats.evicted(1))
            .build();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CompletableFuture<Optional<CacheEntry>> get(String key) {
    Objects.requireNonNull(key, "key");
    if (closed) {
      stats.skipped();
      return miss();
    }
    long start = System.nanoTime();
    CacheEntry entry = cache.getIfPresent(key);
    if (entry != null && entry.isExpiredAt(clock.instant())) {
      cache.asMap().remove(key, entry);
      entry = null;
    }
    stats.latencySince(start);
    if (entry == null) {
      stats.miss();
      return miss();
    }
    stats.hit();
    return CompletableFuture.completedFuture(Optional.of(entry));
  }

  @Override
  public CompletableFuture<Void> put(String key, String value, Duration ttl) {
    return put(key, CacheEntry.of(value, clock.instant(), ttl));
  }

  @Override
  public CompletableFuture<Void> put(String key, CacheEntry entry) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(entry, "entry");
    if (closed) {
      stats.skipped();
      return done();
    }
    if (entry.isExpiredAt(clock.instant())) {
      return done();
    }
    long start = System.nanoTime();
    cache.put(key, entry);
    stats.latencySince(start);
    stats.put();
    return done();
  }

  @Override
  public CompletableFuture<Void> delete(String key) {
    Objects.requireNonNull(key, "key");
    cache.invalidate(key);
    return done();
  }

  @Override
  public CompletableFuture<Void> clear() {
    cache.invalidateAll();
    return done();
  }

  @Override
  public TierStats stats() {
    return stats.snapshot(NAME);
  }

  @Override
  public TierHealth health() {
    return closed ? TierHealth.disabled("closed") : TierHealth.up();
  }

  @Override
  public void close() {
    closed = true;
    cache.invalidateAll();
  }

  // fresh futures: a caller may complete or obtrude what it is given
  private static CompletableFuture<Optional<CacheEntry>> miss() {
    return CompletableFuture.completedFuture(Optional.empty());
  }

  private static CompletableFuture<Void> done() {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public String toString() {
    return "MemoryTier[maxEntries=" + cache.policy().eviction().orElseThrow().getMaximum() + "]";
  }

  /** Each entry lives until its own expiry instant; reads do not extend it. */
  private static final class EntryExpiry implements Expiry<String, CacheEntry> {
    @Override
    public long expireAfterCreate(String key, CacheEntry entry, long currentTime) {
      long expiresAt = Times.epochNanos(entry.expiresAt());
      long remaining;
      try {
        remaining = Math.subtractExact(expiresAt, currentTime);
      } catch (ArithmeticException e) {
        remaining = expiresAt > currentTime ? MAX_EXPIRY_NANOS : 0L;
      }
      return Math.min(Math.max(0L, remaining), MAX_EXPIRY_NANOS);
    }

    @Override
    public long expireAfterUpdate(
        String key, CacheEntry entry, long currentTime, long currentDuration) {
      return expireAfterCreate(key, entry, currentTime);
    }

    @Override
    public long expireAfterRead(
        String key, CacheEntry entry, long currentTime, long currentDuration) {
      return currentDuration;
    }
  }
}
