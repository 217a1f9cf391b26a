package dev.trinity.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the command line in this JVM with captured streams and a controlled environment. Every run
 * gets a cache directory under the test's temporary directory, so that no test touches the working
 * directory's cache.
 */
final class Cli {
  private final Map<String, String> env = new HashMap<>();
  private boolean interactive;

  private Cli(Path dir) {
    env.put("CACHE_DIR", dir.resolve("cache").toString());
    env.put("PATH", System.getenv().getOrDefault("PATH", ""));
  }

  static Cli in(Path dir) {
    return new Cli(dir);
  }

  Cli env(String name, String value) {
    env.put(name, value);
    return this;
  }

  Cli interactive() {
    this.interactive = true;
    return this;
  }

  Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliEnvironment environment =
        new CliEnvironment(
            env,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            interactive);
    int code = TrinityCli.run(environment, args);
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** What a run printed and returned. */
  record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
  }
}
