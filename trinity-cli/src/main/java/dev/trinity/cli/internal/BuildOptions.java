package dev.trinity.cli.internal;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Options {@code build} and {@code build-all} share. */
final class BuildOptions {
  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      defaultValue = "output",
      description = "Output directory; default ${DEFAULT-VALUE}.")
  Path out;

  @Option(names = "--json-only", description = "Write only content.json, no page.")
  boolean jsonOnly;

  @Option(
      names = "--no-fallback",
      description =
          "Fail an item when the model fails, instead of answering with the offline extractor.")
  boolean noFallback;

  @Option(
      names = "--guardian",
      paramLabel = "CHECK",
      defaultValue = "auto",
      description =
          "Layout check of the page: ${COMPLETION-CANDIDATES}; auto is Chromium when installed"
              + " (with a screenshot), else text metrics.")
  GuardianChoice guardian;

  @Option(
      names = "--no-predict",
      description =
          "Heal pages by escalation alone, from no fixes, instead of starting from the"
              + " layout-risk predictor's plan (see 'trinity predict').")
  boolean noPredict;

  BatchBuild.Plan plan(List<Path> portfolios, List<String> themes, int concurrency) {
    return plan(portfolios, themes, concurrency, ProgressMode.NONE);
  }

  BatchBuild.Plan plan(
      List<Path> portfolios, List<String> themes, int concurrency, ProgressMode progress) {
    return new BatchBuild.Plan(
        portfolios,
        themes,
        out,
        concurrency,
        jsonOnly,
        !noFallback,
        guardian,
        !noPredict,
        progress);
  }
}
