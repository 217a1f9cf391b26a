package dev.trinity.cache;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@link CacheManager#get(String)}: a miss, or a hit with the entry and the name of
 * the tier that served it. Immutable and thread-safe.
 */
public final class CacheResult {
  private static final CacheResult MISS = new CacheResult(null, null);

  private final @Nullable String tier;
  private final @Nullable CacheEntry entry;

  private CacheResult(@Nullable String tier, @Nullable CacheEntry entry) {
    this.tier = tier;
    this.entry = entry;
  }

  /**
   * No tier had a live entry.
   *
   * @return the miss
   */
  public static CacheResult miss() {
    return MISS;
  }

  /**
   * A tier served an entry.
   *
   * @param tier the serving tier's name
   * @param entry the entry
   * @return the hit
   */
  public static CacheResult hit(String tier, CacheEntry entry) {
    return new CacheResult(
        Objects.requireNonNull(tier, "tier"), Objects.requireNonNull(entry, "entry"));
  }

  /**
   * Whether a tier served an entry.
   *
   * @return true for a hit
   */
  public boolean isHit() {
    return entry != null;
  }

  /**
   * The cached text.
   *
   * @return the value on a hit, empty on a miss
   */
  public Optional<String> value() {
    return entry == null ? Optional.empty() : Optional.of(entry.value());
  }

  /**
   * The entry with its creation and expiry instants.
   *
   * @return the entry on a hit, empty on a miss
   */
  public Optional<CacheEntry> entry() {
    return Optional.ofNullable(entry);
  }

  /**
   * The name of the tier that served the hit ({@code memory}, {@code redis}, {@code filesystem} or
   * a custom tier's name).
   *
   * @return the tier's name on a hit, empty on a miss
   */
  public Optional<String> tier() {
    return Optional.ofNullable(tier);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CacheResult r
        && Objects.equals(tier, r.tier)
        && Objects.equals(entry, r.entry);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tier, entry);
  }

  @Override
  public String toString() {
    return entry == null
        ? "CacheResult[miss]"
        : "CacheResult[hit from " + tier + ", " + entry + "]";
  }
}
