package dev.trinity.cache.internal;

import dev.trinity.api.internal.Checks;
import dev.trinity.cache.CacheEntry;
import dev.trinity.cache.CacheTier;
import dev.trinity.cache.FilesystemTierConfig;
import dev.trinity.cache.TierHealth;
import dev.trinity.cache.TierStats;
import dev.trinity.logging.LogEvents;
import dev.trinity.logging.LogEvents.Keys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistent tier: one file per entry under a directory, safe to share between processes.
 *
 * <ul>
 *   <li>A key's file is {@code <dir>/<h0h1>/<sha256(key)>.entry}: any key string is safe, and the
 *       first two hex characters shard the directory. The format is {@link EntryFile}'s.
 *   <li>A write goes to {@code <hash>.<pid>-<random>.tmp} in the same shard directory and is then
 *       renamed over the entry with {@code ATOMIC_MOVE}: readers, in this process or another, see
 *       the old file or the new one, never a partial one. Temporary files whose writing process is
 *       no longer alive are deleted at start.
 *   <li>A file that fails its checksum or is truncated is a miss and is moved to {@code
 *       <dir>/quarantine/}. A file deleted by another process is a miss.
 *   <li>{@code max_size_mb} is enforced with an in-memory index (size and last use of each file),
 *       built once by listing the directory at start; writes evict the least recently used files.
 *       The index only knows this process's writes and reads, so processes sharing a directory may
 *       together exceed the cap until one restarts. Files are not synced to disk: a crash of the
 *       machine may leave a damaged file, which the checksum turns into a miss.
 *   <li>On POSIX systems, directories created by the tier are {@code rwx------} and files {@code
 *       rw-------}.
 *   <li>An I/O failure (read-only or full disk, a directory that is gone or not a directory) takes
 *       the tier DOWN, logged once: calls are answered at once (miss, dropped write) until, after a
 *       back-off by the injected clock, one call tries the disk again.
 * </ul>
 *
 * <p>All file I/O runs on the given executor; nothing here blocks the caller.
 */
public final class FilesystemTier implements CacheTier {
  /** The tier's name. */
  public static final String NAME = "filesystem";

  private static final Logger LOG = LoggerFactory.getLogger("dev.trinity.cache");
  private static final Duration MIN_BACKOFF = Duration.ofSeconds(10);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

  private final CacheDirectory files;
  private final long capBytes;
  private final Clock clock;
  private final Executor executor;
  private final @Nullable ExecutorService ownedExecutor;
  private final HealthGate gate;
  private final StatsRecorder stats = new StatsRecorder();
  private final FileIndex index = new FileIndex();
  private final Object initLock = new Object();
  private volatile boolean initialized;
  private volatile boolean closed;

