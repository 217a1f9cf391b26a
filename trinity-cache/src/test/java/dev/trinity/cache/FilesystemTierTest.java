package dev.trinity.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trinity.test.LogCapture;
import dev.trinity.test.VirtualTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilesystemTierTest {
  @RegisterExtension final LogCapture logs = LogCapture.of("dev.trinity.cache");
  private static final Duration HOUR = Duration.ofHours(1);

  @TempDir Path dir;
  private final VirtualTime time = new VirtualTime();
  private final Clock clock = time.clock();

  private CacheTier tier(Path directory, long maxSizeMb, Executor executor) {
    CacheConfig config =
        CacheConfig.builder().filesystem(f -> f.directory(directory).maxSizeMb(maxSizeMb)).build();
    return CacheTiers.filesystem(config, clock, executor);
  }

  private CacheTier tier() {
    return tier(dir, 100, Runnable::run);
  }

  @Test
  void anEntrySurvivesANewTierOnTheSameDirectory() {
    CacheEntry written;
    try (CacheTier first = tier()) {
      first.sync().put("prompt-1", "answer one", HOUR);
      written = first.sync().get("prompt-1").orElseThrow();
    }

    time.advance(Duration.ofMinutes(10));
    try (CacheTier second = tier()) {
      Optional<CacheEntry> read = second.sync().get("prompt-1");

      assertThat(read).contains(written);
      assertThat(read.orElseThrow().remainingTtl(clock.instant()))
          .isEqualTo(Duration.ofMinutes(50));
    }
  }

  @Test
  void keysOfAnyShapeStayInsideTheDirectory() throws IOException {
    CacheTier tier = tier();
    List<String> keys =
        List.of("../../etc/passwd", "", "a/b\\c:d", "ключ 🗝", "x".repeat(10_000), "NUL\0byte");

    keys.forEach(k -> tier.sync().put(k, "value of " + k, HOUR));

    keys.forEach(
        k -> assertThat(tier.sync().get(k).map(CacheEntry::value)).contains("value of " + k));
    assertThat(entryFiles()).hasSize(keys.size()).allMatch(p -> p.startsWith(dir));
  }

  @Test
  void entriesAreShardedByTheFirstTwoHexCharactersOfTheKeysHash() throws IOException {
    tier().sync().put("k", "v", HOUR);

    Path file = entryFiles().get(0);
    String name = file.getFileName().toString();
    assertThat(name).matches("[0-9a-f]{64}\\.entry");
    assertThat(file.getParent().getFileName().toString()).isEqualTo(name.substring(0, 2));
  }

  @Test
  void aTruncatedEntryIsAMissAndIsQuarantined() throws IOException {
    CacheTier tier = tier();
    tier.sync().put("k", "a value long enough to cut in half".repeat(20), HOUR);
    Path file = entryFiles().get(0);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));

    assertThat(tier.sync().get("k")).isEmpty();

    assertThat(file).doesNotExist();
    assertThat(quarantined()).hasSize(1);
    assertThat(tier.health().isUp()).isTrue();
    List<Map<String, String>> events = logs.keyValues("cache_entry_quarantined");
    assertThat(events).hasSize(1);
    assertThat(events.get(0))
        .containsEntry("cache_tier", "filesystem")
        .containsEntry("file", quarantined().get(0).toString())
        .containsKey("error")
        .doesNotContainKey("tier");
  }

  @ParameterizedTest(name = "bit flipped at byte {0}")
  @ValueSource(ints = {0, 16, 30, 40, -1})
  void aBitFlippedEntryIsAMissAndIsQuarantined(int offset) throws IOException {
    CacheTier tier = tier();
    tier.sync().put("k", "value".repeat(20), HOUR);
    Path file = entryFiles().get(0);
    byte[] bytes = Files.readAllBytes(file);
    int at = offset < 0 ? bytes.length + offset : offset;
    bytes[at] ^= 0x10;
    Files.write(file, bytes);

    assertThat(tier.sync().get("k")).isEmpty();

    assertThat(file).doesNotExist();
    assertThat(quarantined()).hasSize(1);
    assertThat(tier.stats().errors()).isEqualTo(1);
  }

  @Test
  void anEntryOfAnotherFormatVersionIsAMissLeftInPlaceAndOverwrittenByTheNextPut()
      throws IOException {
    CacheTier tier = tier();
    tier.sync().put("k", "old", HOUR);
    Path file = entryFiles().get(0);
    byte[] bytes = Files.readAllBytes(file);
    bytes[4] = 99; // the version byte
    Files.write(file, bytes);

    assertThat(tier.sync().get("k")).isEmpty();
    assertThat(file).exists();
    assertThat(quarantined()).isEmpty();

    tier.sync().put("k", "new", HOUR);
    assertThat(tier.sync().get("k").map(CacheEntry::value)).contains("new");
  }

  @Test
  void anExpiredEntryIsAMissAndItsFileIsRemoved() throws IOException {
    CacheTier tier = tier();
    tier.sync().put("k", "v", Duration.ofSeconds(30));

    time.advance(Duration.ofSeconds(30));

    assertThat(tier.sync().get("k")).isEmpty();
    assertThat(entryFiles()).isEmpty();
  }

  @Test
  void anEntryDeletedByAnotherProcessIsJustAMiss() throws IOException {
    CacheTier tier = tier();
    tier.sync().put("k", "v", HOUR);

    Files.delete(entryFiles().get(0));

    assertThat(tier.sync().get("k")).isEmpty();
    assertThat(tier.health().isUp()).isTrue();
    assertThat(tier.stats().errors()).isZero();
  }

  @Test
  void writingTwiceTheCapKeepsTheTotalSizeUnderTheCap() throws IOException {
    CacheTier tier = tier(dir, 1, Runnable::run);
    String value = "x".repeat(10 * 1024);

    for (int i = 0; i < 205; i++) { // about 2 MiB of entries
      tier.sync().put("k" + i, value, HOUR);
    }

    assertThat(totalEntryBytes()).isLessThanOrEqualTo(1024 * 1024);
    assertThat(tier.stats().evictions()).isGreaterThan(90);
    assertThat(tier.sync().get("k204")).isPresent();
  }

  @Test
  void theLeastRecentlyUsedEntriesAreEvictedFirst() {
    CacheTier tier = tier(dir, 1, Runnable::run);
    String value = "x".repeat(10 * 1024);
    for (int i = 0; i < 80; i++) { // about 800 KiB: under the cap
      tier.sync().put("k" + i, value, HOUR);
    }
    assertThat(tier.sync().get("k0")).isPresent(); // k0 becomes the most recently used

    for (int i = 80; i < 120; i++) { // 400 KiB more: about 200 KiB over the cap
      tier.sync().put("k" + i, value, HOUR);
    }

    assertThat(tier.sync().get("k0")).isPresent();
    assertThat(tier.sync().get("k1")).isEmpty();
    assertThat(tier.sync().get("k119")).isPresent();
  }

  @Test
  void aSmallerCapAtStartEvictsTheOldestEntries() throws IOException {
    String value = "x".repeat(10 * 1024);
    try (CacheTier big = tier(dir, 10, Runnable::run)) {
      for (int i = 0; i < 150; i++) {
        big.sync().put("k" + i, value, HOUR);
      }
    }

    try (CacheTier small = tier(dir, 1, Runnable::run)) {
      small.sync().get("anything"); // the index is built

      assertThat(totalEntryBytes()).isLessThanOrEqualTo(1024 * 1024);
    }
  }

  @Test
  void orphanTempFilesOfDeadWritersAreRemovedOnStart() throws IOException {
    Path shard = Files.createDirectories(dir.resolve("ab"));
    Path deadWriter = Files.writeString(shard.resolve("ab12.999999999-1f.tmp"), "partial");
    Path unnamedWriter = Files.writeString(shard.resolve("orphan.tmp"), "partial");
    Path liveWriter =
        Files.writeString(
            shard.resolve("ab34." + ProcessHandle.current().pid() + "-2e.tmp"), "in progress");

    tier().sync().get("anything");

    assertThat(deadWriter).doesNotExist();
    assertThat(unnamedWriter).doesNotExist();
    assertThat(liveWriter).exists();
  }

  @Test
  void filesAndDirectoriesArePrivateOnPosix() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path cacheDir = dir.resolve("cache/llm");
    tier(cacheDir, 100, Runnable::run).sync().put("k", "v", HOUR);

    Path file;
    try (Stream<Path> files = Files.walk(cacheDir)) {
      file = files.filter(p -> p.toString().endsWith(".entry")).findFirst().orElseThrow();
    }
    assertThat(perms(cacheDir)).isEqualTo("rwx------");
    assertThat(perms(file.getParent())).isEqualTo("rwx------");
    assertThat(perms(file)).isEqualTo("rw-------");
  }

  @Test
  void aDirectoryThatCannotBeCreatedTakesTheTierDownWithoutFailingCallers() throws IOException {
    Path regularFile = Files.writeString(dir.resolve("not-a-dir"), "x");
    CacheTier tier = tier(regularFile.resolve("cache"), 100, Runnable::run);

    assertThatCode(() -> tier.sync().put("k", "v", HOUR)).doesNotThrowAnyException();
    assertThat(tier.sync().get("k")).isEmpty();
    assertThat(tier.health().status()).isEqualTo(TierHealth.Status.DOWN);
    assertThat(tier.health().reason()).isPresent();
  }

  @Test
  void aDirectoryReplacedByAFileTakesTheTierDownUntilItIsBack() throws IOException {
    CacheTier tier = tier();
    tier.sync().put("before", "v", HOUR);
    deleteRecursively(dir);
    Files.writeString(dir, "not a directory any more");

    assertThatCode(() -> tier.sync().put("during", "v", HOUR)).doesNotThrowAnyException();
    assertThat(tier.health().status()).isEqualTo(TierHealth.Status.DOWN);
    assertThat(tier.sync().get("before")).isEmpty();
    long skipped = tier.stats().skipped();

    tier.sync().put("skipped", "v", HOUR); // answered at once, the disk is not touched
    assertThat(tier.stats().skipped()).isEqualTo(skipped + 1);

    Files.delete(dir);
    Files.createDirectory(dir);
    time.advance(Duration.ofSeconds(10));
    tier.sync().put("after", "v", HOUR); // the first call after the back-off probes the disk

    assertThat(tier.health().isUp()).isTrue();
    assertThat(tier.sync().get("after").map(CacheEntry::value)).contains("v");
  }

  @Test
  void aReadOnlyDirectoryTakesTheTierDown() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    CacheTier tier = tier();
    tier.sync().get("anything"); // starts the tier while the directory is writable
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-x------"));
    try {
      assumeFalse(
          Files.isWritable(dir), "running as root: permissions cannot make a directory read-only");

      assertThatCode(() -> tier.sync().put("k", "v", HOUR)).doesNotThrowAnyException();
      assertThat(tier.sync().get("k")).isEmpty();
      assertThat(tier.health().status()).isEqualTo(TierHealth.Status.DOWN);
    } finally {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void fileIoRunsOnTheGivenExecutorNotOnTheCaller() {
    Queue<Runnable> queued = new ArrayDeque<>();
    CacheTier tier = tier(dir, 100, queued::add);

    CompletableFuture<Void> put = tier.put("k", "v", HOUR);
    assertThat(put).isNotDone();
    runAll(queued);
    assertThat(put).isDone();

    CompletableFuture<Optional<CacheEntry>> get = tier.get("k");
    assertThat(get).isNotDone();
    runAll(queued);
    assertThat(get.join().map(CacheEntry::value)).contains("v");
  }

  @Test
  void anExecutorThatRejectsWorkMeansMissesNotFailures() {
    CacheTier tier =
        tier(
            dir,
            100,
            task -> {
              throw new RejectedExecutionException("full");
            });

    assertThatCode(() -> tier.sync().put("k", "v", HOUR)).doesNotThrowAnyException();
    assertThat(tier.sync().get("k")).isEmpty();
    assertThat(tier.stats().errors()).isEqualTo(2);
  }

  @Test
  void clearRemovesEveryEntry() throws IOException {
    CacheTier tier = tier();
    for (int i = 0; i < 20; i++) {
      tier.sync().put("k" + i, "v", HOUR);
    }

    tier.sync().clear();

    assertThat(entryFiles()).isEmpty();
    assertThat(tier.sync().get("k3")).isEmpty();
  }

  private static void runAll(Queue<Runnable> queued) {
    Runnable task;
    while ((task = queued.poll()) != null) {
      task.run();
    }
  }

  private List<Path> entryFiles() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(p -> p.toString().endsWith(".entry"))
          .filter(p -> !p.startsWith(dir.resolve("quarantine")))
          .collect(Collectors.toList());
    }
  }

  private List<Path> quarantined() throws IOException {
    Path q = dir.resolve("quarantine");
    if (!Files.isDirectory(q)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(q)) {
      return files.collect(Collectors.toList());
    }
  }

  private long totalEntryBytes() throws IOException {
    long total = 0;
    for (Path p : entryFiles()) {
      total += Files.size(p);
    }
    return total;
  }

  private static String perms(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  private static void deleteRecursively(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      files
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
