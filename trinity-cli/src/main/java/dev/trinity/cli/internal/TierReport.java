package dev.trinity.cli.internal;

import dev.trinity.cache.CacheConfig;
import dev.trinity.cache.TierType;

/**
 * One line of {@code cache stats}.
 *
 * @param tier the tier's name
 * @param status {@code ok}, or what is wrong
 * @param entries the entries it holds, or {@code -} when unknown
 * @param size their size, or {@code -}
 * @param detail where it is
 * @param ok whether the tier works
 */
record TierReport(
    String tier, String status, String entries, String size, String detail, boolean ok) {

  static TierReport of(TierType tier, CacheConfig config) {
    String name = tier.yamlName();
    return switch (tier) {
      case MEMORY ->
          new TierReport(
              name,
              "ok",
              "-",
              "-",
              "inside each process, up to " + config.memory().maxEntries(),
              true);
      case FILESYSTEM -> {
        try {
          FilesystemUsage u = FilesystemUsage.of(config.filesystem().directory());
          yield new TierReport(
              name,
              "ok",
              Long.toString(u.entries()),
              FilesystemUsage.bytes(u.bytes()),
              config.filesystem().directory().toString(),
              true);
        } catch (RuntimeException e) {
          yield new TierReport(
              name,
              Errors.describe(e),
              "-",
              "-",
              config.filesystem().directory().toString(),
              false);
        }
      }
      case REDIS -> {
        try {
          long keys = RedisAdmin.count(config);
          yield new TierReport(
              name, "ok", Long.toString(keys), "-", RedisAdmin.address(config), true);
        } catch (RuntimeException e) {
          yield new TierReport(name, "unreachable", "-", "-", Errors.describe(e), false);
        }
      }
    };
  }
}