  /**
   * A filesystem tier. Does no I/O itself: the directory is created and listed by a first task on
   * the executor, and by any call until that succeeds.
   *
   * @param directory the cache directory, created if missing
   * @param maxSizeMb the cap on the entry files' total size, in MiB; at least 1
   * @param clock the time source of expiry and back-off
   * @param executor where file I/O runs
   * @param ownedExecutor the executor again when the tier created it and shuts it down on close,
   *     otherwise null
   */
  public FilesystemTier(
      Path directory,
      long maxSizeMb,
      Clock clock,
      Executor executor,
      @Nullable ExecutorService ownedExecutor) {
    Checks.requireRange(
        maxSizeMb, 1, FilesystemTierConfig.MAX_MAX_SIZE_MB, "cache.filesystem.max_size_mb");
    this.files = new CacheDirectory(directory);
    this.capBytes = Math.multiplyExact(maxSizeMb, 1024L * 1024L);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.ownedExecutor = ownedExecutor;
    this.gate = HealthGate.up(NAME, clock, MIN_BACKOFF, MAX_BACKOFF);
    try {
      executor.execute(this::initializeEagerly);
    } catch (RejectedExecutionException e) {
      // the first call initializes instead
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CompletableFuture<Optional<CacheEntry>> get(String key) {
    Objects.requireNonNull(key, "key");
    return run(Optional.empty(), () -> read(key));
  }

  @Override
  public CompletableFuture<Void> put(String key, String value, Duration ttl) {
    return put(key, CacheEntry.of(value, clock.instant(), ttl));
  }

  @Override
  public CompletableFuture<Void> put(String key, CacheEntry entry) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(entry, "entry");
    return run(
        null,
        () -> {
          write(key, entry);
          return null;
        });
  }

  @Override
  public CompletableFuture<Void> delete(String key) {
    Objects.requireNonNull(key, "key");
    return run(
        null,
        () -> {
          String hash = CacheDirectory.hash(key);
          Files.deleteIfExists(files.entryPath(hash));
          index.remove(hash);
          return null;
        });
  }

  @Override
  public CompletableFuture<Void> clear() {
    return run(
        null,
        () -> {
          files.deleteEntries();
          index.clear();
          return null;
        });
  }

  @Override
  public TierStats stats() {
    return stats.snapshot(NAME);
  }

  @Override
  public TierHealth health() {
    return gate.health();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    gate.disable("closed");
    if (ownedExecutor != null) {
      ownedExecutor.shutdown();
      try {
        ownedExecutor.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public String toString() {
    return "FilesystemTier[" + files.root() + ", maxSizeMb=" + capBytes / (1024 * 1024) + "]";
  }

  /** A unit of file I/O that may fail. */
  @FunctionalInterface
  private interface IoTask<T extends @Nullable Object> {
    T call() throws IOException;
  }

  /**
   * Runs a task on the executor, unless the tier is closed or DOWN (then answers {@code fallback}
   * at once). While DOWN, the first call after the back-off runs as the probe. A failing task
   * answers {@code fallback} and takes the tier DOWN.
   */
  private <T extends @Nullable Object> CompletableFuture<T> run(T fallback, IoTask<T> task) {
    if (closed) {
      stats.skipped();
      return CompletableFuture.completedFuture(fallback);
    }
    boolean probe = false;
    if (!gate.isUp()) {
      probe = gate.tryStartProbe();
      if (!probe) {
        stats.skipped();
        return CompletableFuture.completedFuture(fallback);
      }
    }
    boolean isProbe = probe;
    CompletableFuture<T> result = new CompletableFuture<>();
    try {
      executor.execute(
          () -> {
            T value = fallback;
            try {
              value = runNow(fallback, task, isProbe);
            } finally {
              result.complete(value); // even on an Error: a caller never waits forever
            }
          });
    } catch (RejectedExecutionException e) {
      stats.error();
      if (isProbe) {
        gate.probeFailed("file executor rejected the task");
      }
      result.complete(fallback);
    }
    return result;
  }

  private <T extends @Nullable Object> T runNow(T fallback, IoTask<T> task, boolean probe) {
    long start = System.nanoTime();
    try {
      initialize();
      T value = task.call();
      if (probe) {
        gate.succeeded();
      }
      return value;
    } catch (IOException | RuntimeException e) {
      // including UncheckedIOException, SecurityException: never passed on to the caller
      stats.error();
      String reason = Failures.describe(e);
      if (probe) {
        gate.probeFailed(reason);
      } else {
        gate.failed(reason);
      }
      LOG.debug("filesystem cache operation failed in {}", files.root(), e);
      return fallback;
    } finally {
      stats.latencySince(start);
    }
  }

  private Optional<CacheEntry> read(String key) throws IOException {
    String hash = CacheDirectory.hash(key);
    Path file = files.entryPath(hash);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      index.remove(hash);
      stats.miss();
      return Optional.empty();
    }
    EntryFile.Decoded decoded = EntryFile.decode(bytes, key);
    CacheEntry entry = decoded.entry();
    if (decoded.kind() == EntryFile.Decoded.Kind.CORRUPT) {
      stats.error();
      quarantine(file, hash, decoded.detail());
    } else if (entry != null && entry.isExpiredAt(clock.instant())) {
      Files.deleteIfExists(file);
      index.remove(hash);
      stats.evicted(1);
    } else if (entry != null) {
      index.record(hash, bytes.length);
      stats.hit();
      return Optional.of(entry);
    }
    stats.miss();
    return Optional.empty();
  }

  private void write(String key, CacheEntry entry) throws IOException {
    if (entry.isExpiredAt(clock.instant())) {
      return;
    }
    byte[] bytes = EntryFile.encode(key, entry);
    if (bytes.length > capBytes) {
      LOG.debug("entry of {} bytes is larger than the cache cap; not stored", bytes.length);
      return;
    }
    String hash = CacheDirectory.hash(key);
    try {
      files.writeAtomically(hash, bytes);
    } catch (NoSuchFileException e) {
      stats.error(); // our temporary file was taken for an orphan: this write is lost
      return;
    }
    index.record(hash, bytes.length);
    stats.put();
    evictOverCap();
  }

  private void evictOverCap() throws IOException {
    List<String> evicted = index.evictOver(capBytes);
    for (String hash : evicted) {
      Files.deleteIfExists(files.entryPath(hash));
    }
    stats.evicted(evicted.size());
  }

  private void quarantine(Path file, String hash, String detail) {
    index.remove(hash);
    try {
      Path target = files.quarantine(file, hash, clock.millis());
      LOG.atWarn()
          .setMessage(LogEvents.CACHE_ENTRY_QUARANTINED)
          .addKeyValue(Keys.CACHE_TIER, NAME)
          .addKeyValue(Keys.FILE, target)
          .addKeyValue(Keys.ERROR, detail)
          .log();
    } catch (NoSuchFileException e) {
      // another process quarantined or replaced it first
    } catch (IOException e) {
      LOG.debug("could not quarantine {}; deleting it", file, e);
      CacheDirectory.deleteQuietly(file);
    }
  }

  private void initializeEagerly() {
    try {
      initialize();
    } catch (IOException | RuntimeException e) {
      gate.failed(Failures.describe(e));
      LOG.debug("filesystem cache could not start in {}", files.root(), e);
    }
  }

  /** Opens the directory and builds the index, once; retried by later calls until it works. */
  private void initialize() throws IOException {
    if (initialized) {
      return;
    }
    synchronized (initLock) {
      if (initialized) {
        return;
      }
      for (CacheDirectory.Found f : files.open()) {
        index.record(f.hash(), f.size());
      }
      evictOverCap();
      initialized = true;
    }
  }
}
