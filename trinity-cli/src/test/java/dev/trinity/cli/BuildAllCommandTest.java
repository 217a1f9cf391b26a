package dev.trinity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildAllCommandTest {
  @TempDir Path dir;

  private Path portfolios() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("ada.md"), BuildCommandTest.PORTFOLIO);
    Files.writeString(
        in.resolve("marco.txt"), BuildCommandTest.PORTFOLIO.replace("Ada Kowalska", "Marco Rossi"));
    Files.writeString(in.resolve(".hidden.md"), "not a portfolio");
    return in;
  }

  @Test
  void buildsEveryPortfolioInEveryThemeWithPlainLinesWhenNotOnATerminal() throws Exception {
    Path out = dir.resolve("out");

    Cli.Result r =
        Cli.in(dir)
            .run(
                "build-all",
                portfolios().toString(),
                "--themes",
                "hacker,minimalist",
                "--concurrency",
                "2",
                "--out",
                out.toString(),
                "--json-only",
                "--provider",
                "offline");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains("Building 4 items (2 portfolios x 2 themes)");
    assertThat(r.err().lines().filter(l -> l.matches("Generating \\[\\d/4] .*"))).hasSize(4);
    assertThat(r.err()).contains("[4/4]").doesNotContain("\r");
    assertThat(r.out().lines().filter(l -> l.contains(" offline "))).hasSize(4);
    assertThat(r.out()).contains("LAYOUT FIXES").contains("4 of 4 built");
    for (String item :
        new String[] {"ada/hacker", "ada/minimalist", "marco/hacker", "marco/minimalist"}) {
      assertThat(out.resolve(item).resolve("content.json")).isRegularFile();
    }
    assertThat(out.resolve(".hidden")).doesNotExist();
    List<String> ids = new ArrayList<>();
    for (String item : new String[] {"ada/hacker", "marco/minimalist"}) {
      ids.add(
          new ObjectMapper()
              .readTree(out.resolve(item).resolve("content.json").toFile())
              .path("correlation_id")
              .asText());
    }
    assertThat(ids.get(0)).matches("[0-9a-f]{8}-1");
    assertThat(ids.get(1)).isEqualTo(ids.get(0).replaceFirst("-1$", "-4"));
  }

  @Test
  void everyThemeByDefault() throws Exception {
    Cli.Result r =
        Cli.in(dir)
            .run(
                "build-all",
                portfolios().resolve("ada.md").toString(),
                "--out",
                dir.resolve("out").toString(),
                "--json-only",
                "--provider",
                "offline",
                "--progress",
                "none");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("5 of 5 built");
    assertThat(r.err()).doesNotContain("Generating [1/5]");
  }

  @Test
  void showsAProgressBarOnATerminal() throws Exception {
    Cli.Result r =
        Cli.in(dir)
            .interactive()
            .run(
                "build-all",
                portfolios().toString(),
                "--themes",
                "hacker",
                "--out",
                dir.resolve("out").toString(),
                "--json-only",
                "--provider",
                "offline");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains("Building").contains("100%").contains("2/2").contains("\r");
    assertThat(r.err()).doesNotContain("Generating [1/2]");
  }

  @Test
  void equalFileNamesGetTheirOwnDirectories() throws Exception {
    Path a = Files.createDirectories(dir.resolve("a"));
    Path b = Files.createDirectories(dir.resolve("b"));
    Files.writeString(a.resolve("cv.md"), BuildCommandTest.PORTFOLIO);
    Files.writeString(b.resolve("cv.md"), BuildCommandTest.PORTFOLIO);
    Path out = dir.resolve("out");

    Cli.Result r =
        Cli.in(dir)
            .run(
                "build-all",
                a.toString(),
                b.toString(),
                "--themes",
                "hacker",
                "--out",
                out.toString(),
                "--json-only",
                "--provider",
                "offline");

    assertThat(r.exitCode()).isZero();
    assertThat(out.resolve("cv/hacker/content.json")).isRegularFile();
    assertThat(out.resolve("cv-2/hacker/content.json")).isRegularFile();
  }

  @Test
  void aSuffixedNameThatIsAlsoAFileNameIsNotShared() throws Exception {
    Path a = Files.createDirectories(dir.resolve("a"));
    Path b = Files.createDirectories(dir.resolve("b"));
    Files.writeString(a.resolve("cv.md"), BuildCommandTest.PORTFOLIO);
    Files.writeString(a.resolve("cv-2.md"), BuildCommandTest.PORTFOLIO);
    Files.writeString(b.resolve("cv.md"), BuildCommandTest.PORTFOLIO);
    Path out = dir.resolve("out");

    Cli.Result r =
        Cli.in(dir)
            .run(
                "build-all",
                a.resolve("cv.md").toString(),
                a.resolve("cv-2.md").toString(),
                b.resolve("cv.md").toString(),
                "--themes",
                "hacker",
                "--out",
                out.toString(),
                "--json-only",
                "--provider",
                "offline");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(out.resolve("cv/hacker/content.json")).isRegularFile();
    assertThat(out.resolve("cv-2/hacker/content.json")).isRegularFile();
    assertThat(out.resolve("cv-3/hacker/content.json")).isRegularFile();
  }

  @Test
  void aMissingPathIsABadUsage() throws Exception {
    Cli.Result r =
        Cli.in(dir)
            .run(
                "build-all",
                portfolios().toString(),
                dir.resolve("gone").toString(),
                "--provider",
                "offline");

    assertThat(r.exitCode()).isEqualTo(TrinityCli.USAGE);
    assertThat(r.err()).contains("no such file").contains("gone");
  }

  @Test
  void anEmptyDirectoryIsABadUsage() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));

    Cli.Result r = Cli.in(dir).run("build-all", empty.toString(), "--provider", "offline");

    assertThat(r.exitCode()).isEqualTo(TrinityCli.USAGE);
    assertThat(r.err()).contains("no portfolio files in");
  }

  @Test
  void concurrencyOutOfRangeIsABadUsage() throws Exception {
    Cli.Result zero = Cli.in(dir).run("build-all", portfolios().toString(), "-c", "0");
    Cli.Result words = Cli.in(dir).run("build-all", portfolios().toString(), "-c", "many");

    assertThat(zero.exitCode()).isEqualTo(TrinityCli.USAGE);
    assertThat(zero.err()).contains("--concurrency must be between 1 and 256, was 0");
    assertThat(words.exitCode()).isEqualTo(TrinityCli.USAGE);
    assertThat(words.err()).contains("'many' is not an int");
  }

  @Test
  void noPathIsABadUsage() {
    Cli.Result r = Cli.in(dir).run("build-all");

    assertThat(r.exitCode()).isEqualTo(TrinityCli.USAGE);
    assertThat(r.err()).contains("Missing required parameter").contains("PATH");
  }
}
