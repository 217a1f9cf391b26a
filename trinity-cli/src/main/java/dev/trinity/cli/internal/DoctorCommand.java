package dev.trinity.cli.internal;

import dev.trinity.cli.CliEnvironment;
import dev.trinity.cli.TrinityCli;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code trinity doctor [--quick]}. */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = {
      "Checks what Trinity needs: the Java version, the model server and its model, Redis (when",
      "configured), the cache directory and Chromium. Says what to do for each failing check.",
      "Exit code 1 when a check fails; warnings do not fail."
    })
final class DoctorCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;

  @Option(
      names = "--quick",
      description =
          "Only the local checks (Java, configuration, cache directory), no network: for a"
              + " container HEALTHCHECK.")
  boolean quick;

  @Override
  public Integer call() {
    CliEnvironment env = root.environment();
    Settings settings = root.settings();
    List<CheckResult> results = new ArrayList<>();
    results.add(JavaCheck.run(Runtime.version(), System.getProperty("java.vendor", "unknown")));
    results.add(
        CheckResult.ok(
            "configuration",
            settings.file().map(f -> "loaded from " + f).orElse("defaults and environment")
                + ", provider "
                + settings.config().llm().provider()));
    if (!quick) {
      results.add(LlmServerCheck.run(settings));
      results.add(RedisCheck.run(settings.config().cache()));
    }
    results.add(CacheDirectoryCheck.run(settings.config().cache()));
    if (!quick) {
      results.add(ChromiumCheck.run(env.variables()));
    }
    print(env.out(), results);
    return results.stream().anyMatch(r -> r.status() == CheckResult.Status.FAIL)
        ? TrinityCli.ITEMS_FAILED
        : TrinityCli.OK;
  }

  private static void print(PrintStream out, List<CheckResult> results) {
    int width = results.stream().mapToInt(r -> r.name().length()).max().orElse(10);
    int failed = 0;
    int warned = 0;
    for (CheckResult r : results) {
      out.printf("%-4s  %-" + width + "s  %s%n", r.status().label, r.name(), r.detail());
      if (r.fix() != null) {
        out.printf("%-4s  %-" + width + "s  -> %s%n", "", "", r.fix());
      }
      failed += r.status() == CheckResult.Status.FAIL ? 1 : 0;
      warned += r.status() == CheckResult.Status.WARN ? 1 : 0;
    }
    out.println();
    out.println(
        failed == 0
            ? "All checks passed"
                + (warned > 0 ? " (" + warned + " warning" + (warned == 1 ? "" : "s") + ")" : "")
                + "."
            : failed + " check" + (failed == 1 ? "" : "s") + " failed.");
  }
}
