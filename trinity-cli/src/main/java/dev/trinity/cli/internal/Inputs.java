package dev.trinity.cli.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Checks and expands the portfolio arguments; a missing one is a usage error. */
final class Inputs {
  private Inputs() {}

  static void requireFile(CommandSpec spec, Path file) {
    if (!Files.exists(file)) {
      throw new ParameterException(spec.commandLine(), "no such file: " + file);
    }
    if (!Files.isRegularFile(file)) {
      throw new ParameterException(spec.commandLine(), "not a file: " + file);
    }
  }

  /** Files as given; directories replaced by their visible regular files, sorted by name. */
  static List<Path> expand(CommandSpec spec, List<Path> paths) {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        List<Path> inside = list(p);
        if (inside.isEmpty()) {
          throw new ParameterException(spec.commandLine(), "no portfolio files in " + p);
        }
        files.addAll(inside);
      } else {
        requireFile(spec, p);
        files.add(p);
      }
    }
    return files;
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("could not list " + dir + ": " + e.getMessage(), e);
    }
  }
}
