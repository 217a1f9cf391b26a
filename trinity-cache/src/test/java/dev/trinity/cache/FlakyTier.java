package dev.trinity.cache;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A test tier that works (backed by a memory tier), throws, or fails its futures, on demand. */
class FlakyTier implements CacheTier {
  enum Mode {
    WORKING,
    THROWING,
    FAILING_FUTURES
  }

  private final String name;
  private final CacheTier delegate;
  private volatile Mode mode = Mode.WORKING;

  FlakyTier(String name, Clock clock) {
    this.name = name;
    this.delegate = CacheTiers.memory(CacheConfig.ofDefaults(), clock);
  }

  void mode(Mode mode) {
    this.mode = mode;
  }

  private <T> CompletableFuture<T> call(CompletableFuture<T> whenWorking) {
    switch (mode) {
      case THROWING:
        throw new IllegalStateException(name + " is broken");
      case FAILING_FUTURES:
        return CompletableFuture.failedFuture(new IllegalStateException(name + " is broken"));
      default:
        return whenWorking;
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public CompletableFuture<Optional<CacheEntry>> get(String key) {
    return call(mode == Mode.WORKING ? delegate.get(key) : null);
  }

  @Override
  public CompletableFuture<Void> put(String key, String value, Duration ttl) {
    return call(mode == Mode.WORKING ? delegate.put(key, value, ttl) : null);
  }

  @Override
  public CompletableFuture<Void> put(String key, CacheEntry entry) {
    return call(mode == Mode.WORKING ? delegate.put(key, entry) : null);
  }

  @Override
  public CompletableFuture<Void> delete(String key) {
    return call(mode == Mode.WORKING ? delegate.delete(key) : null);
  }

  @Override
  public CompletableFuture<Void> clear() {
    return call(mode == Mode.WORKING ? delegate.clear() : null);
  }

  @Override
  public TierStats stats() {
    return TierStats.empty(name);
  }

  @Override
  public TierHealth health() {
    return TierHealth.up();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
