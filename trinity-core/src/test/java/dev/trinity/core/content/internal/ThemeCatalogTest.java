package dev.trinity.core.content.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.trinity.api.ConfigurationException;
import dev.trinity.api.InvalidInputException;
import dev.trinity.api.content.TextCase;
import dev.trinity.api.content.Theme;
import dev.trinity.api.content.ThemeRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemeCatalogTest {
  @TempDir Path dir;

  @Test
  void fiveThemesAreBuiltIn() {
    assertThat(ThemeCatalog.builtIn())
        .extracting(Theme::name)
        .containsExactly("brutalist", "editorial", "enterprise", "hacker", "minimalist");
  }

  @Test
  void builtInThemesCarryTheirRules() {
    Theme brutalist = ThemeCatalog.of(List.of()).get("brutalist");
    Theme hacker = ThemeCatalog.of(List.of()).get("hacker");

    assertThat(brutalist.rules().headingCase()).isEqualTo(TextCase.UPPER);
    assertThat(brutalist.rules().maxTaglineLength()).isEqualTo(60);
    assertThat(brutalist.voice()).contains("DEPLOY");
    assertThat(hacker.rules().textCase()).isEqualTo(TextCase.LOWER);
  }

  @Test
  void anUnknownThemeNamesTheKnownOnes() {
    InvalidInputException e =
        catchThrowableOfType(
            InvalidInputException.class, () -> ThemeCatalog.of(List.of()).get("vaporwave"));

    assertThat(e.input()).isEqualTo("theme");
    assertThat(e.getMessage())
        .isEqualTo(
            "theme: unknown theme 'vaporwave'; known themes: brutalist, editorial, enterprise,"
                + " hacker, minimalist");
  }

  @Test
  void aHostsThemeFileAddsThemesAndReplacesBuiltInOnes() throws Exception {
    Path file = dir.resolve("themes.yaml");
    Files.writeString(
        file,
        "themes:\n"
            + "  neon:\n"
            + "    description: Pink on black.\n"
            + "    voice: Loud and friendly.\n"
            + "    rules: { heading_case: upper, max_tagline_length: 50 }\n"
            + "  brutalist:\n"
            + "    description: Our own brutalist.\n"
            + "    voice: Blunt.\n");

    ThemeCatalog catalog = ThemeCatalog.of(ThemeCatalog.load(file));

    assertThat(catalog.all()).extracting(Theme::name).contains("neon", "brutalist", "hacker");
    assertThat(catalog.get("neon").rules())
        .isEqualTo(ThemeRules.builder().headingCase(TextCase.UPPER).maxTaglineLength(50).build());
    assertThat(catalog.get("brutalist").description()).isEqualTo("Our own brutalist.");
    assertThat(catalog.get("brutalist").rules()).isEqualTo(ThemeRules.ofDefaults());
  }

  @Test
  void anUnknownKeyInAThemeFileIsNamedWithTheFile() throws Exception {
    Path file = dir.resolve("themes.yaml");
    Files.writeString(
        file,
        "themes:\n  neon:\n    description: d\n    voice: v\n    rules: { heading_cse: upper }\n");

    ConfigurationException e =
        catchThrowableOfType(ConfigurationException.class, () -> ThemeCatalog.load(file));

    assertThat(e.key()).isEqualTo("themes.neon.rules.heading_cse");
    assertThat(e.getMessage()).contains(file.toString()).contains("heading_case");
  }

  @Test
  void aRuleOutOfRangeIsNamed() throws Exception {
    Path file = dir.resolve("themes.yaml");
    Files.writeString(
        file, "themes:\n  neon:\n    description: d\n    voice: v\n    rules: { max_repos: 50 }\n");

    ConfigurationException e =
        catchThrowableOfType(ConfigurationException.class, () -> ThemeCatalog.load(file));

    assertThat(e.key()).isEqualTo("themes.neon.rules.max_repos");
    assertThat(e.getMessage()).contains("must be in [1, 20], was 50");
  }

  @Test
  void aMissingThemeFileIsAConfigurationError() {
    ConfigurationException e =
        catchThrowableOfType(
            ConfigurationException.class, () -> ThemeCatalog.load(dir.resolve("nope.yaml")));

    assertThat(e.getMessage()).contains("does not exist");
  }
}
