package dev.trinity.core.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.content.Hero;
import dev.trinity.api.content.Link;
import dev.trinity.api.content.Project;
import dev.trinity.api.content.SiteContent;
import dev.trinity.api.content.TextCase;
import dev.trinity.api.content.ThemeRules;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ThemeStylerTest {
  static SiteContent content(int repos) {
    return new SiteContent(
        "Ada Kowalska",
        "Small, sharp tools for people who run PostgreSQL and Kubernetes in production",
        new Hero(
            "Observability without the noise",
            "I build collectors, exporters and the occasional dashboard.",
            new Link("See the projects", "#projects"),
            new Link("GitHub", "https://github.com/AdaK")),
        IntStream.range(0, repos)
            .mapToObj(
                i ->
                    new Project(
                        "pgwatch-lite-" + i,
                        "Lightweight PostgreSQL metrics collector with a Prometheus endpoint and no"
                            + " dependencies",
                        "https://github.com/AdaK/pgwatch-lite",
                        412,
                        "Go",
                        List.of("postgres", "prometheus", "observability", "go")))
            .toList(),
        List.of(new Link("About me", "#about")),
        new Link("Say hello", "mailto:ada@example.dev"));
  }

  static ThemeRules brutalist() {
    return ThemeCatalog.builtIn().stream()
        .filter(t -> t.name().equals("brutalist"))
        .findFirst()
        .orElseThrow()
        .rules();
  }

  @Test
  void brutalistPutsHeadingsLabelsAndNamesInUpperCaseAndLeavesUrlsAlone() {
    SiteContent styled = ThemeStyler.apply(content(2), brutalist());

    assertThat(styled.brandName()).isEqualTo("ADA KOWALSKA");
    assertThat(styled.hero().title()).isEqualTo("OBSERVABILITY WITHOUT THE NOISE");
    assertThat(styled.hero().ctaPrimary().label()).isEqualTo("SEE THE PROJECTS");
    assertThat(styled.hero().ctaSecondary().url()).isEqualTo("https://github.com/AdaK");
    assertThat(styled.menuItems().get(0).label()).isEqualTo("ABOUT ME");
    assertThat(styled.repos().get(0).name()).isEqualTo("PGWATCH-LITE-0");
    assertThat(styled.repos().get(0).url()).isEqualTo("https://github.com/AdaK/pgwatch-lite");
    assertThat(styled.repos().get(0).language()).isEqualTo("Go");
  }

  @Test
  void brutalistKeepsTaglinesShortAndCutsAtAWordBoundary() {
    SiteContent styled = ThemeStyler.apply(content(8), brutalist());

    assertThat(styled.tagline())
        .hasSizeLessThanOrEqualTo(60)
        .isEqualTo("Small, sharp tools for people who run PostgreSQL and…");
    assertThat(styled.repos()).hasSize(6);
    assertThat(styled.repos().get(0).description()).hasSizeLessThanOrEqualTo(80).endsWith("…");
    assertThat(styled.repos().get(0).tags())
        .containsExactly("postgres", "prometheus", "observability");
  }

  @Test
  void hackerPutsEverythingButUrlsInLowerCase() {
    ThemeRules hacker =
        ThemeCatalog.builtIn().stream()
            .filter(t -> t.name().equals("hacker"))
            .findFirst()
            .orElseThrow()
            .rules();

    SiteContent styled = ThemeStyler.apply(content(1), hacker);

    assertThat(styled.brandName()).isEqualTo("ada kowalska");
    assertThat(styled.hero().subtitle()).isEqualTo(styled.hero().subtitle().toLowerCase());
    assertThat(styled.repos().get(0).description()).startsWith("lightweight postgresql");
    assertThat(styled.hero().ctaSecondary().url()).isEqualTo("https://github.com/AdaK");
  }

  @Test
  void titleCaseKeepsAcronymsAndShortJoiningWords() {
    assertThat(ThemeStyler.recase("SSL certificates for the web and an API", TextCase.TITLE))
        .isEqualTo("SSL Certificates for the Web and an API");
    assertThat(ThemeStyler.recase("the quick fix", TextCase.TITLE)).isEqualTo("The Quick Fix");
  }

  @Test
  void sentenceCaseCapitalisesOnlyTheFirstLetter() {
    assertThat(ThemeStyler.recase("\"quiet\" tools for SREs", TextCase.SENTENCE))
        .isEqualTo("\"Quiet\" tools for SREs");
  }

  @Test
  void truncationNeverExceedsTheLimit() {
    assertThat(ThemeStyler.truncate("Supercalifragilistic", 8)).isEqualTo("Superca…").hasSize(8);
    assertThat(ThemeStyler.truncate("short", 8)).isEqualTo("short");
    assertThat(ThemeStyler.truncate("one two three four", 12)).isEqualTo("one two…");
    assertThat(ThemeStyler.truncate("🚀🚀🚀🚀", 3)).isEqualTo("🚀🚀…");
  }

  @Test
  void theDefaultRulesChangeNothing() {
    SiteContent c = content(3);

    assertThat(ThemeStyler.apply(c, ThemeRules.ofDefaults())).isEqualTo(c);
  }
}
