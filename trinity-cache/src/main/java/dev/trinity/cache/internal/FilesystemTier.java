package dev.trinity.cache.internal;

import dev.trinity.cache.CacheEntry;
import dev.trinity.cache.CacheTier;
import dev.trinity.cache.TierHealth;
import dev.trinity.cache.TierStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
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
  private static final String ENTRY_SUFFIX = ".entry";
  private static final String TEMP_SUFFIX = ".tmp";
  private static final String QUARANTINE = "quarantine";
  private static final Duration MIN_BACKOFF = Duration.ofSeconds(10);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
  private static final long PID = ProcessHandle.current().pid();

  private final Path directory;
  private final long capBytes;
  private final Clock clock;
  private final Executor executor;
  private final @Nullable ExecutorService ownedExecutor;
  private final boolean posix;
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
    if (maxSizeMb < 1) {
      throw new IllegalArgumentException(
          "cache.filesystem.max_size_mb must be >= 1, was " + maxSizeMb);
    }
    this.directory = directory.toAbsolutePath().normalize();
    this.capBytes = Math.multiplyExact(maxSizeMb, 1024L * 1024L);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.ownedExecutor = ownedExecutor;
    this.posix = this.directory.getFileSystem().supportedFileAttributeViews().contains("posix");
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
          String hash = hash(key);
          Files.deleteIfExists(entryPath(hash));
          index.remove(hash);
          return null;
        });
  }

  @Override
  public CompletableFuture<Void> clear() {
    return run(
        null,
        () -> {
          for (Path shard : shards()) {
            try (DirectoryStream<Path> files =
                Files.newDirectoryStream(shard, "*" + ENTRY_SUFFIX)) {
              for (Path file : files) {
                Files.deleteIfExists(file);
              }
            }
          }
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
    return "FilesystemTier[" + directory + ", maxSizeMb=" + capBytes / (1024 * 1024) + "]";
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
      executor.execute(() -> result.complete(runNow(fallback, task, isProbe)));
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
    } catch (IOException | UncheckedIOException | SecurityException e) {
      stats.error();
      String reason = Failures.describe(e);
      if (probe) {
        gate.probeFailed(reason);
      } else {
        gate.failed(reason);
      }
      LOG.debug("filesystem cache operation failed in {}", directory, e);
      return fallback;
    } finally {
      stats.latencySince(start);
    }
  }

  private Optional<CacheEntry> read(String key) throws IOException {
    String hash = hash(key);
    Path file = entryPath(hash);
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
    String hash = hash(key);
    Path target = entryPath(hash);
    Path temp =
        target.resolveSibling(
            hash
                + "."
                + PID
                + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + TEMP_SUFFIX);
    try {
      writeNew(temp, bytes);
    } catch (NoSuchFileException e) {
      createPrivateDirectories(target.getParent()); // the shard, or the whole tree, was removed
      writeNew(temp, bytes);
    }
    try {
      moveAtomically(temp, target);
    } catch (NoSuchFileException e) {
      // another process took our temporary file for an orphan: this write is lost, the disk is fine
      stats.error();
      return;
    } catch (IOException e) {
      deleteQuietly(temp);
      throw e;
    }
    index.record(hash, bytes.length);
    stats.put();
    List<String> evicted = index.evictOver(capBytes);
    for (String name : evicted) {
      Files.deleteIfExists(entryPath(name));
    }
    stats.evicted(evicted.size());
  }

  private void writeNew(Path file, byte[] bytes) throws IOException {
    try (SeekableByteChannel out =
        Files.newByteChannel(
            file,
            EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
            fileMode())) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        out.write(buffer);
      }
    } catch (IOException e) {
      if (!(e instanceof NoSuchFileException)) {
        deleteQuietly(file); // a partly written file, e.g. on a full disk
      }
      throw e;
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.debug("could not delete {}", file, e);
    }
  }

  private void quarantine(Path file, String hash, String detail) {
    index.remove(hash);
    Path dir = directory.resolve(QUARANTINE);
    Path target =
        dir.resolve(
            hash
                + "."
                + clock.millis()
                + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt())
                + ENTRY_SUFFIX);
    try {
      createPrivateDirectories(dir);
      moveAtomically(file, target);
      LOG.atWarn()
          .setMessage("cache_entry_quarantined")
          .addKeyValue("tier", NAME)
          .addKeyValue("file", target)
          .addKeyValue("error", detail)
          .log();
    } catch (NoSuchFileException e) {
      // another process quarantined or replaced it first
    } catch (IOException e) {
      LOG.debug("could not quarantine {}; deleting it", file, e);
      deleteQuietly(file);
    }
  }

  private void initializeEagerly() {
    try {
      initialize();
    } catch (IOException | UncheckedIOException | SecurityException e) {
      gate.failed(Failures.describe(e));
      LOG.debug("filesystem cache could not start in {}", directory, e);
    }
  }

  /** Creates the directory and builds the index, once; retried by later calls until it works. */
  private void initialize() throws IOException {
    if (initialized) {
      return;
    }
    synchronized (initLock) {
      if (initialized) {
        return;
      }
      createPrivateDirectories(directory);
      List<Found> found = new ArrayList<>();
      for (Path shard : shards()) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(shard)) {
          for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.endsWith(ENTRY_SUFFIX)) {
              found.add(found(file, name));
            } else if (name.endsWith(TEMP_SUFFIX) && isOrphan(name)) {
              Files.deleteIfExists(file);
            }
          }
        }
      }
      found.sort(Comparator.comparingLong(Found::lastUsedMillis));
      for (Found f : found) {
        index.record(f.hash(), f.size());
      }
      List<String> evicted = index.evictOver(capBytes);
      for (String name : evicted) {
        Files.deleteIfExists(entryPath(name));
      }
      stats.evicted(evicted.size());
      initialized = true;
    }
  }

  private record Found(String hash, long size, long lastUsedMillis) {}

  private static Found found(Path file, String name) throws IOException {
    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
    long lastUsed = Math.max(a.lastModifiedTime().toMillis(), a.lastAccessTime().toMillis());
    return new Found(name.substring(0, name.length() - ENTRY_SUFFIX.length()), a.size(), lastUsed);
  }

  /** A temporary file is an orphan when the process named in it is gone (or it names none). */
  private static boolean isOrphan(String tempName) {
    int dot = tempName.indexOf('.');
    int dash = tempName.indexOf('-', dot + 1);
    if (dot < 0 || dash < 0) {
      return true;
    }
    try {
      long pid = Long.parseLong(tempName.substring(dot + 1, dash));
      return pid != PID && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    } catch (NumberFormatException e) {
      return true;
    }
  }

  private List<Path> shards() throws IOException {
    List<Path> shards = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(directory, "[0-9a-f][0-9a-f]")) {
      for (Path d : dirs) {
        if (Files.isDirectory(d)) {
          shards.add(d);
        }
      }
    }
    return shards;
  }

  private Path entryPath(String hash) {
    return directory.resolve(hash.substring(0, 2)).resolve(hash + ENTRY_SUFFIX);
  }

  private void createPrivateDirectories(Path dir) throws IOException {
    if (posix) {
      Files.createDirectories(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } else {
      Files.createDirectories(dir);
    }
  }

  private FileAttribute<?>[] fileMode() {
    return posix
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
        }
        : new FileAttribute<?>[0];
  }

  private static void moveAtomically(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static String hash(String key) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
