package dev.trinity.cli.internal;

import dev.trinity.cache.CacheConfig;
import dev.trinity.cache.TierType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The filesystem tier's directory must exist (or be creatable) and be writable. */
final class CacheDirectoryCheck {
  static final String NAME = "cache directory";

  private CacheDirectoryCheck() {}

  static CheckResult run(CacheConfig config) {
    if (!config.enabled() || !config.tiers().contains(TierType.FILESYSTEM)) {
      return CheckResult.skip(NAME, "the filesystem tier is not in cache.tiers");
    }
    Path dir = config.filesystem().directory();
    try {
      Files.createDirectories(dir);
      Path probe = Files.createTempFile(dir, ".doctor-", ".tmp");
      Files.delete(probe);
    } catch (IOException | SecurityException e) {
      return CheckResult.fail(
          NAME,
          dir.toAbsolutePath() + " is not writable (" + Errors.describe(e) + ")",
          "set CACHE_DIR (cache.filesystem.directory) to a writable directory, fix its"
              + " permissions, or remove filesystem from cache.tiers");
    }
    FilesystemUsage usage = FilesystemUsage.of(dir);
    return CheckResult.ok(
        NAME,
        dir.toAbsolutePath().normalize()
            + " is writable ("
            + usage.entries()
            + " entries, "
            + FilesystemUsage.bytes(usage.bytes())
            + ")");
  }
}
