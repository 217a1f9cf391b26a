package dev.trinity.cache.internal;

import dev.trinity.cache.CacheEntry;
import java.time.Instant;
import java.util.Optional;

/**
 * How the Redis tier stores an entry in a Redis string, version 1:
 *
 * <pre>TC1:&lt;created epoch ms&gt;:&lt;expires epoch ms&gt;:&lt;value&gt;</pre>
 *
 * The instants let a hit be promoted to faster tiers with its remaining time to live. Anything else
 * (another program's value, another version) decodes to nothing: a miss, overwritten by the next
 * put.
 */
final class RedisEnvelope {
  private static final String PREFIX = "TC1:";

  private RedisEnvelope() {}

  static String encode(CacheEntry entry) {
    return PREFIX
        + Times.epochMillis(entry.createdAt())
        + ':'
        + Times.epochMillis(entry.expiresAt())
        + ':'
        + entry.value();
  }

  static Optional<CacheEntry> decode(String raw) {
    if (!raw.startsWith(PREFIX)) {
      return Optional.empty();
    }
    int createdEnd = raw.indexOf(':', PREFIX.length());
    int expiresEnd = createdEnd < 0 ? -1 : raw.indexOf(':', createdEnd + 1);
    if (expiresEnd < 0) {
      return Optional.empty();
    }
    try {
      long created = Long.parseLong(raw, PREFIX.length(), createdEnd, 10);
      long expires = Long.parseLong(raw, createdEnd + 1, expiresEnd, 10);
      if (created > expires) {
        return Optional.empty();
      }
      return Optional.of(
          new CacheEntry(
              raw.substring(expiresEnd + 1),
              Instant.ofEpochMilli(created),
              Instant.ofEpochMilli(expires)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
