package dev.trinity.cli.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code trinity build PORTFOLIO [--theme T] [--out DIR] [--json-only]}. */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = {
      "Generates the site content of one portfolio in one theme.",
      "Writes OUT/<name>/<theme>/: content.json, index.html with its assets after the layout",
      "check and healing, layout.json (what the healer fixed), and screenshot.png when",
      "Chromium checked the layout."
    })
final class BuildCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;
  @Spec CommandSpec spec;
  @Mixin BuildOptions build;

  @Parameters(index = "0", paramLabel = "PORTFOLIO", description = "The portfolio file.")
  Path portfolio;

  @Option(
      names = {"-t", "--theme"},
      paramLabel = "THEME",
      defaultValue = "brutalist",
      description = "Theme (see 'trinity themes'); default ${DEFAULT-VALUE}.")
  String theme;

  @Override
  public Integer call() {
    Inputs.requireFile(spec, portfolio);
    return BatchBuild.run(spec, root, build.plan(List.of(portfolio), List.of(theme), 1));
  }
}
