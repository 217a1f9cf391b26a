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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Builds a list of items: generates their content concurrently, writes each item's {@code
 * content.json}, then (unless JSON only) renders, checks, heals and writes each page, and prints
 * the summary table. Shared by {@code build} (one item) and {@code build-all}.
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
      GuardianChoice guardian,
      boolean predict,
      ProgressMode progress) {}

  /** One row of the summary, filled in phase by phase. */
  private static final class Row {
    final BuildItem item;
    @Nullable GeneratedContent content;
    @Nullable String error;
    String fixes = "-";

    Row(BuildItem item) {
      this.item = item;
    }
  }

  private BatchBuild() {}

  static int run(CommandSpec spec, RootCommand root, Plan plan) {
    CliEnvironment env = root.environment();
    try (Trinity trinity = root.settings().open(env.err())) {
      StreamedTokens tokens = new StreamedTokens();
      // answers are streamed only for the bar, which shows the tokens so far
      ContentEngine engine =
          Progress.showsBar(plan.progress(), env.interactive())
              ? engine(trinity, plan.fallback(), tokens)
              : engine(trinity, plan.fallback());
      List<Theme> themes = themes(spec, engine, plan.themes());
      List<BuildItem> items = BuildItem.cross(plan.portfolios(), plan.themes());
      env.err()
          .printf(
              "Building %s (%s x %s) with %s/%s, %d at a time%n",
              count(items.size(), "item"),
              count(plan.portfolios().size(), "portfolio"),
              count(themes.size(), "theme"),
              trinity.provider().name(),
              trinity.provider().defaultModel(),
              plan.concurrency());
      long started = System.nanoTime();
      List<Row> rows =
          rows(
              items,
              generate(env, engine, items, plan.concurrency(), plan.progress(), tokens),
              plan);
      if (!plan.jsonOnly() && rows.stream().anyMatch(r -> r.content != null)) {
        pages(env, rows, plan, engine);
      }
      long tookMs = (System.nanoTime() - started) / 1_000_000;
      return report(env, rows, plan, tookMs);
    }
  }

  /** The content engine of a run: the model, with the offline extractor as fallback or none. */
  static ContentEngine engine(Trinity trinity, boolean fallback) {
    return ContentEngines.builder(trinity)
        .fallback(fallback ? Fallback.offline() : Fallback.none())
        .build();
  }

  /**
   * As {@link #engine(Trinity, boolean)}, with the model's answers streamed and counted by {@code
   * tokens} when the provider streams (else asked whole, as without it).
   */
  static ContentEngine engine(Trinity trinity, boolean fallback, StreamedTokens tokens) {
    return ContentEngines.builder(trinity)
        .fallback(fallback ? Fallback.offline() : Fallback.none())
        .streamProgress(tokens)
        .build();
  }

  /**
   * Generates the content of every item concurrently, each with its own correlation id, showing
   * progress; one result per item, in the items' order.
   */
  static List<ItemResult> generate(
      CliEnvironment env,
      ContentEngine engine,
      List<BuildItem> items,
      int concurrency,
      ProgressMode progressMode) {
    return generate(env, engine, items, concurrency, progressMode, new StreamedTokens());
  }

  /**
   * As {@link #generate(CliEnvironment, ContentEngine, List, int, ProgressMode)}; the progress
   * display also shows what {@code tokens} (the engine's stream listener) counts.
   */
  static List<ItemResult> generate(
      CliEnvironment env,
      ContentEngine engine,
      List<BuildItem> items,
      int concurrency,
      ProgressMode progressMode,
      StreamedTokens tokens) {
    // Each item gets its own correlation id, <run>-<n>, so that its log lines can be picked out and
    // a run's lines grouped; content.json records it.
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<ContentRequest> requests = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      requests.add(
          ContentRequest.builder()
              .portfolio(items.get(i).portfolio())
              .theme(items.get(i).theme())
              .correlationId(run + "-" + (i + 1))
              .build());
    }
    BatchResult result;
    try (Progress progress =
        Progress.create(progressMode, env.interactive(), env.err(), "Generating", items.size())) {
      tokens.showOn(progress);
      result =
          engine.generateAll(
              requests,
              BatchOptions.ofDefaults()
                  .withMaxConcurrency(concurrency)
                  .withProgressListener(
                      p -> {
                        tokens.finished(run + "-" + (p.latest().index() + 1));
                        progress.update(
                            p.done(),
                            p.failed(),
                            items.get(p.latest().index()),
                            p.latest()
                                .contentIfPresent()
                                .map(
                                    g ->
                                        Progress.sourceOf(g)
                                            + ", "
                                            + g.duration().toMillis()
                                            + " ms")
                                .orElse("FAILED"));
                      }));
      tokens.showOn(Progress.none());
    }
    return result.items();
  }

  /** The summary rows of generated items; writes each success's {@code content.json}. */
  private static List<Row> rows(List<BuildItem> items, List<ItemResult> results, Plan plan) {
    List<Row> rows = new ArrayList<>();
    for (ItemResult r : results) {
      Row row = new Row(items.get(r.index()));
      if (r.isSuccess()) {
        row.content = r.content();
        OutputFiles.writeContent(row.item.directory(plan.out()), r.content());
      } else {
        row.error = Errors.describe(r.error());
      }
      rows.add(row);
    }
    return rows;
  }

  private static void pages(CliEnvironment env, List<Row> rows, Plan plan, ContentEngine engine) {
    List<Row> todo = rows.stream().filter(r -> r.content != null).toList();
    try (PageBuilder pages = PageBuilder.start(plan.guardian(), plan.predict());
        Progress progress =
            Progress.create(plan.progress(), env.interactive(), env.err(), "Pages", todo.size())) {
      env.err().println("Checking page layouts with " + pages.guardianName());
      int done = 0;
      int failed = 0;
      for (Row row : todo) {
        String outcome;
        try {
          PageBuilder.Page page =
              pages.build(
                  row.content, engine.theme(row.item.theme()), row.item.directory(plan.out()));
          row.fixes = page.fixes();
          outcome = "layout fixes: " + page.fixes();
        } catch (RuntimeException e) {
          failed++;
          row.fixes = "FAILED";
          row.error = "page: " + Errors.describe(e);
          outcome = "FAILED";
        }
        progress.update(++done, failed, row.item, outcome);
      }
    }
  }

  private static int report(CliEnvironment env, List<Row> rows, Plan plan, long tookMs) {
    List<List<String>> table = new ArrayList<>();
    for (Row r : rows) {
      GeneratedContent g = r.content;
      table.add(
          List.of(
              r.item.name(),
              r.item.theme(),
              g == null ? "FAILED" : Progress.sourceOf(g),
              g == null ? "-" : g.duration().toMillis() + " ms",
              r.fixes,
              g == null ? "-" : r.item.directory(plan.out()).toString()));
    }
    env.out()
        .print(
            TextTable.render(
                List.of("ITEM", "THEME", "SOURCE", "TIME", "LAYOUT FIXES", "OUTPUT"), table));
    long failed = rows.stream().filter(r -> r.error != null).count();
    env.out()
        .printf(
            "%d of %d built in %d ms; output in %s%n",
            rows.size() - failed, rows.size(), tookMs, plan.out().toAbsolutePath().normalize());
    for (Row r : rows) {
      if (r.error != null) {
        env.err().printf("error: %s (%s): %s%n", r.item.portfolio(), r.item.theme(), r.error);
      }
    }
    return failed == 0 ? TrinityCli.OK : TrinityCli.ITEMS_FAILED;
  }

  /**
   * The named themes.
   *
   * @throws CommandLine.ParameterException naming the available themes when one is unknown
   */
  static List<Theme> themes(CommandSpec spec, ContentEngine engine, List<String> names) {
    Set<String> known = engine.themes().stream().map(Theme::name).collect(Collectors.toSet());
    for (String t : names) {
      if (!known.contains(t)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "unknown theme '"
                + t
                + "'; available: "
                + engine.themes().stream().map(Theme::name).sorted().toList());
      }
    }
    return names.stream().map(engine::theme).toList();
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
