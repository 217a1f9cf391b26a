package dev.trinity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandLineTest {
  @TempDir Path dir;

  @Test
  void everyCommandAnswersHelpWithUsageAndExitsZero() {
    List<List<String>> paths = new ArrayList<>();
    collect(TrinityCli.commandLine(quietEnvironment()), new ArrayList<>(), paths);
    assertThat(paths)
        .extracting(p -> String.join(" ", p))
        .contains(
            "",
            "build",
            "build-all",
            "themes",
            "cache",
            "cache stats",
            "cache clear",
            "config",
            "config show",
            "doctor",
            "generate-completion");
    for (List<String> path : paths) {
      List<String> args = new ArrayList<>(path);
      args.add("--help");
      Cli.Result r = Cli.in(dir).run(args.toArray(String[]::new));
      assertThat(r.exitCode()).as("%s --help", path).isZero();
      assertThat(r.out()).as("%s --help", path).startsWith("Usage: trinity");
      assertThat(r.err()).as("%s --help", path).isEmpty();
    }
  }

  @Test
  void versionNamesTheJavaRuntime() {
    Cli.Result r = Cli.in(dir).run("--version");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("trinity").contains("Java " + Runtime.version().feature());
  }

  @Test
  void anUnknownOptionIsABadUsageWithOneErrorLine() {
    Cli.Result r = Cli.in(dir).run("themes", "--colour");

    assertThat(r.exitCode()).isEqualTo(TrinityCli.USAGE);
    assertThat(r.err()).startsWith("error: Unknown option: '--colour'");
    assertThat(r.err()).contains("Try 'trinity themes --help'");
    assertThat(r.err()).doesNotContain("at dev.trinity").doesNotContain("Exception");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void anUnknownCommandSuggestsTheNearestOne() {
    Cli.Result r = Cli.in(dir).run("buidl");

    assertThat(r.exitCode()).isEqualTo(TrinityCli.USAGE);
    assertThat(r.err()).contains("error: Unmatched argument at index 0: 'buidl'");
    assertThat(r.err()).contains("build");
  }

  @Test
  void noCommandIsABadUsage() {
    Cli.Result r = Cli.in(dir).run();

    assertThat(r.exitCode()).isEqualTo(TrinityCli.USAGE);
    assertThat(r.err()).contains("Missing required subcommand");
  }

  @Test
  void aMissingValueIsABadUsage() {
    Cli.Result r = Cli.in(dir).run("build-all", "x", "--concurrency");

    assertThat(r.exitCode()).isEqualTo(TrinityCli.USAGE);
    assertThat(r.err()).contains("Missing required parameter for option '--concurrency'");
  }

  @Test
  void aBadLogProfileIsABadUsage() {
    Cli.Result r = Cli.in(dir).run("--log-profile", "loud", "themes");

    assertThat(r.exitCode()).isEqualTo(TrinityCli.USAGE);
    assertThat(r.err()).contains("--log-profile").contains("loud");
  }

  @Test
  void globalOptionsAreAcceptedAfterTheCommandToo() {
    Cli.Result before = Cli.in(dir).run("--provider", "offline", "config", "show");
    Cli.Result after = Cli.in(dir).run("config", "show", "--provider", "offline");

    assertThat(before.exitCode()).isZero();
    assertThat(after.out()).isEqualTo(before.out()).contains("option --provider");
  }

  @Test
  void theCompletionScriptCoversEveryCommand() {
    Cli.Result r = Cli.in(dir).run("generate-completion");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains("complete -F")
        .contains("build-all")
        .contains("doctor")
        .contains("--json-only")
        .contains("--quick");
  }

  private static void collect(CommandLine cli, List<String> prefix, List<List<String>> out) {
    out.add(prefix);
    for (var e : cli.getSubcommands().entrySet()) {
      List<String> path = new ArrayList<>(prefix);
      path.add(e.getKey());
      collect(e.getValue(), path, out);
    }
  }

  private static CliEnvironment quietEnvironment() {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream());
    return new CliEnvironment(Map.of(), sink, sink, false);
  }
}
