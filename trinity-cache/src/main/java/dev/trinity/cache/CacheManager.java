package dev.trinity.cache;

import dev.trinity.cache.internal.Failures;
import dev.trinity.cache.internal.HealthGate;
import dev.trinity.cache.internal.StatsRecorder;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cache of strings in ordered tiers, fastest first (memory → redis → filesystem).
 *
 * <ul>
 *   <li>{@link #get(String)} asks the tiers in order and stops at the first live entry. A hit in a
 *       slower tier is copied into the faster ones with its <em>remaining</em> time to live
 *       (promotion; best effort, the answer does not wait for it).
 *   <li>{@link #put(String, String, Duration)} stores into every tier; {@link #delete(String)} and
 *       {@link #clearAll()} reach every tier too.
 *   <li>A tier that fails — throws, returns a failed future — is skipped: a get goes on to the next
 *       tier, a write is dropped for that tier. The failure is counted in that tier's {@link
 *       #stats()} and logged once per change of state as the event {@code cache_tier_unavailable}
 *       (SLF4J key-values {@code cache_tier}, {@code error}; {@code cache_tier_available} when it
 *       serves again). No method's future ever completes exceptionally because of a tier.
 * </ul>
 *
 * <p>Build one from configuration with {@link #create(CacheConfig)}, or assemble it with {@link
 * #builder()}. {@link #disabled()} is a manager with no tiers.
 *
 * <p><b>Threads.</b> Thread-safe. The manager starts no thread. Futures complete on the thread of
 * the tier that answered last (the caller's thread for the memory tier, a Lettuce I/O thread for
 * Redis, a file I/O thread for the filesystem); stages that block must use an {@code *Async} method
 * with their own executor.
 *
 * <p><b>Lifecycle.</b> The manager owns its tiers: {@link #close()} closes every one of them. An
 * executor given to {@link Builder#fileExecutor(Executor)} stays the caller's to shut down.
 */
public final class CacheManager implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("dev.trinity.cache");

  private final List<Slot> slots;
  private final Clock clock;
  private final Duration defaultTtl;
  private final StatsRecorder overall = new StatsRecorder();
  private volatile boolean closed;

  private CacheManager(List<CacheTier> tiers, Clock clock, Duration defaultTtl) {
    List<Slot> s = new ArrayList<>(tiers.size());
    for (CacheTier tier : tiers) {
      s.add(new Slot(tier, clock));
    }
    this.slots = List.copyOf(s);
    this.clock = clock;
    this.defaultTtl = defaultTtl;
  }

  /**
   * A manager with the tiers {@code config} lists, reading time from the system clock and doing
   * file I/O on the filesystem tier's own small daemon pool. With {@code enabled: false}, the same
   * as {@link #disabled()}.
   *
   * @param config the {@code cache:} configuration
   * @return the manager
   */
  public static CacheManager create(CacheConfig config) {
    return builder().config(config).build();
  }

  /**
   * A manager with no tiers: every get misses, every write does nothing. For {@code cache.enabled:
   * false}.
   *
   * @return the disabled manager
   */
  public static CacheManager disabled() {
    return new CacheManager(List.of(), Clock.systemUTC(), CacheConfig.DEFAULT_TTL);
  }

  /**
   * A builder with the default configuration and the system clock.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Whether the manager has any tier.
   *
   * @return false for {@link #disabled()} or a configuration without tiers
   */
  public boolean isEnabled() {
    return !slots.isEmpty();
  }

  /**
   * The time to live of {@link #put(String, String)}: {@code cache.ttl}.
   *
   * @return the default time to live
   */
  public Duration defaultTtl() {
    return defaultTtl;
  }

  /**
   * Looks a key up, tier by tier, and promotes a hit into the faster tiers with its remaining time
   * to live.
   *
   * @param key any string
   * @return a future of the result; it never completes exceptionally because of a tier
   */
  public CompletableFuture<CacheResult> get(String key) {
    Objects.requireNonNull(key, "key");
    if (closed || slots.isEmpty()) {
      return CompletableFuture.completedFuture(CacheResult.miss());
    }
    return lookup(key, 0)
        .whenComplete(
            (result, error) -> {
              if (result != null && result.isHit()) {
                overall.hit();
              } else {
                overall.miss();
              }
            });
  }

  private CompletableFuture<CacheResult> lookup(String key, int index) {
    if (index == slots.size()) {
      return CompletableFuture.completedFuture(CacheResult.miss());
    }
    Slot slot = slots.get(index);
    if (slot.disabled()) {
      return lookup(key, index + 1);
    }
    return slot.call(() -> slot.tier.get(key), Optional.<CacheEntry>empty())
        .thenCompose(
            found -> {
              CacheEntry entry = found.orElse(null);
              if (entry == null || entry.isExpiredAt(clock.instant())) {
                return lookup(key, index + 1);
              }
              for (int faster = 0; faster < index; faster++) {
                Slot target = slots.get(faster);
                if (!target.disabled()) {
                  target.call(() -> target.tier.put(key, entry), null);
                }
              }
              return CompletableFuture.completedFuture(CacheResult.hit(slot.tier.name(), entry));
            });
  }

  /**
   * Stores a value in every tier for {@link #defaultTtl()}.
   *
   * @param key any string
   * @param value the text to cache
   * @return a future that completes when every tier has stored or dropped the value; never
   *     exceptionally because of a tier
   */
  public CompletableFuture<Void> put(String key, String value) {
    return put(key, value, defaultTtl);
  }

  /**
   * Stores a value in every tier.
   *
   * @param key any string
   * @param value the text to cache
   * @param ttl how long the value lives; positive
   * @return a future that completes when every tier has stored or dropped the value; never
   *     exceptionally because of a tier
   * @throws IllegalArgumentException when {@code ttl} is zero or negative
   */
  public CompletableFuture<Void> put(String key, String value, Duration ttl) {
    Objects.requireNonNull(key, "key");
    CacheEntry entry = CacheEntry.of(value, clock.instant(), ttl);
    if (closed || slots.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    overall.put();
    return onEveryTier(tier -> tier.put(key, entry));
  }

  /**
   * Removes a key from every tier.
   *
   * @param key any string
   * @return a future that completes when every tier is done; never exceptionally because of a tier
   */
  public CompletableFuture<Void> delete(String key) {
    Objects.requireNonNull(key, "key");
    return onEveryTier(tier -> tier.delete(key));
  }

  /**
   * Removes every entry from every tier (for Redis, only the keys under its prefix).
   *
   * @return a future that completes when every tier is done; never exceptionally because of a tier
   */
  public CompletableFuture<Void> clearAll() {
    return onEveryTier(CacheTier::clear);
  }

  private CompletableFuture<Void> onEveryTier(
      Function<CacheTier, CompletableFuture<Void>> operation) {
    if (closed || slots.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    List<CompletableFuture<@Nullable Void>> calls = new ArrayList<>(slots.size());
    for (Slot slot : slots) {
      if (!slot.disabled()) {
        calls.add(slot.call(() -> operation.apply(slot.tier), null));
      }
    }
    return CompletableFuture.allOf(calls.toArray(CompletableFuture<?>[]::new));
  }

  /**
   * The counters of the manager and of each tier. Failures of a tier that the manager absorbed are
   * added to that tier's {@link TierStats#errors()}.
   *
   * @return a snapshot
   */
  public CacheStats stats() {
    List<TierStats> tiers = new ArrayList<>(slots.size());
    long errors = 0;
    for (Slot slot : slots) {
      TierStats t = slot.stats();
      tiers.add(t);
      errors += t.errors();
    }
    TierStats mine = overall.snapshot("manager");
    return new CacheStats(mine.hits(), mine.misses(), mine.puts(), errors, tiers);
  }

  /**
   * The health of each tier, in lookup order. A tier whose last call failed in the manager's eyes
   * is reported DOWN with that failure, whatever it reports itself.
   *
   * @return tier name to health, in lookup order
   */
  public Map<String, TierHealth> health() {
    Map<String, TierHealth> health = new LinkedHashMap<>();
    for (Slot slot : slots) {
      health.put(slot.tier.name(), slot.health());
    }
    return health;
  }

  /** Closes every tier. Idempotent; never throws. Afterwards gets miss and writes do nothing. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (Slot slot : slots) {
      try {
        slot.tier.close();
      } catch (RuntimeException e) {
        LOG.debug("cache tier {} failed to close", slot.tier.name(), e);
      }
    }
  }

  @Override
  public String toString() {
    List<String> names = new ArrayList<>();
    for (Slot slot : slots) {
      names.add(slot.tier.name());
    }
    return "CacheManager" + names;
  }

  /** A tier and what the manager saw of it: failures it absorbed, and whether it last failed. */
  private static final class Slot {
    final CacheTier tier;
    final HealthGate observed;
    final LongAdder absorbedErrors = new LongAdder();

    Slot(CacheTier tier, Clock clock) {
      this.tier = tier;
      this.observed = HealthGate.up(tier.name(), clock, Duration.ZERO, Duration.ZERO);
    }

    boolean disabled() {
      try {
        return tier.health().status() == TierHealth.Status.DISABLED;
      } catch (RuntimeException e) {
        failed(e);
        return true;
      }
    }

    /** Calls the tier; a throw or a failed future becomes {@code fallback}, counted and logged. */
    <T extends @Nullable Object> CompletableFuture<T> call(
        Supplier<CompletableFuture<T>> operation, T fallback) {
      CompletableFuture<T> future;
      try {
        future = Objects.requireNonNull(operation.get(), "the tier returned no future");
      } catch (RuntimeException e) {
        failed(e);
        return CompletableFuture.completedFuture(fallback);
      }
      return future.handle(
          (value, error) -> {
            if (error != null) {
              failed(error);
              return fallback;
            }
            if (!observed.isUp()) {
              observed.succeeded();
            }
            return value == null ? fallback : value;
          });
    }

    void failed(Throwable error) {
      absorbedErrors.increment();
      observed.failed(Failures.describe(error));
      LOG.debug("cache tier {} failed", tier.name(), error);
    }

    TierStats stats() {
      TierStats own;
      try {
        own = tier.stats();
      } catch (RuntimeException e) {
        own = TierStats.empty(tier.name());
      }
      return own.plusErrors(absorbedErrors.sum());
    }

    TierHealth health() {
      if (!observed.isUp()) {
        return observed.health();
      }
      try {
        return tier.health();
      } catch (RuntimeException e) {
        return TierHealth.down(Failures.describe(e));
      }
    }
  }

  /**
   * Builds a {@link CacheManager}: from a {@link CacheConfig} (the default), or from tiers given
   * one by one. Not thread-safe.
   */
  public static final class Builder {
    private final List<CacheTier> tiers = new ArrayList<>();
    private CacheConfig config = CacheConfig.ofDefaults();
    private Clock clock = Clock.systemUTC();
    private @Nullable Executor fileExecutor;

    private Builder() {}

    /**
     * Sets the configuration: {@code enabled}, {@code ttl}, and the tiers to build when none is
     * given with {@link #tier(CacheTier)}.
     *
     * @param config the configuration
     * @return this builder
     */
    public Builder config(CacheConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * Adds a tier after those already added. Once a tier is added, the configuration's {@code
     * tiers} list is ignored. The manager takes ownership and closes it.
     *
     * @param tier the tier; its {@link CacheTier#name()} must differ from the other tiers'
     * @return this builder
     */
    public Builder tier(CacheTier tier) {
      tiers.add(Objects.requireNonNull(tier, "tier"));
      return this;
    }

    /**
     * Sets the clock of the manager and of the tiers it builds from the configuration. Give tiers
     * added with {@link #tier(CacheTier)} the same clock.
     *
     * @param clock the time source
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the executor of the filesystem tier built from the configuration, instead of its own
     * pool. The manager never shuts it down.
     *
     * @param executor a bounded executor for file I/O
     * @return this builder
     */
    public Builder fileExecutor(Executor executor) {
      this.fileExecutor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Builds the manager. With {@code enabled: false} the manager has no tiers, and tiers given to
     * {@link #tier(CacheTier)} are closed.
     *
     * @return the manager
     * @throws IllegalArgumentException when two tiers have the same name
     */
    public CacheManager build() {
      if (!config.enabled()) {
        tiers.forEach(CacheTier::close);
        return new CacheManager(List.of(), clock, config.ttl());
      }
      Set<String> names = new HashSet<>();
      for (CacheTier tier : tiers) {
        if (!names.add(tier.name())) {
          throw new IllegalArgumentException("two cache tiers are named " + tier.name());
        }
      }
      List<CacheTier> chosen = tiers.isEmpty() ? fromConfig() : tiers;
      return new CacheManager(chosen, clock, config.ttl());
    }

    private List<CacheTier> fromConfig() {
      List<CacheTier> built = new ArrayList<>();
      for (TierType type : config.tiers()) {
        built.add(
            switch (type) {
              case MEMORY -> CacheTiers.memory(config, clock);
              case REDIS -> CacheTiers.redis(config, clock);
              case FILESYSTEM ->
                  fileExecutor == null
                      ? CacheTiers.filesystem(config, clock)
                      : CacheTiers.filesystem(config, clock, fileExecutor);
            });
      }
      return built;
    }
  }
}
