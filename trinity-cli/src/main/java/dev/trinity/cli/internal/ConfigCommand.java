package dev.trinity.cli.internal;

import dev.trinity.cli.TrinityCli;
import dev.trinity.core.EffectiveConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code trinity config show}. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = "Shows the configuration.",
    subcommands = ConfigCommand.Show.class)
final class ConfigCommand {
  @ParentCommand RootCommand root;

  /** {@code trinity config show}: every value in force, secrets masked, and where it came from. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = {
        "Shows the configuration in force, secrets masked, and where each value came from:",
        "default, file, environment variable or option."
      })
  static final class Show implements Callable<Integer> {
    @ParentCommand ConfigCommand config;

    @Override
    public Integer call() {
      Settings settings = config.root.settings();
      List<List<String>> rows = new ArrayList<>();
      for (EffectiveConfig.Setting s : settings.effective().settings()) {
        rows.add(List.of(s.key(), s.value(), settings.originOf(s)));
      }
      config
          .root
          .environment()
          .out()
          .print(TextTable.render(List.of("KEY", "VALUE", "FROM"), rows));
      return TrinityCli.OK;
    }
  }
}
