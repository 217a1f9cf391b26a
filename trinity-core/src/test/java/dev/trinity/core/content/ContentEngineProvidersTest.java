package dev.trinity.core.content;

import static dev.trinity.core.PipelineHarness.kv;
import static dev.trinity.core.PipelineHarness.resultOf;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.trinity.api.Usage;
import dev.trinity.api.content.ContentSource;
import dev.trinity.api.content.GeneratedContent;
import dev.trinity.core.PipelineHarness;
import dev.trinity.core.PipelineHarness.Wire;
import dev.trinity.core.content.internal.PromptTemplates;
import dev.trinity.logging.LogEvents;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A valid answer through each built-in provider's wire format, end to end. */
class ContentEngineProvidersTest {

  @ParameterizedTest(name = "{0}")
  @EnumSource(Wire.class)
  void aValidAnswerBecomesThemedContentLabelledWithItsSource(Wire wire) {
    try (PipelineHarness h = new PipelineHarness(wire)) {
      h.server.enqueue(h.answer(PipelineHarness.VALID));

      GeneratedContent result =
          resultOf(
              h.engine().generateAsync(PipelineHarness.PORTFOLIO, h.engine().theme("brutalist")));

      assertThat(result.source()).isEqualTo(ContentSource.LLM);
      assertThat(result.provider()).isEqualTo(wire.provider);
      assertThat(result.theme()).isEqualTo("brutalist");
      assertThat(result.attempts()).isEqualTo(1);
      assertThat(result.usage()).isEqualTo(new Usage(100, 50));
      assertThat(result.warnings()).isEmpty();
      assertThat(result.content().brandName()).isEqualTo("ADA KOWALSKA");
      assertThat(result.content().repos())
          .extracting(p -> p.name())
          .containsExactly("KUBE-JANITOR-RS", "PGWATCH-LITE", "SLOWLOG-EXPLAIN");
      assertThat(h.server.getRequestCount()).isEqualTo(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Wire.class)
  void theRequestCarriesTheThemesSystemPromptThePortfolioAndTheSchema(Wire wire) {
    try (PipelineHarness h = new PipelineHarness(wire)) {
      h.server.enqueue(h.answer(PipelineHarness.VALID));

      resultOf(h.engine().generateAsync(PipelineHarness.PORTFOLIO, h.engine().theme("minimalist")));

      JsonNode body = h.takeBody();
      String everything =
          String.join("\n", h.messages(body).stream().map(Map.Entry::getValue).toList());
      assertThat(everything)
          .contains("\"minimalist\" theme")
          .contains("Calm and precise")
          .contains("\"brand_name\"")
          .contains(
              PromptTemplates.PORTFOLIO_OPEN
                  + "\n"
                  + PipelineHarness.PORTFOLIO.strip()
                  + "\n"
                  + PromptTemplates.PORTFOLIO_CLOSE);
      assertThat(h.schemaSent(body).at("/properties/repos/maxItems").asInt()).isEqualTo(20);
      if (wire != Wire.LLAMACPP) {
        assertThat(h.messages(body))
            .extracting(Map.Entry::getKey)
            .containsExactly("system", "user");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Wire.class)
  void aGeneratedEventSaysThemeSourceDurationAttemptsAndRepos(Wire wire) {
    try (PipelineHarness h = new PipelineHarness(wire)) {
      h.server.enqueue(h.answer(PipelineHarness.VALID));

      GeneratedContent result =
          resultOf(h.engine().generateAsync(PipelineHarness.PORTFOLIO, h.engine().theme("hacker")));

      List<ILoggingEvent> events = h.events(LogEvents.CONTENT_GENERATED);
      assertThat(events).hasSize(1);
      ILoggingEvent e = events.get(0);
      assertThat(e.getLevel()).isEqualTo(Level.INFO);
      assertThat(kv(e, "theme")).isEqualTo("hacker");
      assertThat(kv(e, "source")).isEqualTo("llm");
      assertThat(kv(e, "duration_ms")).isEqualTo(0L);
      assertThat(kv(e, "attempt")).isEqualTo(1);
      assertThat(kv(e, "repos")).isEqualTo(3);
      assertThat(kv(e, "provider")).isEqualTo(wire.provider);
      assertThat(e.getMDCPropertyMap()).containsEntry("correlation_id", result.correlationId());
    }
  }
}
