package dev.trinity.core;

import dev.trinity.cache.CacheConfig;
import dev.trinity.core.resilience.CircuitBreakerConfig;
import dev.trinity.core.resilience.ConcurrencyLimitConfig;
import dev.trinity.core.resilience.RetryConfig;
import java.util.Objects;

/**
 * Trinity's whole configuration, one section per concern. Immutable; build with {@link #builder()},
 * or load with {@link Trinity#fromConfig(java.nio.file.Path)} (defaults &lt; YAML file &lt;
 * environment variables).
 */
public final class TrinityConfig {
  private static final TrinityConfig DEFAULTS = builder().build();

  private final LlmConfig llm;
  private final RetryConfig retry;
  private final CircuitBreakerConfig circuitBreaker;
  private final ConcurrencyLimitConfig concurrencyLimit;
  private final CacheConfig cache;

  private TrinityConfig(Builder b) {
    cache = b.cache;
    llm = b.llm;
    retry = b.retry;
    circuitBreaker = b.circuitBreaker;
    concurrencyLimit = b.concurrencyLimit;
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
        .cache(cache);
  }

  /**
   * The {@code llm:} section.
   *
   * @return the model server settings
   */
  public LlmConfig llm() {
    return llm;
  }

  /**
   * The {@code retry:} section.
   *
   * @return the retry policy
   */
  public RetryConfig retry() {
    return retry;
  }

  /**
   * The {@code circuit_breaker:} section: one breaker per provider endpoint.
   *
   * @return the breaker settings
   */
  public CircuitBreakerConfig circuitBreaker() {
    return circuitBreaker;
  }

  /**
   * The {@code concurrency_limit:} section; its {@code maxConcurrency} is taken from {@code
   * llm.max_concurrency}.
   *
   * @return the limit settings
   */
  public ConcurrencyLimitConfig concurrencyLimit() {
    return concurrencyLimit;
  }

  /**
   * The {@code cache:} section: tiers, TTL and per-tier settings.
   *
   * @return the cache settings
   */
  public CacheConfig cache() {
    return cache;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrinityConfig c
        && cache.equals(c.cache)
        && llm.equals(c.llm)
        && retry.equals(c.retry)
        && circuitBreaker.equals(c.circuitBreaker)
        && concurrencyLimit.equals(c.concurrencyLimit);
  }

  @Override
  public int hashCode() {
    return Objects.hash(llm, retry, circuitBreaker, concurrencyLimit, cache);
  }

  /** Describes the configuration; secrets are masked. */
  @Override
  public String toString() {
    return "TrinityConfig[llm="
        + llm
        + ", retry="
        + retry
        + ", circuitBreaker="
        + circuitBreaker
        + ", concurrencyLimit="
        + concurrencyLimit
        + ", cache="
        + cache
        + "]";
  }

  /** Builds a {@link TrinityConfig}. */
  public static final class Builder {
    private LlmConfig llm = LlmConfig.ofDefaults();
    private RetryConfig retry = RetryConfig.ofDefaults();
    private CircuitBreakerConfig circuitBreaker = CircuitBreakerConfig.ofDefaults();
    private ConcurrencyLimitConfig concurrencyLimit = ConcurrencyLimitConfig.ofDefaults();
    private CacheConfig cache = CacheConfig.ofDefaults();

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
     * Sets the {@code concurrency_limit:} section.
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
     * Builds the configuration.
     *
     * @return the immutable configuration
     */
    public TrinityConfig build() {
      return new TrinityConfig(this);
    }
  }
}
