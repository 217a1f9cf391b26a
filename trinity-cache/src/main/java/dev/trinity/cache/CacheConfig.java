package dev.trinity.cache;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@code cache:} section of Trinity's configuration. Immutable and thread-safe; build with
 * {@link #builder()} or start from {@link #ofDefaults()}. Every setter validates its argument and
 * names the YAML key it rejects.
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
 * <p>{@link #toString()} never shows the Redis password.
 */
public final class CacheConfig {
  /** Default of {@code cache.enabled}: {@value}. */
  public static final boolean DEFAULT_ENABLED = true;

  /** Default of {@code cache.tiers}: memory, then filesystem. */
  public static final List<TierType> DEFAULT_TIERS = List.of(TierType.MEMORY, TierType.FILESYSTEM);

  /** Default of {@code cache.ttl}: 3600 s. */
  public static final Duration DEFAULT_TTL = Duration.ofSeconds(3600);

  /** Default of {@code cache.memory.max_entries}: {@value}. */
  public static final int DEFAULT_MEMORY_MAX_ENTRIES = 100;

  /** Default of {@code cache.redis.host}: {@value}. */
  public static final String DEFAULT_REDIS_HOST = "localhost";

  /** Default of {@code cache.redis.port}: {@value}. */
  public static final int DEFAULT_REDIS_PORT = 6379;

  /** Default of {@code cache.redis.db}: {@value}. */
  public static final int DEFAULT_REDIS_DB = 0;

  /** Default of {@code cache.redis.key_prefix}: {@value}. */
  public static final String DEFAULT_REDIS_KEY_PREFIX = "trinity:llm:";

  /** Default of {@code cache.redis.command_timeout}: 250 ms. */
  public static final Duration DEFAULT_REDIS_COMMAND_TIMEOUT = Duration.ofMillis(250);

  /** Default of {@code cache.redis.tls}: {@value}. */
  public static final boolean DEFAULT_REDIS_TLS = false;

  /** Default of {@code cache.filesystem.directory}: {@code .cache/llm}. */
  public static final Path DEFAULT_FILESYSTEM_DIRECTORY = Path.of(".cache", "llm");

  /** Default of {@code cache.filesystem.max_size_mb}: {@value}. */
  public static final long DEFAULT_FILESYSTEM_MAX_SIZE_MB = 100;

  private static final CacheConfig DEFAULTS = builder().build();

  private final boolean enabled;
  private final List<TierType> tiers;
  private final Duration ttl;
  private final int memoryMaxEntries;
  private final String redisHost;
  private final int redisPort;
  private final int redisDb;
  private final @Nullable String redisPassword;
  private final String redisKeyPrefix;
  private final Duration redisCommandTimeout;
  private final boolean redisTls;
  private final Path filesystemDirectory;
  private final long filesystemMaxSizeMb;

  private CacheConfig(Builder b) {
    this.enabled = b.enabled;
    this.tiers = b.tiers;
    this.ttl = b.ttl;
    this.memoryMaxEntries = b.memoryMaxEntries;
    this.redisHost = b.redisHost;
    this.redisPort = b.redisPort;
    this.redisDb = b.redisDb;
    this.redisPassword = b.redisPassword;
    this.redisKeyPrefix = b.redisKeyPrefix;
    this.redisCommandTimeout = b.redisCommandTimeout;
    this.redisTls = b.redisTls;
    this.filesystemDirectory = b.filesystemDirectory;
    this.filesystemMaxSizeMb = b.filesystemMaxSizeMb;
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
    b.memoryMaxEntries = memoryMaxEntries;
    b.redisHost = redisHost;
    b.redisPort = redisPort;
    b.redisDb = redisDb;
    b.redisPassword = redisPassword;
    b.redisKeyPrefix = redisKeyPrefix;
    b.redisCommandTimeout = redisCommandTimeout;
    b.redisTls = redisTls;
    b.filesystemDirectory = filesystemDirectory;
    b.filesystemMaxSizeMb = filesystemMaxSizeMb;
    return b;
  }

  /**
   * {@code cache.enabled}: whether to cache at all.
   *
   * @return true when caching is on
   */
  public boolean enabled() {
    return enabled;
  }

  /**
   * {@code cache.tiers}: the tiers to use, fastest first (memory, redis, filesystem) whatever the
   * order they were given in.
   *
   * @return an unmodifiable list without duplicates
   */
  public List<TierType> tiers() {
    return tiers;
  }

  /**
   * {@code cache.ttl}: how long a stored value lives.
   *
   * @return a positive duration
   */
  public Duration ttl() {
    return ttl;
  }

  /**
   * {@code cache.memory.max_entries}: the most entries the memory tier keeps.
   *
   * @return at least 1
   */
  public int memoryMaxEntries() {
    return memoryMaxEntries;
  }

  /**
   * {@code cache.redis.host}.
   *
   * @return the Redis host name or address
   */
  public String redisHost() {
    return redisHost;
  }

  /**
   * {@code cache.redis.port}.
   *
   * @return 1 to 65535
   */
  public int redisPort() {
    return redisPort;
  }

  /**
   * {@code cache.redis.db}: the Redis database number.
   *
   * @return zero or positive
   */
  public int redisDb() {
    return redisDb;
  }

  /**
   * {@code cache.redis.password}. A secret: never log it.
   *
   * @return the password, empty when Redis needs none
   */
  public Optional<String> redisPassword() {
    return Optional.ofNullable(redisPassword);
  }

  /**
   * {@code cache.redis.key_prefix}: prepended to every key; {@link CacheTier#clear()} removes only
   * keys under it.
   *
   * @return the prefix, possibly empty
   */
  public String redisKeyPrefix() {
    return redisKeyPrefix;
  }

  /**
   * {@code cache.redis.command_timeout}: how long a Redis command may take before the tier treats
   * Redis as down.
   *
   * @return a positive duration
   */
  public Duration redisCommandTimeout() {
    return redisCommandTimeout;
  }

  /**
   * {@code cache.redis.tls}: whether to connect with TLS ({@code rediss://}).
   *
   * @return true for TLS
   */
  public boolean redisTls() {
    return redisTls;
  }

  /**
   * {@code cache.filesystem.directory}: where the filesystem tier keeps its files.
   *
   * @return the directory, relative paths being relative to the working directory
   */
  public Path filesystemDirectory() {
    return filesystemDirectory;
  }

  /**
   * {@code cache.filesystem.max_size_mb}: the cap on the filesystem tier's entry files, in MiB.
   *
   * @return at least 1
   */
  public long filesystemMaxSizeMb() {
    return filesystemMaxSizeMb;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CacheConfig c
        && enabled == c.enabled
        && tiers.equals(c.tiers)
        && ttl.equals(c.ttl)
        && memoryMaxEntries == c.memoryMaxEntries
        && redisHost.equals(c.redisHost)
        && redisPort == c.redisPort
        && redisDb == c.redisDb
        && Objects.equals(redisPassword, c.redisPassword)
        && redisKeyPrefix.equals(c.redisKeyPrefix)
        && redisCommandTimeout.equals(c.redisCommandTimeout)
        && redisTls == c.redisTls
        && filesystemDirectory.equals(c.filesystemDirectory)
        && filesystemMaxSizeMb == c.filesystemMaxSizeMb;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        enabled,
        tiers,
        ttl,
        memoryMaxEntries,
        redisHost,
        redisPort,
        redisDb,
        redisPassword,
        redisKeyPrefix,
        redisCommandTimeout,
        redisTls,
        filesystemDirectory,
        filesystemMaxSizeMb);
  }

  @Override
  public String toString() {
    return "CacheConfig[enabled="
        + enabled
        + ", tiers="
        + tiers
        + ", ttl="
        + ttl
        + ", memory.maxEntries="
        + memoryMaxEntries
        + ", redis="
        + (redisTls ? "rediss://" : "redis://")
        + redisHost
        + ":"
        + redisPort
        + "/"
        + redisDb
        + ", redis.password="
        + (redisPassword == null ? "none" : "****")
        + ", redis.keyPrefix="
        + redisKeyPrefix
        + ", redis.commandTimeout="
        + redisCommandTimeout
        + ", filesystem.directory="
        + filesystemDirectory
        + ", filesystem.maxSizeMb="
        + filesystemMaxSizeMb
        + "]";
  }

  /**
   * Builds a {@link CacheConfig}. Setters validate at once and throw {@link
   * IllegalArgumentException} naming the YAML key. Not thread-safe.
   */
  public static final class Builder {
    private boolean enabled = DEFAULT_ENABLED;
    private List<TierType> tiers = DEFAULT_TIERS;
    private Duration ttl = DEFAULT_TTL;
    private int memoryMaxEntries = DEFAULT_MEMORY_MAX_ENTRIES;
    private String redisHost = DEFAULT_REDIS_HOST;
    private int redisPort = DEFAULT_REDIS_PORT;
    private int redisDb = DEFAULT_REDIS_DB;
    private @Nullable String redisPassword;
    private String redisKeyPrefix = DEFAULT_REDIS_KEY_PREFIX;
    private Duration redisCommandTimeout = DEFAULT_REDIS_COMMAND_TIMEOUT;
    private boolean redisTls = DEFAULT_REDIS_TLS;
    private Path filesystemDirectory = DEFAULT_FILESYSTEM_DIRECTORY;
    private long filesystemMaxSizeMb = DEFAULT_FILESYSTEM_MAX_SIZE_MB;

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
      Objects.requireNonNull(tiers, "tiers");
      Set<TierType> set = EnumSet.noneOf(TierType.class);
      for (TierType t : tiers) {
        if (!set.add(Objects.requireNonNull(t, "tiers element"))) {
          throw new IllegalArgumentException("cache.tiers lists " + t.yamlName() + " twice");
        }
      }
      this.tiers = List.copyOf(new ArrayList<>(set));
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
      this.ttl = positive(ttl, "cache.ttl");
      return this;
    }

    /**
     * Sets {@code cache.memory.max_entries}.
     *
     * @param maxEntries 1 to 10,000,000
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder memoryMaxEntries(int maxEntries) {
      if (maxEntries < 1 || maxEntries > 10_000_000) {
        throw new IllegalArgumentException(
            "cache.memory.max_entries must be in [1, 10000000], was " + maxEntries);
      }
      this.memoryMaxEntries = maxEntries;
      return this;
    }

    /**
     * Sets {@code cache.redis.host}.
     *
     * @param host a host name or address, not blank
     * @return this builder
     * @throws IllegalArgumentException when blank
     */
    public Builder redisHost(String host) {
      Objects.requireNonNull(host, "host");
      if (host.isBlank()) {
        throw new IllegalArgumentException("cache.redis.host must not be blank");
      }
      this.redisHost = host.strip();
      return this;
    }

    /**
     * Sets {@code cache.redis.port}.
     *
     * @param port 1 to 65535
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder redisPort(int port) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("cache.redis.port must be in [1, 65535], was " + port);
      }
      this.redisPort = port;
      return this;
    }

    /**
     * Sets {@code cache.redis.db}.
     *
     * @param db zero or positive
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder redisDb(int db) {
      if (db < 0) {
        throw new IllegalArgumentException("cache.redis.db must be >= 0, was " + db);
      }
      this.redisDb = db;
      return this;
    }

    /**
     * Sets {@code cache.redis.password}.
     *
     * @param password the password; null or empty for none
     * @return this builder
     */
    public Builder redisPassword(@Nullable String password) {
      this.redisPassword = password == null || password.isEmpty() ? null : password;
      return this;
    }

    /**
     * Sets {@code cache.redis.key_prefix}.
     *
     * @param keyPrefix any text, possibly empty
     * @return this builder
     */
    public Builder redisKeyPrefix(String keyPrefix) {
      this.redisKeyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
      return this;
    }

    /**
     * Sets {@code cache.redis.command_timeout}.
     *
     * @param timeout positive, at most one minute
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder redisCommandTimeout(Duration timeout) {
      positive(timeout, "cache.redis.command_timeout");
      if (timeout.compareTo(Duration.ofMinutes(1)) > 0) {
        throw new IllegalArgumentException(
            "cache.redis.command_timeout must be at most 60s, was " + timeout);
      }
      this.redisCommandTimeout = timeout;
      return this;
    }

    /**
     * Sets {@code cache.redis.tls}.
     *
     * @param tls true to connect with TLS
     * @return this builder
     */
    public Builder redisTls(boolean tls) {
      this.redisTls = tls;
      return this;
    }

    /**
     * Sets {@code cache.filesystem.directory}.
     *
     * @param directory the directory; created when first used
     * @return this builder
     * @throws IllegalArgumentException when the path is empty
     */
    public Builder filesystemDirectory(Path directory) {
      Objects.requireNonNull(directory, "directory");
      if (directory.toString().isEmpty()) {
        throw new IllegalArgumentException("cache.filesystem.directory must not be empty");
      }
      this.filesystemDirectory = directory;
      return this;
    }

    /**
     * Sets {@code cache.filesystem.max_size_mb}.
     *
     * @param maxSizeMb 1 to 1,048,576 (1 TiB)
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder filesystemMaxSizeMb(long maxSizeMb) {
      if (maxSizeMb < 1 || maxSizeMb > 1_048_576) {
        throw new IllegalArgumentException(
            "cache.filesystem.max_size_mb must be in [1, 1048576], was " + maxSizeMb);
      }
      this.filesystemMaxSizeMb = maxSizeMb;
      return this;
    }

    /**
     * Builds the configuration.
     *
     * @return the immutable configuration
     */
    public CacheConfig build() {
      return new CacheConfig(this);
    }

    private static Duration positive(Duration d, String key) {
      Objects.requireNonNull(d, key);
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(key + " must be positive, was " + d);
      }
      return d;
    }
  }
}
