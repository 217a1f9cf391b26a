package dev.trinity.core.content;

import static dev.trinity.core.PipelineHarness.resultOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trinity.api.InvalidInputException;
import dev.trinity.api.content.AsyncContentEngine;
import dev.trinity.api.content.ContentRequest;
import dev.trinity.api.content.GeneratedContent;
import dev.trinity.api.content.SiteContent;
import dev.trinity.api.content.TextCase;
import dev.trinity.api.content.Theme;
import dev.trinity.api.content.ThemeRules;
import dev.trinity.core.PipelineHarness;
import dev.trinity.core.PipelineHarness.Wire;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The theme's rules shape every answer; hosts bring their own themes. */
class ContentThemesTest {
  @TempDir Path dir;

  @Test
  void brutalistAnswersGetUpperCaseHeadingsAndItsLengthLimits() {
    try (PipelineHarness h = new PipelineHarness(Wire.OLLAMA)) {
      h.server.enqueue(h.answer(PipelineHarness.VALID));

      SiteContent c =
          resultOf(
                  h.engine()
                      .generateAsync(PipelineHarness.PORTFOLIO, h.engine().theme("brutalist")))
              .content();

      ThemeRules rules = h.engine().theme("brutalist").rules();
      assertThat(c.brandName()).isEqualTo("ADA KOWALSKA");
      assertThat(c.hero().title())
          .isEqualTo(c.hero().title().toUpperCase())
          .hasSizeLessThanOrEqualTo(rules.maxHeroTitleLength())
          .isEqualTo("OBSERVABILITY WITHOUT THE NOISE OR THE…");
      assertThat(c.hero().ctaPrimary().label()).isEqualTo("SEE THE PROJECTS");
      assertThat(c.hero().ctaPrimary().url()).isEqualTo("#projects");
      assertThat(c.tagline()).hasSizeLessThanOrEqualTo(60).endsWith("…");
      assertThat(c.repos().get(0).description()).hasSizeLessThanOrEqualTo(80);
      assertThat(c.repos().get(0).url())
          .isEqualTo("https://github.com/adakowalska/kube-janitor-rs");
      assertThat(c.menuItems()).extracting(l -> l.label()).containsExactly("PROJECTS");
    }
  }

  @Test
  void hackerAnswersAreLowerCaseThroughout() {
    try (PipelineHarness h = new PipelineHarness(Wire.OLLAMA)) {
      h.server.enqueue(h.answer(PipelineHarness.VALID));

      SiteContent c =
          resultOf(h.engine().generateAsync(PipelineHarness.PORTFOLIO, h.engine().theme("hacker")))
              .content();

      assertThat(c.brandName()).isEqualTo("ada kowalska");
      assertThat(c.tagline()).isEqualTo(c.tagline().toLowerCase());
      assertThat(c.repos().get(2).description()).isEqualTo("slow logs to explain plans.");
    }
  }

  @Test
  void aThemeFromTheHostsFileShapesThePromptAndTheAnswer() throws Exception {
    Path file = dir.resolve("themes.yaml");
    Files.writeString(
        file,
        "themes:\n"
            + "  neon:\n"
            + "    description: Pink neon on black.\n"
            + "    voice: A synthwave radio host.\n"
            + "    rules: { heading_case: upper, max_repos: 1 }\n");
    try (PipelineHarness h = new PipelineHarness(Wire.OPENAI)) {
      h.server.enqueue(h.answer(PipelineHarness.VALID));
      AsyncContentEngine engine = h.engine(b -> b.themes(file));

      GeneratedContent result =
          resultOf(engine.generateAsync(ContentRequest.ofText(PipelineHarness.PORTFOLIO, "neon")));

      assertThat(engine.themes()).extracting(Theme::name).contains("neon", "brutalist");
      assertThat(result.theme()).isEqualTo("neon");
      assertThat(result.content().repos()).hasSize(1);
      assertThat(result.content().hero().title())
          .isEqualTo("OBSERVABILITY WITHOUT THE NOISE OR THE PAGER");
      assertThat(h.messages(h.takeBody()).get(0))
          .satisfies(
              m ->
                  assertThat(m.getValue())
                      .contains("A synthwave radio host.")
                      .contains("\"neon\""));
    }
  }

  @Test
  void aThemeInTheRequestNeedsNoRegistration() {
    Theme quiet =
        new Theme(
            "quiet",
            "Grey on white.",
            "Whisper.",
            ThemeRules.builder().textCase(TextCase.LOWER).maxTaglineLength(20).build());
    try (PipelineHarness h = new PipelineHarness(Wire.LLAMACPP)) {
      h.server.enqueue(h.answer(PipelineHarness.VALID));

      GeneratedContent result =
          resultOf(h.engine().generateAsync(PipelineHarness.PORTFOLIO, quiet));

      assertThat(result.theme()).isEqualTo("quiet");
      assertThat(result.content().tagline()).isEqualTo("small, sharp tools…");
      assertThat(h.messages(h.takeBody()))
          .extracting(Map.Entry::getValue)
          .singleElement()
          .asString()
          .contains("Whisper.");
    }
  }

  @Test
  void themeNamesAreMatchedWhateverTheirLetterCase() {
    try (PipelineHarness h = new PipelineHarness(Wire.OLLAMA)) {
      h.server.enqueue(h.answer(PipelineHarness.VALID));
      AsyncContentEngine engine = h.engine();

      GeneratedContent result =
          resultOf(
              engine.generateAsync(ContentRequest.ofText(PipelineHarness.PORTFOLIO, "HaCkEr")));

      assertThat(engine.theme("Brutalist").name()).isEqualTo("brutalist");
      assertThat(engine.sync().theme(" MINIMALIST ").name()).isEqualTo("minimalist");
      assertThat(result.theme()).isEqualTo("hacker");
      assertThat(result.content().brandName()).isEqualTo("ada kowalska");
    }
  }

  @Test
  void anUnknownThemeInAnyCaseStillListsTheKnownNames() {
    try (PipelineHarness h = new PipelineHarness(Wire.OLLAMA)) {
      AsyncContentEngine engine = h.engine();

      assertThatThrownBy(() -> engine.theme("Vaporwave"))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage(
              "theme: unknown theme 'Vaporwave'; known themes: brutalist, editorial, enterprise,"
                  + " hacker, minimalist");
    }
  }
}
