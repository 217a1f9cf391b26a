package dev.trinity.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer killed with {@code kill -9} never leaves an entry that a reader would serve half-made.
 */
class FilesystemCrashIT {
  private static final int ENTRIES = 1000;

  @TempDir Path dir;

  @Test
  void aWriterKilledMidWriteNeverLeavesAPartialEntryBehind() throws Exception {
    Process writer =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                FilesystemWriterMain.class.getName(),
                dir.toString(),
                Integer.toString(ENTRIES),
                "50")
            .redirectErrorStream(true)
            .start();
    int reported = 0;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (reported < ENTRIES + ENTRIES / 2 && (line = out.readLine()) != null) {
        assertThat(line).as("writer output").matches("\\d+");
        reported = Integer.parseInt(line);
      }
      writer.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup, mid-write
      assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(reported).as("entries the writer reported").isEqualTo(ENTRIES + ENTRIES / 2);

    CacheConfig config = CacheConfig.builder().filesystem(f -> f.directory(dir)).build();
    try (CacheTier reader = CacheTiers.filesystem(config, Clock.systemUTC(), Runnable::run)) {
      int hits = 0;
      for (int i = 0; i < ENTRIES; i++) {
        Optional<CacheEntry> entry = reader.sync().get("key-" + i);
        if (entry.isPresent()) {
          hits++;
          String value = entry.get().value();
          int parity = parityOf(value);
          assertThat(value).as("entry %d", i).isEqualTo(FilesystemWriterMain.value(i, parity));
        }
      }
      assertThat(hits).as("entries written before the kill").isEqualTo(ENTRIES);
      assertThat(reader.stats().errors()).as("corrupt entries").isZero();
      assertThat(tempFiles()).as("orphan temporary files").isZero();
    }
  }

  private static int parityOf(String value) {
    int start = value.indexOf(";parity=") + ";parity=".length();
    return Integer.parseInt(value.substring(start, value.indexOf(';', start)));
  }

  private long tempFiles() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".tmp")).count();
    }
  }
}
