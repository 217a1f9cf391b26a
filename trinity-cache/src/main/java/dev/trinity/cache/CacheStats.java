package dev.trinity.cache;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of a {@link CacheManager}'s counters: requests as the caller saw them, and each tier's
 * own {@link TierStats}. Immutable and thread-safe.
 *
 * @param hits gets that some tier answered
 * @param misses gets that no tier answered
 * @param puts puts made through the manager
 * @param errors failures summed over the tiers (including failures of a tier's futures that the
 *     manager absorbed)
 * @param tiers each tier's counters, in lookup order
 */
public record CacheStats(long hits, long misses, long puts, long errors, List<TierStats> tiers) {

  /** Copies the tier list. */
  public CacheStats {
    tiers = List.copyOf(Objects.requireNonNull(tiers, "tiers"));
  }

  /**
   * Gets answered, hit or miss.
   *
   * @return {@code hits + misses}
   */
  public long requests() {
    return hits + misses;
  }

  /**
   * The share of gets some tier answered.
   *
   * @return a ratio in [0, 1]; 0 when there was no get
   */
  public double hitRatio() {
    long requests = requests();
    return requests == 0 ? 0.0 : (double) hits / requests;
  }

  /**
   * One tier's counters.
   *
   * @param name the tier's name, e.g. {@code memory}
   * @return the tier's counters, empty when the manager has no such tier
   */
  public Optional<TierStats> tier(String name) {
    return tiers.stream().filter(t -> t.tier().equals(name)).findFirst();
  }
}
