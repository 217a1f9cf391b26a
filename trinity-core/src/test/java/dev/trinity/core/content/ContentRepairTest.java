package dev.trinity.core.content;

import static dev.trinity.core.PipelineHarness.failureOf;
import static dev.trinity.core.PipelineHarness.kv;
import static dev.trinity.core.PipelineHarness.resultOf;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.trinity.api.ContentValidationException;
import dev.trinity.api.Usage;
import dev.trinity.api.content.AsyncContentEngine;
import dev.trinity.api.content.ContentSource;
import dev.trinity.api.content.GeneratedContent;
import dev.trinity.api.content.Theme;
import dev.trinity.core.PipelineHarness;
import dev.trinity.core.PipelineHarness.Wire;
import dev.trinity.logging.LogEvents;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Invalid answers are sent back with their problems, a bounded number of times, never kept. */
class ContentRepairTest {
  static final String BROKEN = "{\"brand_name\": \"Ada\", \"hero\": {\"title\": oops}}";
  static final String OUT_OF_SCHEMA =
      PipelineHarness.VALID
          .replace("\"stars\":1300", "\"stars\":-5")
          .replace("\"brand_name\":\"Ada Kowalska\"", "\"brand_name\":\"" + "A".repeat(120) + "\"");

  @Test
  void invalidJsonIsRepairedWithAPromptThatCarriesTheErrors() {
    try (PipelineHarness h = new PipelineHarness(Wire.OLLAMA)) {
      h.server.enqueue(h.answer(BROKEN));
      h.server.enqueue(h.answer(PipelineHarness.VALID));
      AsyncContentEngine engine = h.engine();

      GeneratedContent result =
          resultOf(engine.generateAsync(PipelineHarness.PORTFOLIO, engine.theme("minimalist")));

      assertThat(result.attempts()).isEqualTo(2);
      assertThat(result.source()).isEqualTo(ContentSource.LLM);
      assertThat(result.usage()).isEqualTo(new Usage(200, 100));
      JsonNode first = h.takeBody();
      JsonNode repair = h.takeBody();
      List<Map.Entry<String, String>> firstMessages = h.messages(first);
      List<Map.Entry<String, String>> repairMessages = h.messages(repair);
      assertThat(repairMessages).hasSize(4);
      assertThat(repairMessages.subList(0, 2)).isEqualTo(firstMessages);
      assertThat(repairMessages.get(2)).isEqualTo(Map.entry("assistant", BROKEN));
      assertThat(repairMessages.get(3).getKey()).isEqualTo("user");
      assertThat(repairMessages.get(3).getValue())
          .contains("Your answer was rejected")
          .contains("- $: not valid JSON at line 1");
    }
  }

  @Test
  void eachRejectedAnswerIsLoggedWithItsErrorCountAndAttempt() {
    try (PipelineHarness h = new PipelineHarness(Wire.OLLAMA)) {
      h.server.enqueue(h.answer(OUT_OF_SCHEMA));
      h.server.enqueue(h.answer(PipelineHarness.VALID));

      resultOf(h.engine().generateAsync(PipelineHarness.PORTFOLIO, h.engine().theme("hacker")));

      List<ILoggingEvent> rejected = h.events(LogEvents.CONTENT_VALIDATION_FAILED);
      assertThat(rejected).hasSize(1);
      assertThat(kv(rejected.get(0), "errors")).isEqualTo(2);
      assertThat(kv(rejected.get(0), "attempt")).isEqualTo(1);
      assertThat(kv(rejected.get(0), "repair")).isEqualTo(true);
      assertThat(rejected.get(0).getFormattedMessage()).doesNotContain("AAAA");
      // the errors themselves and the answer only at DEBUG, under keys of their own
      List<ILoggingEvent> details = h.events(LogEvents.CONTENT_VALIDATION_ERRORS);
      assertThat(details).hasSize(1);
      assertThat(kv(details.get(0), "validation_errors")).asList().hasSize(2);
      assertThat(kv(details.get(0), "answer")).isEqualTo(OUT_OF_SCHEMA);
      assertThat(details.get(0).getKeyValuePairs())
          .extracting(p -> p.key)
          .containsExactly("validation_errors", "answer");
    }
  }

