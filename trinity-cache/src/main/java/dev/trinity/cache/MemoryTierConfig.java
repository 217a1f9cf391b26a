package dev.trinity.cache;

import dev.trinity.api.internal.Checks;

/**
 * The {@code cache.memory:} section: settings of the in-process memory tier. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * cache:
 *   memory: { max_entries: 100 }
 * }</pre>
 *
 * @param maxEntries {@code cache.memory.max_entries}: the most entries the tier keeps, 1 to
 *     10,000,000
 */
public record MemoryTierConfig(int maxEntries) {
  /** Default of {@code cache.memory.max_entries}: {@value}. */
  public static final int DEFAULT_MAX_ENTRIES = 100;

  /** The largest {@code cache.memory.max_entries} accepted: {@value}. */
  public static final int MAX_MAX_ENTRIES = 10_000_000;

  private static final MemoryTierConfig DEFAULTS = new MemoryTierConfig(DEFAULT_MAX_ENTRIES);

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException naming {@code cache.memory.max_entries} when out of range
   */
  public MemoryTierConfig {
    Checks.requireRange(maxEntries, 1, MAX_MAX_ENTRIES, "cache.memory.max_entries");
  }

  /**
   * The defaults.
   *
   * @return the default settings
   */
  public static MemoryTierConfig ofDefaults() {
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

  /** Builds a {@link MemoryTierConfig}; setters validate at once. Not thread-safe. */
  public static final class Builder {
    private int maxEntries;

    private Builder(MemoryTierConfig from) {
      this.maxEntries = from.maxEntries;
    }

    /**
     * Sets {@code cache.memory.max_entries}.
     *
     * @param maxEntries 1 to 10,000,000
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder maxEntries(int maxEntries) {
      this.maxEntries =
          Checks.requireRange(maxEntries, 1, MAX_MAX_ENTRIES, "cache.memory.max_entries");
      return this;
    }

    /**
     * Builds the settings.
     *
     * @return the immutable settings
     */
    public MemoryTierConfig build() {
      return new MemoryTierConfig(maxEntries);
    }
  }
}
