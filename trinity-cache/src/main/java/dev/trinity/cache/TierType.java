package dev.trinity.cache;

import java.util.Locale;

/**
 * The built-in tiers, in the order a {@link CacheManager} built from a {@link CacheConfig} consults
 * them: fastest first.
 */
public enum TierType {
  /** In-process Caffeine cache, bounded by {@code cache.memory.max_entries}. */
  MEMORY,
  /** A Redis server shared between processes; needs {@code io.lettuce:lettuce-core}. */
  REDIS,
  /** Files under {@code cache.filesystem.directory}; survives restarts. */
  FILESYSTEM;

  /**
   * The name used in YAML ({@code cache.tiers}) and as the tier's {@link CacheTier#name()}.
   *
   * @return {@code memory}, {@code redis} or {@code filesystem}
   */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a YAML tier name, ignoring case and surrounding blanks.
   *
   * @param name {@code memory}, {@code redis} or {@code filesystem}
   * @return the tier type
   * @throws IllegalArgumentException naming {@code cache.tiers} when the name is unknown
   */
  public static TierType fromYaml(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    for (TierType t : values()) {
      if (t.yamlName().equals(n)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "cache.tiers: unknown tier '" + name + "'; expected memory, redis or filesystem");
  }
}
