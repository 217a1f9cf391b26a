package dev.trinity.cache.internal;

import dev.trinity.api.internal.Checks;
import dev.trinity.cache.CacheEntry;
import dev.trinity.cache.CacheTier;
import dev.trinity.cache.TierHealth;
import dev.trinity.cache.TierStats;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A tier that cannot serve (its backend is missing): every get misses, every write is dropped. */
public final class DisabledTier implements CacheTier {
  private final String name;
  private final TierHealth health;
  private final StatsRecorder stats = new StatsRecorder();

  /**
   * A disabled tier.
   *
   * @param name the tier's name
   * @param reason why it cannot serve
   */
  public DisabledTier(String name, String reason) {
    this.name = name;
    this.health = TierHealth.disabled(reason);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public CompletableFuture<Optional<CacheEntry>> get(String key) {
    stats.skipped();
    return CompletableFuture.completedFuture(Optional.empty());
  }

  @Override
  public CompletableFuture<Void> put(String key, String value, Duration ttl) {
    Checks.requirePositive(ttl, "ttl");
    stats.skipped();
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<Void> put(String key, CacheEntry entry) {
    stats.skipped();
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<Void> delete(String key) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<Void> clear() {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public TierStats stats() {
    return stats.snapshot(name);
  }

  @Override
  public TierHealth health() {
    return health;
  }

  @Override
  public void close() {}

  @Override
  public String toString() {
    return "DisabledTier[" + name + ": " + health.reason().orElse("") + "]";
  }
}
