package dev.trinity.cache;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * A child process for {@link FilesystemCrashIT}: writes entries {@code 0..count-1} into a
 * filesystem tier, round after round, printing how many it has written every 50 entries, until it
 * is killed or reaches {@code rounds}. Entry {@code i} holds {@link #value(int, int) value(i, round
 * % 2)}.
 */
public final class FilesystemWriterMain {
  private FilesystemWriterMain() {}

  /**
   * The value written for an entry in even ({@code parity} 0) or odd rounds: a header naming both,
   * then a body of 1 to 32 KiB.
   *
   * @param entry the entry's index
   * @param parity 0 or 1
   * @return the value
   */
  public static String value(int entry, int parity) {
    String header = "entry=" + entry + ";parity=" + parity + ";";
    int size = 1024 + ((entry * 7919 + parity * 104729) % 32) * 1024;
    char fill = (char) ('a' + (entry + parity) % 26);
    return header + String.valueOf(fill).repeat(size);
  }

  /**
   * Runs the writer. The values are made before the first write, so that the writing loop spends
   * its time writing and a kill is likely to land in the middle of a write.
   *
   * @param args directory, entries per round, rounds
   */
  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    int count = Integer.parseInt(args[1]);
    int rounds = Integer.parseInt(args[2]);
    String[][] values = new String[2][count];
    for (int i = 0; i < count; i++) {
      values[0][i] = value(i, 0);
      values[1][i] = value(i, 1);
    }
    CacheConfig config =
        CacheConfig.builder().filesystem(f -> f.directory(dir).maxSizeMb(1024)).build();
    CacheTier tier = CacheTiers.filesystem(config, Clock.systemUTC(), Runnable::run);
    int written = 0;
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < count; i++) {
        tier.sync().put("key-" + i, values[round % 2][i], Duration.ofHours(1));
        written++;
        if (written % 50 == 0) {
          System.out.println(written);
        }
      }
    }
    System.out.println("done");
  }
}
