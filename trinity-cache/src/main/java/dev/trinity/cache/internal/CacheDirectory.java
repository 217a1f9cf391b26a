package dev.trinity.cache.internal;

import java.io.IOException;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The filesystem tier's layout on disk, and the file operations it is made of. Stateless apart from
 * the root path; safe for concurrent use by threads and processes.
 *
 * <pre>
 * root/
 *   3f/3f9a…(64 hex).entry            an entry: SHA-256 of its key, sharded by the first two chars
 *   3f/3f9a….4242-1c2d….tmp           a write in progress by process 4242
 *   quarantine/3f9a….1767225600000-…entry   a corrupt entry set aside
 * </pre>
 */
final class CacheDirectory {
  private static final String ENTRY_SUFFIX = ".entry";
  private static final String TEMP_SUFFIX = ".tmp";
  private static final long PID = ProcessHandle.current().pid();

  private final Path root;
  private final boolean posix;

  CacheDirectory(Path root) {
    this.root = root.toAbsolutePath().normalize();
    this.posix = this.root.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  Path root() {
    return root;
  }

  /** The file name of a key: 64 lower-case hex characters, so that any key string is safe. */
  static String hash(String key) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  Path entryPath(String hash) {
    return root.resolve(hash.substring(0, 2)).resolve(hash + ENTRY_SUFFIX);
  }

  /**
   * Writes an entry file atomically: a new temporary file beside it, then a rename over it.
   *
   * @throws NoSuchFileException when the temporary file disappeared before the rename (another
   *     process took it for an orphan): the write is lost, the disk is fine
   */
  void writeAtomically(String hash, byte[] bytes) throws IOException {
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
    } catch (IOException e) {
      if (!(e instanceof NoSuchFileException)) {
        deleteQuietly(temp);
      }
      throw e;
    }
  }

  /**
   * Moves a file into {@code quarantine/}.
   *
   * @return where it went
   * @throws NoSuchFileException when another process moved or replaced it first
   */
  Path quarantine(Path file, String hash, long nowMillis) throws IOException {
    Path dir = root.resolve("quarantine");
    Path target =
        dir.resolve(
            hash
                + "."
                + nowMillis
                + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt())
                + ENTRY_SUFFIX);
    createPrivateDirectories(dir);
    moveAtomically(file, target);
    return target;
  }

  /** An entry file found at start: its hash, size and last use. */
  record Found(String hash, long size, long lastUsedMillis) {}

  /**
   * Creates the root if needed, deletes the temporary files of writers that are no longer alive,
   * and lists the entry files, least recently used (modified or read) first.
   */
  List<Found> open() throws IOException {
    createPrivateDirectories(root);
    List<Found> found = new ArrayList<>();
    for (Path shard : shards()) {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(shard)) {
        for (Path file : files) {
          String name = file.getFileName().toString();
          if (name.endsWith(ENTRY_SUFFIX)) {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            long lastUsed =
                Math.max(a.lastModifiedTime().toMillis(), a.lastAccessTime().toMillis());
            String hash = name.substring(0, name.length() - ENTRY_SUFFIX.length());
            found.add(new Found(hash, a.size(), lastUsed));
          } else if (name.endsWith(TEMP_SUFFIX) && isOrphan(name)) {
            Files.deleteIfExists(file);
          }
        }
      }
    }
    found.sort(Comparator.comparingLong(Found::lastUsedMillis));
    return found;
  }

  /** Deletes every entry file; leaves the quarantine alone. */
  void deleteEntries() throws IOException {
    for (Path shard : shards()) {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(shard, "*" + ENTRY_SUFFIX)) {
        for (Path file : files) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // the next write replaces it, or the next start finds it
    }
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
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, "[0-9a-f][0-9a-f]")) {
      for (Path d : dirs) {
        if (Files.isDirectory(d)) {
          shards.add(d);
        }
      }
    }
    return shards;
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
}
