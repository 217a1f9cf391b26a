package dev.trinity.cache.internal;

import dev.trinity.cache.CacheConfig;
import dev.trinity.cache.CacheTier;
import java.time.Clock;

/**
 * Creates the Redis tier. A class of its own so that callers load Lettuce's classes only when they
 * call it, after checking that Lettuce is on the class path.
 */
public final class RedisTiers {
  private RedisTiers() {}

  /**
   * A Redis tier.
   *
   * @param config the settings
   * @param clock the time source
   * @return the tier
   */
  public static CacheTier create(CacheConfig config, Clock clock) {
    return new RedisTier(config, clock);
  }
}
