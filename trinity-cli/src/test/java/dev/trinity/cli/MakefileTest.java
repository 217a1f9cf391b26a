package dev.trinity.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Runs {@code make -n} for every target of the root Makefile and checks that each prints commands
 * that exist: the Maven Wrapper, a real subcommand of the trinity jar, jq, docker, rm.
 */
class MakefileTest {
  static final List<String> REQUIRED =
      List.of(
          "help",
          "install",
          "test",
          "test-coverage",
          "format",
          "lint",
          "build",
          "build-all",
          "cache-stats",
          "cache-clear",
          "logs",
          "logs-json",
          "logs-errors",
          "logs-performance",
          "logs-analyze",
          "logs-clear",
          "bench",
          "train",
          "predict",
          "docker-build",
          "docker-run",
          "docker-logs",
          "docker-stop",
          "t",
          "f",
          "l",
          "b");
  static final Set<String> PROGRAMS = Set.of("./mvnw", "java", "jq", "docker", "rm");
  static final Pattern TARGET = Pattern.compile("^([a-z][a-z-]*):", Pattern.MULTILINE);

  static Path root;
  static String makefile;

  @BeforeAll
  static void findMakefile() throws IOException {
    root = Path.of("").toAbsolutePath();
    while (root != null && !Files.exists(root.resolve("Makefile"))) {
      root = root.getParent();
    }
    assertThat(root).as("a Makefile above " + Path.of("").toAbsolutePath()).isNotNull();
    makefile = Files.readString(root.resolve("Makefile"));
  }

  @Test
  void hasEveryTargetTheProjectDocuments() {
    assertThat(targets()).containsAll(REQUIRED);
  }

  @Test
  void helpIsTheDefaultAndListsEveryTarget() throws Exception {
    assumeTrue(makeInstalled(), "make is not installed: the Makefile is not run");

    Run r = make("-s");

    assertThat(r.exitCode).isZero();
    for (String t : REQUIRED) {
      assertThat(r.out)
          .as("help lists " + t)
          .containsPattern("(?m)^  " + Pattern.quote(t) + " +\\S");
    }
  }

  @Test
  void everyTargetRunsARealCommand() throws Exception {
    assumeTrue(makeInstalled(), "make is not installed: the Makefile is not run");
    for (String target : targets()) {
      if (target.equals("help")) {
        continue;
      }
      Run r = make("-n", target, "TIER=redis");
      assertThat(r.exitCode).as("make -n %s: %s", target, r.out).isZero();
      List<String> lines = r.out.lines().filter(l -> !l.isBlank()).toList();
      assertThat(lines).as("make -n %s prints a command", target).isNotEmpty();
      for (String line : lines) {
        checkCommand(target, line);
      }
    }
  }

  private static void checkCommand(String target, String line) {
    List<String> words = Arrays.asList(line.trim().split("\\s+"));
    assertThat(PROGRAMS).as("make %s runs %s", target, line).contains(words.get(0));
    switch (words.get(0)) {
      case "./mvnw" -> assertThat(root.resolve("mvnw")).isExecutable();
      case "java" -> {
        assertThat(words.subList(0, 3))
            .containsExactly("java", "-jar", "trinity-cli/target/trinity.jar");
        checkTrinityCommand(target, words.subList(3, words.size()));
      }
      case "docker" -> assertThat(words.get(1)).isIn("build", "compose");
      default -> {}
    }
  }

  /** The words after the jar must name a command of the CLI, and its options must parse. */
  private static void checkTrinityCommand(String target, List<String> args) {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream());
    CommandLine cli = TrinityCli.commandLine(new CliEnvironment(Map.of(), sink, sink, false));
    CommandLine.ParseResult parsed = cli.parseArgs(args.toArray(String[]::new));
    assertThat(parsed.hasSubcommand())
        .as("make %s names a trinity command: %s", target, args)
        .isTrue();
  }

  private static List<String> targets() {
    List<String> out = new ArrayList<>();
    Matcher m = TARGET.matcher(makefile);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static boolean makeInstalled() {
    try {
      return make("--version").exitCode == 0;
    } catch (IOException e) {
      return false;
    }
  }

  private record Run(int exitCode, String out) {}

  private static Run make(String... args) throws IOException {
    List<String> command =
        new ArrayList<>(List.of("make", "-C", root.toString(), "--no-print-directory"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("make " + command + " did not finish");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return new Run(p.exitValue(), out);
  }
}
