package dev.trinity.cache;

import dev.trinity.api.internal.Checks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The {@code cache:} section of Trinity's configuration: whether to cache, which tiers, for how
 * long, and one small settings value per tier ({@link #memory()}, {@link #redis()}, {@link
 * #filesystem()}). Immutable and thread-safe; build with {@link #builder()} or start from {@link
 * #ofDefaults()}. Every setter validates its argument and names the YAML key it rejects.
 *
 * <pre>{@code
 * cache:
 *   enabled: true
 *   tiers: [memory, filesystem]     # add redis to share across processes
 *   ttl: 3600s
 *   memory:     { max_entries: 100 }
 *   redis:      { host: localhost, port: 6379, db: 0, password: null, key_prefix: "trinity:llm:",
 *                 command_timeout: 250ms, tls: false }
 *   filesystem: { directory: .cache/llm, max_size_mb: 100 }
 * }</pre>
 *
 * <pre>{@code
 * CacheConfig config = CacheConfig.builder()
 *     .tiers(TierType.MEMORY, TierType.REDIS)
 *     .redis(r -> r.host("cache.internal").password(secret))
 *     .build();
 * }</pre>
 *
 * <p>{@link #toString()} never shows the Redis password.
 *
 * @param enabled {@code cache.enabled}: whether to cache at all
 * @param tiers {@code cache.tiers}: the tiers to use, fastest first (memory, redis, filesystem)
 *     whatever the order they were given in; unmodifiable, without duplicates
 * @param ttl {@code cache.ttl}: how long a stored value lives, positive
 * @param memory {@code cache.memory}: the memory tier's settings
 * @param redis {@code cache.redis}: the Redis tier's settings
 * @param filesystem {@code cache.filesystem}: the filesystem tier's settings
 */
public record CacheConfig(
    boolean enabled,
    List<TierType> tiers,
    Duration ttl,
    MemoryTierConfig memory,
    RedisTierConfig redis,
    FilesystemTierConfig filesystem) {
  /** Default of {@code cache.enabled}: {@value}. */
  public static final boolean DEFAULT_ENABLED = true;

  /** Default of {@code cache.tiers}: memory, then filesystem. */
  public static final List<TierType> DEFAULT_TIERS = List.of(TierType.MEMORY, TierType.FILESYSTEM);

  /** Default of {@code cache.ttl}: 3600 s. */
  public static final Duration DEFAULT_TTL = Duration.ofSeconds(3600);

  private static final CacheConfig DEFAULTS = builder().build();

  /**
   * Validates the settings and puts the tiers in order, fastest first.
   *
   * @throws NullPointerException when a part is null
   * @throws IllegalArgumentException when a tier is listed twice or the TTL is not positive
   */
  public CacheConfig {
    tiers = orderedTiers(tiers);
    Checks.requirePositive(ttl, "cache.ttl");
    Objects.requireNonNull(memory, "cache.memory");
    Objects.requireNonNull(redis, "cache.redis");
    Objects.requireNonNull(filesystem, "cache.filesystem");
  }

  /**
   * The defaults: enabled, memory then filesystem, one hour.
   *
   * @return the default configuration
   */
  public static CacheConfig ofDefaults() {
    return DEFAULTS;
  }

  /**
   * A builder starting from the defaults.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder starting from this configuration.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.enabled = enabled;
    b.tiers = tiers;
    b.ttl = ttl;
    b.memory = memory.toBuilder();
    b.redis = redis.toBuilder();
    b.filesystem = filesystem.toBuilder();
    return b;
  }

  private static List<TierType> orderedTiers(List<TierType> tiers) {
    Objects.requireNonNull(tiers, "cache.tiers");
    Set<TierType> set = EnumSet.noneOf(TierType.class);
    for (TierType t : tiers) {
      Objects.requireNonNull(t, "cache.tiers element");
      Checks.requireArgument(set.add(t), () -> "cache.tiers lists " + t.yamlName() + " twice");
    }
    return List.copyOf(new ArrayList<>(set));
  }

  /**
   * Builds a {@link CacheConfig}. Setters validate at once and throw {@link
   * IllegalArgumentException} naming the YAML key. Not thread-safe.
   */
  public static final class Builder {
    private boolean enabled = DEFAULT_ENABLED;
    private List<TierType> tiers = DEFAULT_TIERS;
    private Duration ttl = DEFAULT_TTL;
    private MemoryTierConfig.Builder memory = MemoryTierConfig.builder();
    private RedisTierConfig.Builder redis = RedisTierConfig.builder();
    private FilesystemTierConfig.Builder filesystem = FilesystemTierConfig.builder();

    private Builder() {}

    /**
     * Sets {@code cache.enabled}.
     *
     * @param enabled false to turn caching off
     * @return this builder
     */
    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /**
     * Sets {@code cache.tiers}. The manager consults them fastest first whatever the order here.
     *
     * @param tiers the tiers, without duplicates; empty means no caching
     * @return this builder
     * @throws IllegalArgumentException when a tier is listed twice
     */
    public Builder tiers(List<TierType> tiers) {
      this.tiers = orderedTiers(tiers);
      return this;
    }

    /**
     * Sets {@code cache.tiers}.
     *
     * @param tiers the tiers, without duplicates
     * @return this builder
     * @throws IllegalArgumentException when a tier is listed twice
     */
    public Builder tiers(TierType... tiers) {
      return tiers(List.of(tiers));
    }

    /**
     * Sets {@code cache.ttl}.
     *
     * @param ttl positive
     * @return this builder
     * @throws IllegalArgumentException when zero or negative
     */
    public Builder ttl(Duration ttl) {
      this.ttl = Checks.requirePositive(ttl, "cache.ttl");
      return this;
    }

    /**
     * Replaces the {@code cache.memory} settings.
     *
     * @param memory the memory tier's settings
     * @return this builder
     */
    public Builder memory(MemoryTierConfig memory) {
      this.memory = Objects.requireNonNull(memory, "memory").toBuilder();
      return this;
    }

    /**
     * Changes the {@code cache.memory} settings in place, such as {@code .memory(m ->
     * m.maxEntries(10))}.
     *
     * @param change applied to the memory tier's builder; its setters validate at once
     * @return this builder
     * @throws IllegalArgumentException when the change sets a bad value
     */
    public Builder memory(Consumer<MemoryTierConfig.Builder> change) {
      change.accept(memory);
      return this;
    }

    /**
     * Replaces the {@code cache.redis} settings.
     *
     * @param redis the Redis tier's settings
     * @return this builder
     */
    public Builder redis(RedisTierConfig redis) {
      this.redis = Objects.requireNonNull(redis, "redis").toBuilder();
      return this;
    }

    /**
     * Changes the {@code cache.redis} settings in place, such as {@code .redis(r ->
     * r.host("cache.internal").port(6380))}.
     *
     * @param change applied to the Redis tier's builder; its setters validate at once
     * @return this builder
     * @throws IllegalArgumentException when the change sets a bad value
     */
    public Builder redis(Consumer<RedisTierConfig.Builder> change) {
      change.accept(redis);
      return this;
    }

    /**
     * Replaces the {@code cache.filesystem} settings.
     *
     * @param filesystem the filesystem tier's settings
     * @return this builder
     */
    public Builder filesystem(FilesystemTierConfig filesystem) {
      this.filesystem = Objects.requireNonNull(filesystem, "filesystem").toBuilder();
      return this;
    }

    /**
     * Changes the {@code cache.filesystem} settings in place, such as {@code .filesystem(f ->
     * f.directory(dir))}.
     *
     * @param change applied to the filesystem tier's builder; its setters validate at once
     * @return this builder
     * @throws IllegalArgumentException when the change sets a bad value
     */
    public Builder filesystem(Consumer<FilesystemTierConfig.Builder> change) {
      change.accept(filesystem);
      return this;
    }

    /**
     * Builds the configuration.
     *
     * @return the immutable configuration
     */
    public CacheConfig build() {
      return new CacheConfig(
          enabled, tiers, ttl, memory.build(), redis.build(), filesystem.build());
    }
  }
}
