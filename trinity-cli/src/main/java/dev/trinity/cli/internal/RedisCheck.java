package dev.trinity.cli.internal;

import dev.trinity.cache.CacheConfig;
import dev.trinity.cache.TierType;

/** When the Redis tier is configured, Redis must answer PING. */
final class RedisCheck {
  static final String NAME = "Redis";

  private RedisCheck() {}

  static CheckResult run(CacheConfig config) {
    if (!config.enabled() || !config.tiers().contains(TierType.REDIS)) {
      return CheckResult.skip(
          NAME, "redis is not in cache.tiers (add it to share answers across processes)");
    }
    try {
      String version = RedisAdmin.ping(config);
      return CheckResult.ok(NAME, "Redis " + version + " answers at " + RedisAdmin.address(config));
    } catch (RuntimeException e) {
      return CheckResult.fail(
          NAME,
          Errors.describe(e),
          "start Redis (redis-server, or 'docker compose up -d redis'), or fix CACHE_REDIS_HOST /"
              + " CACHE_REDIS_PORT / CACHE_REDIS_PASSWORD; or remove redis from cache.tiers (the"
              + " other tiers keep working without it)");
    }
  }
}
