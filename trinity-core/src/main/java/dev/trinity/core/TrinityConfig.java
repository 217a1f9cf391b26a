package dev.trinity.core;

import dev.trinity.api.ConfigurationException;
import dev.trinity.cache.CacheConfig;
import dev.trinity.cache.TierType;
import dev.trinity.core.resilience.CircuitBreakerConfig;
import dev.trinity.core.resilience.ConcurrencyLimitConfig;
import dev.trinity.core.resilience.RetryConfig;
import java.util.Objects;

/**
 * Trinity's whole configuration, one section per concern. Immutable; build with {@link #builder()},
 * or load with {@link Trinity#fromConfig(java.nio.file.Path)} (defaults &lt; YAML file &lt;
 * environment variables). Equality, hashing and {@link #toString()} (secrets masked by each
 * section) cover every section.
 *
 * @param llm the {@code llm:} section: the model server
 * @param retry the {@code retry:} section: the retry policy
 * @param circuitBreaker the {@code circuit_breaker:} section: one breaker per provider endpoint
 * @param concurrencyLimit the {@code concurrency_limit:} section; its {@link
 *     ConcurrencyLimitConfig#maxConcurrency()} is the one home of {@code llm.max_concurrency}
 * @param cache the {@code cache:} section: tiers, TTL and per-tier settings
 * @param logging the {@code logging:} section; empty unless set
 * @param fleet the {@code fleet:} section: fleet-wide single flight across JVMs sharing Redis
 */
public record TrinityConfig(
    LlmConfig llm,
    RetryConfig retry,
    CircuitBreakerConfig circuitBreaker,
    ConcurrencyLimitConfig concurrencyLimit,
    CacheConfig cache,
    LoggingConfig logging,
    FleetConfig fleet) {
  private static final TrinityConfig DEFAULTS = builder().build();

  /**
   * Checks that no section is null, and that fleet mode has the Redis tier it needs.
   *
   * @throws NullPointerException naming the missing section
   * @throws ConfigurationException when {@code fleet.enabled} is true without the Redis cache tier
   *     ({@code cache.enabled: true} and {@code redis} in {@code cache.tiers})
   */
  public TrinityConfig {
    Objects.requireNonNull(llm, "llm");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(circuitBreaker, "circuitBreaker");
    Objects.requireNonNull(concurrencyLimit, "concurrencyLimit");
    Objects.requireNonNull(cache, "cache");
    Objects.requireNonNull(logging, "logging");
    Objects.requireNonNull(fleet, "fleet");
    if (fleet.enabled() && !(cache.enabled() && cache.tiers().contains(TierType.REDIS))) {
      throw new ConfigurationException(
          "fleet.enabled",
          "needs the Redis cache tier, where leases live and answers are shared: set"
              + " cache.enabled: true and list redis in cache.tiers (cache.enabled was "
              + cache.enabled()
              + ", cache.tiers was "
              + cache.tiers().stream().map(TierType::yamlName).toList()
              + ")");
    }
  }

  /**
   * Every section at its defaults.
   *
   * @return the default configuration
   */
  public static TrinityConfig ofDefaults() {
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
    return new Builder()
        .llm(llm)
        .retry(retry)
        .circuitBreaker(circuitBreaker)
        .concurrencyLimit(concurrencyLimit)
        .cache(cache)
        .logging(logging)
        .fleet(fleet);
  }

  /** Builds a {@link TrinityConfig}. Not thread-safe. */
  public static final class Builder {
    private LlmConfig llm = LlmConfig.ofDefaults();
    private RetryConfig retry = RetryConfig.ofDefaults();
    private CircuitBreakerConfig circuitBreaker = CircuitBreakerConfig.ofDefaults();
    private ConcurrencyLimitConfig concurrencyLimit = ConcurrencyLimitConfig.ofDefaults();
    private CacheConfig cache = CacheConfig.ofDefaults();
    private LoggingConfig logging = LoggingConfig.none();
    private FleetConfig fleet = FleetConfig.ofDefaults();

    private Builder() {}

    /**
     * Sets the {@code llm:} section.
     *
     * @param llm the model server settings
     * @return this builder
     */
    public Builder llm(LlmConfig llm) {
      this.llm = Objects.requireNonNull(llm, "llm");
      return this;
    }

    /**
     * Sets the {@code retry:} section.
     *
     * @param retry the retry policy
     * @return this builder
     */
    public Builder retry(RetryConfig retry) {
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    /**
     * Sets the {@code circuit_breaker:} section.
     *
     * @param circuitBreaker the breaker settings
     * @return this builder
     */
    public Builder circuitBreaker(CircuitBreakerConfig circuitBreaker) {
      this.circuitBreaker = Objects.requireNonNull(circuitBreaker, "circuitBreaker");
      return this;
    }

    /**
     * Sets the {@code concurrency_limit:} section, including the most calls in flight to one
     * endpoint ({@code llm.max_concurrency} in a configuration file).
     *
     * @param concurrencyLimit the limit settings
     * @return this builder
     */
    public Builder concurrencyLimit(ConcurrencyLimitConfig concurrencyLimit) {
      this.concurrencyLimit = Objects.requireNonNull(concurrencyLimit, "concurrencyLimit");
      return this;
    }

    /**
     * Sets the {@code cache:} section.
     *
     * @param cache the cache settings
     * @return this builder
     */
    public Builder cache(CacheConfig cache) {
      this.cache = Objects.requireNonNull(cache, "cache");
      return this;
    }

    /**
     * Sets the {@code logging:} section.
     *
     * @param logging the logging settings; {@link LoggingConfig#none()} leaves logging to the host
     * @return this builder
     */
    public Builder logging(LoggingConfig logging) {
      this.logging = Objects.requireNonNull(logging, "logging");
      return this;
    }

    /**
     * Sets the {@code fleet:} section.
     *
     * @param fleet the fleet settings
     * @return this builder
     */
    public Builder fleet(FleetConfig fleet) {
      this.fleet = Objects.requireNonNull(fleet, "fleet");
      return this;
    }

    /**
     * Builds the configuration.
     *
     * @return the immutable configuration
     * @throws ConfigurationException when fleet mode is on without the Redis cache tier
     */
    public TrinityConfig build() {
      return new TrinityConfig(llm, retry, circuitBreaker, concurrencyLimit, cache, logging, fleet);
    }
  }
}
