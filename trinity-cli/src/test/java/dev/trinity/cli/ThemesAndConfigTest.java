package dev.trinity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemesAndConfigTest {
  @TempDir Path dir;

  @Test
  void themesListsEachThemeWithItsVoiceOnOneLine() {
    Cli.Result r = Cli.in(dir).run("themes");

    assertThat(r.exitCode()).isZero();
    List<String> lines = r.out().lines().skip(2).toList();
    assertThat(lines)
        .extracting(l -> l.split(" ")[0])
        .containsExactly("brutalist", "editorial", "enterprise", "hacker", "minimalist");
    assertThat(lines.get(3)).contains("A terminal session.");
  }

  @Test
  void themesReadsAHostsThemeFile() throws Exception {
    Path file = dir.resolve("themes.yaml");
    Files.writeString(
        file,
        """
        themes:
          vaporwave:
            description: Pastel retro
            voice: Dreamy and nostalgic. Mentions sunsets.
        """);

    Cli.Result r = Cli.in(dir).run("themes", "--file", file.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("vaporwave").contains("Dreamy and nostalgic.");
    assertThat(r.out()).doesNotContain("Mentions sunsets");
  }

  @Test
  void themesWithAMissingFileIsABadUsage() {
    Cli.Result r = Cli.in(dir).run("themes", "--file", dir.resolve("none.yaml").toString());

    assertThat(r.exitCode()).isEqualTo(TrinityCli.USAGE);
    assertThat(r.err()).startsWith("error: ").contains("none.yaml");
  }

  @Test
  void configShowNamesWhereEveryValueCameFromAndMasksSecrets() throws Exception {
    Path file = dir.resolve("trinity.yaml");
    Files.writeString(file, "llm:\n  provider: openai\n  timeout: 20s\ncache:\n  ttl: 10m\n");

    Cli.Result r =
        Cli.in(dir)
            .env("LLM_API_KEY", "sk-live-123456")
            .env("LLM_TEMPERATURE", "0.2")
            .run("--config", file.toString(), "--model", "gpt-4.1", "config", "show");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(row(r, "llm.provider")).containsSubsequence("openai", "file " + file);
    assertThat(row(r, "llm.timeout")).containsSubsequence("20s", "file");
    assertThat(row(r, "cache.ttl")).containsSubsequence("600s", "file");
    assertThat(row(r, "llm.model")).containsSubsequence("gpt-4.1", "option --model");
    assertThat(row(r, "llm.temperature")).containsSubsequence("0.2", "environment LLM_TEMPERATURE");
    assertThat(row(r, "llm.api_key")).containsSubsequence("****", "environment LLM_API_KEY");
    assertThat(row(r, "retry.max_attempts")).containsSubsequence("3", "default");
    assertThat(row(r, "cache.filesystem.directory"))
        .containsSubsequence(dir.resolve("cache").toString(), "environment CACHE_DIR");
    assertThat(r.out()).doesNotContain("sk-live-123456");
  }

  @Test
  void configShowRejectsABadValueNamingItsVariable() {
    Cli.Result r = Cli.in(dir).env("CACHE_REDIS_PORT", "sixty").run("config", "show");

    assertThat(r.exitCode()).isEqualTo(TrinityCli.USAGE);
    assertThat(r.err()).startsWith("error: CACHE_REDIS_PORT (cache.redis.port)");
  }

  private static String row(Cli.Result r, String key) {
    return r.out().lines().filter(l -> l.startsWith(key + " ")).findFirst().orElse("");
  }
}
