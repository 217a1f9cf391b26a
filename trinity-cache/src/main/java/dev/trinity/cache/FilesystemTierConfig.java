package dev.trinity.cache;

import dev.trinity.api.internal.Checks;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The {@code cache.filesystem:} section: settings of the filesystem tier. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * cache:
 *   filesystem: { directory: .cache/llm, max_size_mb: 100 }
 * }</pre>
 *
 * @param directory {@code cache.filesystem.directory}: where the tier keeps its files, relative
 *     paths being relative to the working directory; created when first used
 * @param maxSizeMb {@code cache.filesystem.max_size_mb}: the cap on the tier's entry files in MiB,
 *     1 to 1,048,576 (1 TiB)
 */
public record FilesystemTierConfig(Path directory, long maxSizeMb) {
  /** Default of {@code cache.filesystem.directory}: {@code .cache/llm}. */
  public static final Path DEFAULT_DIRECTORY = Path.of(".cache", "llm");

  /** Default of {@code cache.filesystem.max_size_mb}: {@value}. */
  public static final long DEFAULT_MAX_SIZE_MB = 100;

  /** The largest {@code cache.filesystem.max_size_mb} accepted (1 TiB): {@value}. */
  public static final long MAX_MAX_SIZE_MB = 1_048_576;

  private static final FilesystemTierConfig DEFAULTS =
      new FilesystemTierConfig(DEFAULT_DIRECTORY, DEFAULT_MAX_SIZE_MB);

  /**
   * Validates the settings.
   *
   * @throws NullPointerException when the directory is null
   * @throws IllegalArgumentException naming the key when the directory is empty or the size out of
   *     range
   */
  public FilesystemTierConfig {
    checkDirectory(directory);
    Checks.requireRange(maxSizeMb, 1, MAX_MAX_SIZE_MB, "cache.filesystem.max_size_mb");
  }

  /**
   * The defaults.
   *
   * @return the default settings
   */
  public static FilesystemTierConfig ofDefaults() {
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

  private static Path checkDirectory(Path directory) {
    Objects.requireNonNull(directory, "cache.filesystem.directory");
    Checks.requireArgument(
        !directory.toString().isEmpty(), () -> "cache.filesystem.directory must not be empty");
    return directory;
  }

  /** Builds a {@link FilesystemTierConfig}; setters validate at once. Not thread-safe. */
  public static final class Builder {
    private Path directory;
    private long maxSizeMb;

    private Builder(FilesystemTierConfig from) {
      this.directory = from.directory;
      this.maxSizeMb = from.maxSizeMb;
    }

    /**
     * Sets {@code cache.filesystem.directory}.
     *
     * @param directory the directory; created when first used
     * @return this builder
     * @throws IllegalArgumentException when the path is empty
     */
    public Builder directory(Path directory) {
      this.directory = checkDirectory(directory);
      return this;
    }

    /**
     * Sets {@code cache.filesystem.max_size_mb}.
     *
     * @param maxSizeMb 1 to 1,048,576 (1 TiB)
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder maxSizeMb(long maxSizeMb) {
      this.maxSizeMb =
          Checks.requireRange(maxSizeMb, 1, MAX_MAX_SIZE_MB, "cache.filesystem.max_size_mb");
      return this;
    }

    /**
     * Builds the settings.
     *
     * @return the immutable settings
     */
    public FilesystemTierConfig build() {
      return new FilesystemTierConfig(directory, maxSizeMb);
    }
  }
}
