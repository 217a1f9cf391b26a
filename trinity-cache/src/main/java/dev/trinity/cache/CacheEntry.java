package dev.trinity.cache;

import dev.trinity.api.internal.Checks;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A cached value with the instant it was stored and the instant it expires. Immutable and
 * thread-safe.
 *
 * <p>An entry keeps its absolute expiry as it moves between tiers, so a value promoted from a slow
 * tier to a fast one lives only for its {@linkplain #remainingTtl(Instant) remaining} time, never
 * for a fresh full TTL. Tiers that persist entries keep the two instants to the millisecond; {@link
 * #of(String, Instant, Duration)} truncates them so that every tier agrees.
 *
 * <p>{@link #toString()} shows the value's length, never the value.
 *
 * @param value the cached text
 * @param createdAt when the value was first stored
 * @param expiresAt when the value stops being served; not before {@code createdAt}
 */
public record CacheEntry(String value, Instant createdAt, Instant expiresAt) {

  /**
   * Checks the instants.
   *
   * @throws IllegalArgumentException when {@code expiresAt} is before {@code createdAt}
   */
  public CacheEntry {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Checks.requireArgument(
        !expiresAt.isBefore(createdAt),
        () -> "expiresAt (" + expiresAt + ") must not be before createdAt (" + createdAt + ")");
  }

  /**
   * An entry stored now that lives for {@code ttl}, both instants truncated to the millisecond.
   *
   * @param value the text to cache
   * @param now the current instant, from the cache's clock
   * @param ttl how long the entry lives; positive
   * @return the entry
   * @throws IllegalArgumentException when {@code ttl} is zero or negative
   */
  public static CacheEntry of(String value, Instant now, Duration ttl) {
    Checks.requirePositive(ttl, "ttl");
    Instant created = now.truncatedTo(ChronoUnit.MILLIS);
    return new CacheEntry(value, created, saturatedPlus(created, ttl));
  }

  /**
   * Whether the entry has expired at {@code now}; an entry expires at {@link #expiresAt()} exactly.
   *
   * @param now the current instant
   * @return true when {@code now} is at or after {@link #expiresAt()}
   */
  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /**
   * The time the entry has left at {@code now}.
   *
   * @param now the current instant
   * @return the remaining time to live, {@link Duration#ZERO} once expired
   */
  public Duration remainingTtl(Instant now) {
    return isExpiredAt(now) ? Duration.ZERO : Duration.between(now, expiresAt);
  }

  @Override
  public String toString() {
    return "CacheEntry[value=<"
        + value.length()
        + " chars>, createdAt="
        + createdAt
        + ", expiresAt="
        + expiresAt
        + "]";
  }

  private static Instant saturatedPlus(Instant start, Duration ttl) {
    try {
      return start.plus(ttl);
    } catch (ArithmeticException | DateTimeException e) {
      return Instant.MAX;
    }
  }
}
