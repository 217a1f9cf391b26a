package dev.trinity.core.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trinity.api.AsyncLlmClient;
import dev.trinity.api.LlmClient;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.ResponseValidator;
import dev.trinity.api.content.ContentRequest;
import dev.trinity.api.content.ContentSource;
import dev.trinity.api.content.GeneratedContent;
import dev.trinity.api.content.SiteContent;
import dev.trinity.api.content.Theme;
import dev.trinity.api.content.ThemeRules;
import dev.trinity.core.PipelineHarness;
import dev.trinity.core.Trinity;
import dev.trinity.core.content.internal.AnswerSource;
import dev.trinity.core.content.internal.offline.OfflineExtractor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The offline provider is handed the portfolio and the theme's limits by the engine; it reads
 * nothing back out of the prompt written for a model.
 */
class OfflineSourceTest {

  @Test
  void theThemesProjectLimitReachesTheExtractorWhateverTheThemesWordingSays() {
    // the description quotes the wording of the prompt's own rule, with another figure
    Theme grid =
        new Theme(
            "grid",
            "A dense grid; repos: at most 3 projects per row.",
            "Plain.",
            ThemeRules.builder().maxRepos(5).build());
    try (Trinity trinity = OfflineAndFallbackTest.offline()) {
      GeneratedContent result =
          ContentEngines.create(trinity)
              .generate(
                  ContentRequest.builder()
                      .portfolio(OfflineAndFallbackTest.fixture())
                      .theme(grid)
                      .build());

      assertThat(result.source()).isEqualTo(ContentSource.OFFLINE);
      assertThat(result.content().repos()).hasSize(5);
      assertThat(result.content().hero().subtitle()).startsWith("5 projects");
    }
  }

  @Test
  void theEnginesAnswerIsWhatTheExtractorBuildsFromThePortfolioStyledByTheTheme() throws Exception {
    String text = Files.readString(OfflineAndFallbackTest.fixture(), StandardCharsets.UTF_8);
    try (Trinity trinity = OfflineAndFallbackTest.offline()) {
      var engine = ContentEngines.create(trinity);
      Theme editorial = engine.theme("editorial");

      SiteContent viaEngine = engine.generate(ContentRequest.ofText(text, "editorial")).content();
      SiteContent direct =
          OfflineExtractor.content(text.strip(), editorial.rules().maxRepos()).orElseThrow();

      assertThat(viaEngine.repos()).hasSameSizeAs(direct.repos());
      assertThat(viaEngine.hero().subtitle()).isEqualTo(direct.hero().subtitle());
      assertThat(viaEngine.repos().get(0).stars()).isEqualTo(direct.repos().get(0).stars());
    }
  }

  @Test
  void throughTheLlmClientTheOfflineProviderReadsThePromptAsThePortfolio() throws Exception {
    String text = Files.readString(OfflineAndFallbackTest.fixture(), StandardCharsets.UTF_8);
    try (Trinity trinity = OfflineAndFallbackTest.offline()) {
      LlmResponse response = trinity.llm().generate(text);

      JsonNode json = PipelineHarness.JSON.readTree(response.text());
      assertThat(response.provider()).isEqualTo("offline");
      assertThat(response.model()).isEqualTo("rule-based");
      assertThat(json.path("repos")).hasSize(SiteContent.MAX_REPOS);
      assertThat(json.path("repos").get(0).path("name").asText()).isEqualTo("certmate");
    }
  }

  @Test
  void theOfflineSourceNeedsTheRequestPipeline() {
    AsyncLlmClient notAPipeline =
        new AsyncLlmClient() {
          @Override
          public CompletableFuture<LlmResponse> generate(
              LlmRequest request, ResponseValidator validator) {
            return CompletableFuture.failedFuture(new IllegalStateException("not called"));
          }

          @Override
          public LlmClient sync() {
            throw new UnsupportedOperationException();
          }
        };

    assertThatThrownBy(
            () ->
                AnswerSource.of(
                    notAPipeline,
                    OfflineExtractor.answering("x", 1, Clock.systemUTC()),
                    Clock.systemUTC()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("offline provider needs the request pipeline");
  }
}
