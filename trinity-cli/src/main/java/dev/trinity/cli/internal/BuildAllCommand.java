package dev.trinity.cli.internal;

import dev.trinity.api.content.BatchOptions;
import dev.trinity.api.content.Theme;
import dev.trinity.core.content.ContentEngines;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code trinity build-all PATH... [--themes a,b,c] [--concurrency N]}. */
@Command(
    name = "build-all",
    mixinStandardHelpOptions = true,
    description = {
      "Generates every portfolio in every theme, concurrently, and prints a summary table.",
      "A PATH is a portfolio file or a directory of them (not recursive, hidden files skipped).",
      "Shows a progress bar on a terminal and one line per item otherwise."
    })
final class BuildAllCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;
  @Spec CommandSpec spec;
  @Mixin BuildOptions build;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Portfolio files or directories.")
  List<Path> paths;

  @Option(
      names = "--themes",
      split = ",",
      paramLabel = "THEME",
      description = "Themes to build, comma-separated; default every theme.")
  List<String> themes = new ArrayList<>();

  @Option(
      names = {"-c", "--concurrency"},
      paramLabel = "N",
      defaultValue = "" + BatchOptions.DEFAULT_MAX_CONCURRENCY,
      description = "Items generated at the same time (1-256); default ${DEFAULT-VALUE}.")
  int concurrency;

  @Option(
      names = "--progress",
      paramLabel = "MODE",
      defaultValue = "auto",
      description = "${COMPLETION-CANDIDATES}: auto is a bar on a terminal, lines otherwise.")
  ProgressMode progress;

  @Override
  public Integer call() {
    if (concurrency < 1 || concurrency > BatchOptions.MAX_CONCURRENCY) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--concurrency must be between 1 and "
              + BatchOptions.MAX_CONCURRENCY
              + ", was "
              + concurrency);
    }
    List<Path> portfolios = Inputs.expand(spec, paths);
    List<String> names =
        themes.isEmpty()
            ? ContentEngines.builtInThemes().stream().map(Theme::name).toList()
            : themes.stream().map(String::strip).distinct().toList();
    return BatchBuild.run(spec, root, build.plan(portfolios, names, concurrency, progress));
  }
}
