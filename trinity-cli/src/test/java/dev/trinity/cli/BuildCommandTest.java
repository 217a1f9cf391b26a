package dev.trinity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCommandTest {
  static final String PORTFOLIO =
      """
      # Ada Kowalska

      Platform engineer. I build tools that keep deployments boring.

      ## Projects

      ### driftwatch
      Detects configuration drift between Terraform state and live AWS resources.
      Language: Go
      Stars: 412
      URL: https://github.com/ada/driftwatch

      ### logsieve
      Filters noisy Kubernetes logs before they reach the aggregator.
      Language: Rust
      Stars: 88
      """;

  @TempDir Path dir;

  private Path portfolio(String name) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, PORTFOLIO);
    return file;
  }

  @Test
  void buildsOnePortfolioAndWritesItsContent() throws Exception {
    Path file = portfolio("ada.md");
    Path out = dir.resolve("out");

    Cli.Result r =
        Cli.in(dir)
            .run(
                "build",
                file.toString(),
                "--theme",
                "hacker",
                "--out",
                out.toString(),
                "--json-only",
                "--provider",
                "offline");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    Path json = out.resolve("ada/hacker/content.json");
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    assertThat(root.path("source").asText()).isEqualTo("offline");
    assertThat(root.path("theme").asText()).isEqualTo("hacker");
    assertThat(root.path("content").path("repos")).hasSize(2);
    assertThat(root.path("content").path("repos").get(0).path("name").asText())
        .isEqualTo("driftwatch");
    assertThat(r.out()).contains("ITEM").contains("ada").contains("hacker").contains("offline");
    assertThat(r.out()).contains("1 of 1 built");
  }

  @Test
  void aMissingPortfolioIsABadUsage() {
    Cli.Result r =
        Cli.in(dir).run("build", dir.resolve("nope.md").toString(), "--provider", "offline");

    assertThat(r.exitCode()).isEqualTo(TrinityCli.USAGE);
    assertThat(r.err()).startsWith("error: no such file: ").contains("nope.md");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aDirectoryIsNotAPortfolio() {
    Cli.Result r = Cli.in(dir).run("build", dir.toString(), "--provider", "offline");

    assertThat(r.exitCode()).isEqualTo(TrinityCli.USAGE);
    assertThat(r.err()).contains("not a file");
  }

  @Test
  void anUnknownThemeIsABadUsageThatListsTheThemes() throws Exception {
    Cli.Result r =
        Cli.in(dir)
            .run("build", portfolio("ada.md").toString(), "-t", "baroque", "--provider", "offline");

    assertThat(r.exitCode()).isEqualTo(TrinityCli.USAGE);
    assertThat(r.err()).contains("unknown theme 'baroque'").contains("brutalist");
  }

  @Test
  void aBadConfigurationIsOneLineAndExitTwo() throws Exception {
    Path config = dir.resolve("trinity.yaml");
    Files.writeString(config, "llm:\n  timeout: soon\n");

    Cli.Result r =
        Cli.in(dir).run("--config", config.toString(), "build", portfolio("a.md").toString());

    assertThat(r.exitCode()).isEqualTo(TrinityCli.USAGE);
    assertThat(r.err().lines().findFirst())
        .hasValueSatisfying(l -> assertThat(l).startsWith("error: llm.timeout").contains("soon"));
    assertThat(r.err()).doesNotContain("\tat ").contains("run with -v");
  }

  @Test
  void verboseAddsTheStackTrace() throws Exception {
    Cli.Result r =
        Cli.in(dir).env("LLM_TIMEOUT", "soon").run("-v", "build", portfolio("a.md").toString());

    assertThat(r.exitCode()).isEqualTo(TrinityCli.USAGE);
    assertThat(r.err()).contains("LLM_TIMEOUT (llm.timeout)").contains("\tat dev.trinity");
  }

  @Test
  void aMissingConfigFileIsABadUsage() throws Exception {
    Cli.Result r =
        Cli.in(dir)
            .run(
                "build",
                portfolio("a.md").toString(),
                "--config",
                dir.resolve("no.yaml").toString());

    assertThat(r.exitCode()).isEqualTo(TrinityCli.USAGE);
    assertThat(r.err()).contains("no.yaml").contains("not found");
  }

  @Test
  void aFailingModelFailsTheItemWithExitOneWhenFallbackIsOff() throws Exception {
    Cli.Result r = buildAgainstAnOllamaThatDoesNotAnswer("--no-fallback");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(TrinityCli.ITEMS_FAILED);
    assertThat(r.out()).contains("FAILED").contains("0 of 1 built");
    assertThat(r.err()).contains("error: " + dir.resolve("a.md") + " (brutalist): ");
    assertThat(dir.resolve("out/a/brutalist/content.json")).doesNotExist();
  }

  @Test
  void theOfflineFallbackAnswersWhenTheModelFails() throws Exception {
    Cli.Result r = buildAgainstAnOllamaThatDoesNotAnswer();

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("fallback");
  }

  @Test
  void withNoProviderChosenAndNoOllamaItSaysSoAndRunsOffline() throws Exception {
    Cli.Result r =
        Cli.in(dir)
            .env("LLM_API_URL", "http://127.0.0.1:" + closedPort())
            .run(
                "build",
                portfolio("a.md").toString(),
                "--out",
                dir.resolve("out").toString(),
                "--json-only");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains("Ollama does not answer").contains("offline provider");
    assertThat(r.out()).contains("offline");
  }

  /**
   * Builds a.md (JSON only, into out/) with Ollama on a closed port and one attempt per request.
   */
  private Cli.Result buildAgainstAnOllamaThatDoesNotAnswer(String... more) throws IOException {
    Path config = dir.resolve("trinity.yaml");
    Files.writeString(config, "retry: { max_attempts: 1 }\n");
    List<String> args =
        new ArrayList<>(
            List.of(
                "build",
                portfolio("a.md").toString(),
                "--config",
                config.toString(),
                "--provider",
                "ollama",
                "--url",
                "http://127.0.0.1:" + closedPort(),
                "--out",
                dir.resolve("out").toString(),
                "--json-only"));
    args.addAll(List.of(more));
    return Cli.in(dir).run(args.toArray(String[]::new));
  }

  static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
