package dev.trinity.cache;

import dev.trinity.api.internal.Checks;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code cache.redis:} section: where the Redis tier connects and how it names its keys.
 * Immutable and thread-safe. {@link #toString()} never shows the password.
 *
 * <pre>{@code
 * cache:
 *   redis: { host: localhost, port: 6379, db: 0, password: null, key_prefix: "trinity:llm:",
 *            command_timeout: 250ms, tls: false }
 * }</pre>
 *
 * @param host {@code cache.redis.host}: a host name or address, not blank
 * @param port {@code cache.redis.port}: 1 to 65535
 * @param db {@code cache.redis.db}: the database number, zero or positive
 * @param password {@code cache.redis.password}, a secret never shown by {@link #toString()}; null
 *     when Redis needs none
 * @param keyPrefix {@code cache.redis.key_prefix}: prepended to every key; {@link
 *     CacheTier#clear()} removes only keys under it
 * @param commandTimeout {@code cache.redis.command_timeout}: how long a command may take before the
 *     tier treats Redis as down, positive and at most one minute
 * @param tls {@code cache.redis.tls}: whether to connect with TLS ({@code rediss://})
 */
public record RedisTierConfig(
    String host,
    int port,
    int db,
    @Nullable String password,
    String keyPrefix,
    Duration commandTimeout,
    boolean tls) {
  /** Default of {@code cache.redis.host}: {@value}. */
  public static final String DEFAULT_HOST = "localhost";

  /** Default of {@code cache.redis.port}: {@value}. */
  public static final int DEFAULT_PORT = 6379;

  /** Default of {@code cache.redis.db}: {@value}. */
  public static final int DEFAULT_DB = 0;

  /** Default of {@code cache.redis.key_prefix}: {@value}. */
  public static final String DEFAULT_KEY_PREFIX = "trinity:llm:";

  /** Default of {@code cache.redis.command_timeout}: 250 ms. */
  public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMillis(250);

  /** Default of {@code cache.redis.tls}: {@value}. */
  public static final boolean DEFAULT_TLS = false;

  private static final Duration MAX_COMMAND_TIMEOUT = Duration.ofMinutes(1);

  private static final RedisTierConfig DEFAULTS =
      new RedisTierConfig(
          DEFAULT_HOST,
          DEFAULT_PORT,
          DEFAULT_DB,
          null,
          DEFAULT_KEY_PREFIX,
          DEFAULT_COMMAND_TIMEOUT,
          DEFAULT_TLS);

  /**
   * Validates and normalises the settings: the host is stripped, an empty password means none.
   *
   * @throws NullPointerException when host, key prefix or command timeout is null
   * @throws IllegalArgumentException naming the key of the first bad value
   */
  public RedisTierConfig {
    host = checkHost(host);
    Checks.requireRange(port, 1, 65535, "cache.redis.port");
    Checks.requireNonNegative(db, "cache.redis.db");
    password = password == null || password.isEmpty() ? null : password;
    Objects.requireNonNull(keyPrefix, "cache.redis.key_prefix");
    checkCommandTimeout(commandTimeout);
  }

  /**
   * The defaults: {@code redis://localhost:6379/0}, no password.
   *
   * @return the default settings
   */
  public static RedisTierConfig ofDefaults() {
    return DEFAULTS;
  }

  /**
   * A builder starting from the defaults.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder(DEFAULTS);
  }

  /**
   * A builder starting from these settings.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Describes the settings with the password masked.
   *
   * @return for example {@code RedisTierConfig[redis://localhost:6379/0, password=none, …]}
   */
  @Override
  public String toString() {
    return "RedisTierConfig["
        + (tls ? "rediss://" : "redis://")
        + host
        + ":"
        + port
        + "/"
        + db
        + ", password="
        + (password == null ? "none" : "****")
        + ", keyPrefix="
        + keyPrefix
        + ", commandTimeout="
        + commandTimeout
        + "]";
  }

  private static String checkHost(String host) {
    return Checks.requireNonBlank(host, "cache.redis.host").strip();
  }

  private static Duration checkCommandTimeout(Duration timeout) {
    Checks.requirePositive(timeout, "cache.redis.command_timeout");
    return Checks.requireAtMost(timeout, MAX_COMMAND_TIMEOUT, "cache.redis.command_timeout");
  }

  /** Builds a {@link RedisTierConfig}; setters validate at once. Not thread-safe. */
  public static final class Builder {
    private String host;
    private int port;
    private int db;
    private @Nullable String password;
    private String keyPrefix;
    private Duration commandTimeout;
    private boolean tls;

    private Builder(RedisTierConfig from) {
      this.host = from.host;
      this.port = from.port;
      this.db = from.db;
      this.password = from.password;
      this.keyPrefix = from.keyPrefix;
      this.commandTimeout = from.commandTimeout;
      this.tls = from.tls;
    }

    /**
     * Sets {@code cache.redis.host}.
     *
     * @param host a host name or address, not blank
     * @return this builder
     * @throws IllegalArgumentException when blank
     */
    public Builder host(String host) {
      this.host = checkHost(host);
      return this;
    }

    /**
     * Sets {@code cache.redis.port}.
     *
     * @param port 1 to 65535
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder port(int port) {
      this.port = Checks.requireRange(port, 1, 65535, "cache.redis.port");
      return this;
    }

    /**
     * Sets {@code cache.redis.db}.
     *
     * @param db zero or positive
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder db(int db) {
      this.db = Checks.requireNonNegative(db, "cache.redis.db");
      return this;
    }

    /**
     * Sets {@code cache.redis.password}.
     *
     * @param password the password; null or empty for none
     * @return this builder
     */
    public Builder password(@Nullable String password) {
      this.password = password == null || password.isEmpty() ? null : password;
      return this;
    }

    /**
     * Sets {@code cache.redis.key_prefix}.
     *
     * @param keyPrefix any text, possibly empty
     * @return this builder
     */
    public Builder keyPrefix(String keyPrefix) {
      this.keyPrefix = Objects.requireNonNull(keyPrefix, "cache.redis.key_prefix");
      return this;
    }

    /**
     * Sets {@code cache.redis.command_timeout}.
     *
     * @param timeout positive, at most one minute
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder commandTimeout(Duration timeout) {
      this.commandTimeout = checkCommandTimeout(timeout);
      return this;
    }

    /**
     * Sets {@code cache.redis.tls}.
     *
     * @param tls true to connect with TLS
     * @return this builder
     */
    public Builder tls(boolean tls) {
      this.tls = tls;
      return this;
    }

    /**
     * Builds the settings.
     *
     * @return the immutable settings
     */
    public RedisTierConfig build() {
      return new RedisTierConfig(host, port, db, password, keyPrefix, commandTimeout, tls);
    }
  }
}
