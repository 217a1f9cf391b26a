package dev.trinity.core;

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

  private TrinityConfig(Builder b) {
    llm = b.llm;
    retry = b.retry;
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
    return new Builder().llm(llm).retry(retry);
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

  @Override
  public boolean equals(Object o) {
    return o instanceof TrinityConfig c && llm.equals(c.llm) && retry.equals(c.retry);
  }

  @Override
  public int hashCode() {
    return Objects.hash(llm, retry);
  }

  /** Describes the configuration; secrets are masked. */
  @Override
  public String toString() {
    return "TrinityConfig[llm=" + llm + ", retry=" + retry + "]";
  }

  /** Builds a {@link TrinityConfig}. */
  public static final class Builder {
    private LlmConfig llm = LlmConfig.ofDefaults();
    private RetryConfig retry = RetryConfig.ofDefaults();

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
     * Builds the configuration.
     *
     * @return the immutable configuration
     */
    public TrinityConfig build() {
      return new TrinityConfig(this);
    }
  }
}
