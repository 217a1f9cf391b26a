package dev.trinity.cli.internal;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Chromium (and chromedriver) for browser layout checks and screenshots. Optional: without it the
 * page is checked with text metrics, so a missing browser is a warning.
 */
final class ChromiumCheck {
  static final String NAME = "Chromium";
  static final List<String> BROWSERS =
      List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");

  private ChromiumCheck() {}

  static CheckResult run(Map<String, String> env) {
    Optional<Path> browser =
        Optional.ofNullable(env.get("CHROME_BIN"))
            .filter(s -> !s.isBlank())
            .map(Path::of)
            .filter(Files::isExecutable)
            .or(() -> BROWSERS.stream().flatMap(b -> onPath(env, b).stream()).findFirst());
    if (browser.isEmpty()) {
      return CheckResult.warn(
          NAME,
          "no Chromium on the PATH (looked for " + String.join(", ", BROWSERS) + ", $CHROME_BIN)",
          "install chromium and chromium-driver (Debian: apt-get install chromium"
              + " chromium-driver) for browser layout checks and screenshots; without them pages"
              + " are checked with text metrics");
    }
    String version = version(browser.get()).orElse("version unknown");
    Optional<Path> driver = onPath(env, "chromedriver");
    if (driver.isEmpty()) {
      return CheckResult.warn(
          NAME,
          version + " at " + browser.get() + ", but no chromedriver on the PATH",
          "install chromedriver of the same version (Debian: apt-get install chromium-driver)");
    }
    return CheckResult.ok(NAME, version + " at " + browser.get() + ", driver " + driver.get());
  }

  static Optional<Path> onPath(Map<String, String> env, String name) {
    String path = env.get("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> version(Path browser) {
    try {
      Process p =
          new ProcessBuilder(browser.toString(), "--version").redirectErrorStream(true).start();
      p.getOutputStream().close();
      if (!p.waitFor(15, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      // a wrapper script may print noise before the browser's own "Chromium 156.0…" line
      return out.lines()
          .filter(l -> l.matches("(?i).*(chromium|chrome) \\d.*"))
          .findFirst()
          .map(String::strip);
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
