package dev.trinity.cli.internal;

import dev.trinity.api.content.BatchOptions;
import dev.trinity.api.content.BatchResult;
import dev.trinity.api.content.ContentEngine;
import dev.trinity.api.content.ContentRequest;
import dev.trinity.api.content.Fallback;
import dev.trinity.api.content.GeneratedContent;
import dev.trinity.api.content.ItemResult;
import dev.trinity.api.content.Theme;
import dev.trinity.cli.CliEnvironment;
import dev.trinity.cli.TrinityCli;
import dev.trinity.core.Trinity;
import dev.trinity.core.content.ContentEngines;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Generates content for a list of items concurrently, writes each item's output and prints the
 * summary table. Shared by {@code build} (one item) and {@code build-all}.
 */
final class BatchBuild {
  /** What to build and how. */
  record Plan(
      List<Path> portfolios,
      List<String> themes,
      Path out,
      int concurrency,
      boolean jsonOnly,
      boolean fallback,
      ProgressMode progress) {}

  private BatchBuild() {}

  static int run(CommandSpec spec, RootCommand root, Plan plan) {
    CliEnvironment env = root.environment();
    Settings settings = root.settings();
    try (Trinity trinity = settings.open(env.err())) {
      ContentEngine engine =
          ContentEngines.builder(trinity)
              .fallback(plan.fallback() ? Fallback.offline() : Fallback.none())
              .build();
      checkThemes(spec, engine, plan.themes());
      List<BuildItem> items = BuildItem.cross(plan.portfolios(), plan.themes());
      List<ContentRequest> requests =
          items.stream().map(i -> ContentRequest.of(i.portfolio(), i.theme())).toList();
      env.err()
          .printf(
              "Building %d item%s (%d portfolio%s x %d theme%s) with %s, %d at a time%n",
              items.size(),
              items.size() == 1 ? "" : "s",
              plan.portfolios().size(),
              plan.portfolios().size() == 1 ? "" : "s",
              plan.themes().size(),
              plan.themes().size() == 1 ? "" : "s",
              trinity.provider().name() + "/" + trinity.provider().defaultModel(),
              plan.concurrency());
      long started = System.nanoTime();
      BatchResult result;
      try (Progress progress =
          Progress.create(plan.progress(), env.interactive(), env.err(), items)) {
        result =
            engine.generateAll(
                requests,
                BatchOptions.ofDefaults()
                    .withMaxConcurrency(plan.concurrency())
                    .withProgressListener(progress::update));
      }
      long tookMs = (System.nanoTime() - started) / 1_000_000;
      List<List<String>> rows = new ArrayList<>();
      int failed = 0;
      for (ItemResult r : result.items()) {
        BuildItem item = items.get(r.index());
        if (r.isSuccess()) {
          GeneratedContent g = r.content();
          Path dir = item.directory(plan.out());
          OutputFiles.writeContent(dir, g);
          rows.add(
              List.of(
                  item.name(),
                  item.theme(),
                  Progress.sourceOf(g),
                  g.duration().toMillis() + " ms",
                  "-",
                  dir.toString()));
        } else {
          failed++;
          rows.add(List.of(item.name(), item.theme(), "FAILED", "-", "-", "-"));
        }
      }
      PrintStream out = env.out();
      out.print(
          TextTable.render(
              List.of("ITEM", "THEME", "SOURCE", "TIME", "LAYOUT FIXES", "OUTPUT"), rows));
      out.printf(
          "%d of %d built in %d ms; output in %s%n",
          result.succeeded(), result.total(), tookMs, plan.out().toAbsolutePath().normalize());
      for (ItemResult r : result.failures()) {
        BuildItem item = items.get(r.index());
        env.err()
            .printf(
                "error: %s (%s): %s%n", item.portfolio(), item.theme(), Errors.describe(r.error()));
      }
      return failed == 0 ? TrinityCli.OK : TrinityCli.ITEMS_FAILED;
    }
  }

  private static void checkThemes(CommandSpec spec, ContentEngine engine, List<String> themes) {
    Set<String> known = engine.themes().stream().map(Theme::name).collect(Collectors.toSet());
    for (String t : themes) {
      if (!known.contains(t)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "unknown theme '"
                + t
                + "'; available: "
                + engine.themes().stream().map(Theme::name).sorted().toList());
      }
    }
  }
}
