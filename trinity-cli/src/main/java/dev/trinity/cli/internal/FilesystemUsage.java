package dev.trinity.cli.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What the filesystem tier holds on disk: its {@code *.entry} files (the layout described in
 * trinity-cache's README) and their total size.
 *
 * @param entries the number of entries
 * @param bytes their total size
 */
record FilesystemUsage(long entries, long bytes) {
  static final String ENTRY_SUFFIX = ".entry";

  static FilesystemUsage of(Path directory) {
    if (!Files.isDirectory(directory)) {
      return new FilesystemUsage(0, 0);
    }
    try (Stream<Path> files = Files.walk(directory)) {
      long[] totals = new long[2];
      files
          .filter(p -> p.getFileName().toString().endsWith(ENTRY_SUFFIX))
          .filter(p -> !p.getParent().getFileName().toString().equals("quarantine"))
          .forEach(
              p -> {
                totals[0]++;
                totals[1] += size(p);
              });
      return new FilesystemUsage(totals[0], totals[1]);
    } catch (IOException | UncheckedIOException e) {
      throw new IllegalStateException("cannot read " + directory + ": " + e.getMessage(), e);
    }
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0; // removed while we looked
    }
  }

  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    if (n < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024));
  }
}