  @Test
  void answersThatStayOutOfSchemaFailWithEveryFieldPathAfterTwoRepairs() {
    try (PipelineHarness h = new PipelineHarness(Wire.OPENAI)) {
      // different answers each time (the same answer twice would stop the repairs earlier)
      h.server.enqueue(h.answer(OUT_OF_SCHEMA.replace("\"stars\":-5", "\"stars\":-7")));
      h.server.enqueue(h.answer(OUT_OF_SCHEMA.replace("\"stars\":-5", "\"stars\":-6")));
      h.server.enqueue(h.answer(OUT_OF_SCHEMA));

      Throwable failure =
          failureOf(
              h.engine().generateAsync(PipelineHarness.PORTFOLIO, h.engine().theme("enterprise")));

      assertThat(failure).isInstanceOf(ContentValidationException.class);
      ContentValidationException e = (ContentValidationException) failure;
      assertThat(e.errors())
          .containsExactly(
              "brand_name: must be at most 100 characters, was 120",
              "repos[0].stars: must be >= 0");
      assertThat(e.attempts()).isEqualTo(3);
      assertThat(e.rawOutput()).isEqualTo(OUT_OF_SCHEMA);
      assertThat(e.getMessage()).doesNotContain("AAAA");
      assertThat(h.server.getRequestCount()).isEqualTo(3);
      h.takeBody();
      h.takeBody();
      assertThat(h.messages(h.takeBody()).get(3).getValue())
          .contains("- brand_name: must be at most 100 characters, was 120")
          .contains("- repos[0].stars: must be >= 0");
    }
  }

  @Test
  void withNoRepairsTheFirstInvalidAnswerFails() {
    try (PipelineHarness h = new PipelineHarness(Wire.OLLAMA)) {
      h.server.enqueue(h.answer(BROKEN));
      AsyncContentEngine engine = h.engine(b -> b.maxRepairs(0));

      Throwable failure =
          failureOf(engine.generateAsync(PipelineHarness.PORTFOLIO, engine.theme("hacker")));

      assertThat(failure).isInstanceOf(ContentValidationException.class);
      assertThat(h.server.getRequestCount()).isEqualTo(1);
      assertThat(kv(h.events(LogEvents.CONTENT_VALIDATION_FAILED).get(0), "repair"))
          .isEqualTo(false);
    }
  }

  /**
   * The pipeline stores only answers the engine's validator accepts, so an answer rejected once can
   * never come back: the next generation for the same portfolio sends the same first request to the
   * model again, byte for byte, rather than being answered with the rejected text.
   */
  @Test
  void aRejectedAnswerIsNotServedNextTimeItsRequestGoesToTheModelAgain() {
    try (PipelineHarness h = new PipelineHarness(Wire.OLLAMA)) {
      h.server.enqueue(h.answer(BROKEN));
      h.server.enqueue(h.answer(PipelineHarness.VALID));
      h.server.enqueue(h.answer(PipelineHarness.VALID));
      AsyncContentEngine engine = h.engine();
      Theme theme = engine.theme("brutalist");

      GeneratedContent repaired = resultOf(engine.generateAsync(PipelineHarness.PORTFOLIO, theme));
      GeneratedContent again = resultOf(engine.generateAsync(PipelineHarness.PORTFOLIO, theme));

      assertThat(repaired.attempts()).isEqualTo(2);
      assertThat(again.attempts()).isEqualTo(1);
      assertThat(again.source()).isEqualTo(ContentSource.LLM);
      assertThat(h.server.getRequestCount()).isEqualTo(3);
      JsonNode rejectedRequest = h.takeBody();
      JsonNode repairRequest = h.takeBody();
      JsonNode nextRequest = h.takeBody();
      assertThat(repairRequest).isNotEqualTo(rejectedRequest);
      assertThat(nextRequest).isEqualTo(rejectedRequest);
    }
  }
}
