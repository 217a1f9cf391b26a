package dev.trinity.core.content;

import static dev.trinity.core.PipelineHarness.failureOf;
import static dev.trinity.core.PipelineHarness.kv;
import static dev.trinity.core.PipelineHarness.resultOf;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.trinity.api.content.ContentRequest;
import dev.trinity.api.content.Fallback;
import dev.trinity.api.content.GeneratedContent;
import dev.trinity.core.LlmConfig;
import dev.trinity.core.PipelineHarness;
import dev.trinity.core.PipelineHarness.Wire;
import dev.trinity.logging.LogEvents;
import dev.trinity.logging.LogEvents.Keys;
import org.junit.jupiter.api.Test;

/** The offline extractor says which shape it read a portfolio as, and when it fell back. */
class OfflineShapeEventsTest {
  private static final String NOTES =
      "hey, Yusuf here. my notes\n\nlog-sift — grep for structured logs. Go, 210 stars.\n";

  @Test
  void theOfflineProviderLogsTheShapeAndTheProjectsFoundAndShown() {
    try (PipelineHarness h =
        new PipelineHarness(
            Wire.OLLAMA, b -> b.llm(LlmConfig.builder().provider("offline").build()))) {
      GeneratedContent result =
          resultOf(
              h.engine()
                  .generateAsync(
                      ContentRequest.of(OfflineAndFallbackTest.fixture(), "minimalist")));

      ILoggingEvent event = h.events(LogEvents.OFFLINE_EXTRACTED).get(0);
      assertThat(kv(event, Keys.SHAPE)).isEqualTo("github_dashboard");
      assertThat(kv(event, Keys.SHAPE_FALLBACK)).isEqualTo(false);
      assertThat(kv(event, Keys.PROJECTS_FOUND)).isEqualTo(88);
      assertThat(kv(event, Keys.PROJECTS_SHOWN)).isEqualTo(4);
      assertThat(result.content().repos()).hasSize(4);
      assertThat(result.content().hero().subtitle()).startsWith("4 projects in Python");
    }
  }

  @Test
  void whenNoShapeFitsItWarnsThatItFellBackToPlainText() {
    try (PipelineHarness h =
        new PipelineHarness(
            Wire.OLLAMA, b -> b.llm(LlmConfig.builder().provider("offline").build()))) {
      GeneratedContent result =
          resultOf(h.engine().generateAsync(ContentRequest.ofText(NOTES, "editorial")));

      ILoggingEvent event = h.events(LogEvents.OFFLINE_EXTRACTED).get(0);
      assertThat(event.getLevel()).isEqualTo(Level.WARN);
      assertThat(kv(event, Keys.SHAPE)).isEqualTo("plain_text");
      assertThat(kv(event, Keys.SHAPE_FALLBACK)).isEqualTo(true);
      assertThat(result.content().repos())
          .singleElement()
          .extracting(p -> p.name())
          .isEqualTo("log-sift");
    }
  }

  @Test
  void theFallbackAfterAFailedModelLogsTheShapeToo() {
    try (PipelineHarness h = new PipelineHarness(Wire.OLLAMA)) {
      h.server.enqueue(PipelineHarness.status(503));

      GeneratedContent result =
          resultOf(
              h.engine(b -> b.fallback(Fallback.offline()))
                  .generateAsync(ContentRequest.ofText(NOTES, "hacker")));

      assertThat(result.warnings()).singleElement().asString().contains("fallback (offline)");
      assertThat(kv(h.events(LogEvents.OFFLINE_EXTRACTED).get(0), Keys.SHAPE))
          .isEqualTo("plain_text");
    }
  }

  @Test
  void aPortfolioWithoutProjectsNamesTheShapeItWasReadAs() {
    try (PipelineHarness h =
        new PipelineHarness(
            Wire.OLLAMA, b -> b.llm(LlmConfig.builder().provider("offline").build()))) {
      Throwable failure =
          failureOf(
              h.engine()
                  .generateAsync(
                      ContentRequest.ofText(
                          "EXPERIENCE\nBackend developer at Acme (2019 - 2023)\n\nEDUCATION\nBSc\n",
                          "editorial")));

      assertThat(failure)
          .hasMessageContaining("found no projects")
          .hasMessageContaining("read as plain_resume");
      assertThat(kv(h.events(LogEvents.OFFLINE_EXTRACTED).get(0), Keys.PROJECTS_FOUND))
          .isEqualTo(0);
    }
  }
}
