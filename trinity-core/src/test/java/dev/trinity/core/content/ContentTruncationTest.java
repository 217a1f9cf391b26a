package dev.trinity.core.content;

import static dev.trinity.core.PipelineHarness.failureOf;
import static dev.trinity.core.PipelineHarness.resultOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trinity.api.ContentValidationException;
import dev.trinity.api.content.AsyncContentEngine;
import dev.trinity.api.content.GeneratedContent;
import dev.trinity.core.PipelineHarness;
import dev.trinity.core.PipelineHarness.Wire;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An answer that stops inside its JSON (the model's token limit) is reported as cut off, never as
 * the schema errors of an inner object; its repair asks for a shorter answer and, within the
 * configured bound, for more output tokens; and a repair that would repeat a request is not sent.
 */
class ContentTruncationTest {
  /** The valid answer cut in the middle of its second project. */
  static final String CUT = PipelineHarness.VALID.substring(0, 600);

  static final int CUT_LENGTH = CUT.length();

  @Test
  void aCutOffAnswerIsReportedAsCutOffNotAsTheMissingFieldsOfAnInnerObject() {
    try (PipelineHarness h = new PipelineHarness(Wire.OLLAMA)) {
      h.server.enqueue(h.answer(CUT, true, 512));
      AsyncContentEngine engine = h.engine(b -> b.maxRepairs(0));

      Throwable failure =
          failureOf(engine.generateAsync(PipelineHarness.PORTFOLIO, engine.theme("minimalist")));

      assertThat(failure).isInstanceOf(ContentValidationException.class);
      assertThat(((ContentValidationException) failure).errors())
          .containsExactly(
              "$: the answer was cut off after "
                  + CUT_LENGTH
                  + " characters (the model stopped at its token limit)");
      assertThat(failure.getMessage()).doesNotContain("is required");
    }
  }

  @Test
  void withoutAFinishReasonTheCutIsStillFoundAndTheMessageSaysTokenLimitWithAQuestionMark() {
    try (PipelineHarness h = new PipelineHarness(Wire.OPENAI)) {
      h.server.enqueue(h.answer(CUT, false, 512));
      AsyncContentEngine engine = h.engine(b -> b.maxRepairs(0));

      Throwable failure =
          failureOf(engine.generateAsync(PipelineHarness.PORTFOLIO, engine.theme("minimalist")));

      assertThat(((ContentValidationException) failure).errors())
          .containsExactly(
              "$: the answer was cut off after " + CUT_LENGTH + " characters (token limit?)");
    }
  }

  @Test
  void theRepairOfACutOffAnswerAsksForAShorterAnswerAndSendsOnlyItsStart() {
    String longCut = "{\"brand_name\": \"Ada\", \"tagline\": \"" + "x".repeat(5_000);
    try (PipelineHarness h = new PipelineHarness(Wire.OLLAMA)) {
      h.server.enqueue(h.answer(longCut, true, 2048));
      h.server.enqueue(h.answer(PipelineHarness.VALID));
      AsyncContentEngine engine = h.engine();

      GeneratedContent result =
          resultOf(engine.generateAsync(PipelineHarness.PORTFOLIO, engine.theme("brutalist")));

      assertThat(result.repairs()).isEqualTo(1);
      assertThat(result.attempts()).isEqualTo(2);
      JsonNode first = h.takeBody();
      JsonNode repair = h.takeBody();
      List<Map.Entry<String, String>> messages = h.messages(repair);
      assertThat(messages).hasSize(4);
      assertThat(messages.subList(0, 2)).isEqualTo(h.messages(first));
      assertThat(messages.get(2).getKey()).isEqualTo("assistant");
      assertThat(messages.get(2).getValue())
          .startsWith("{\"brand_name\": \"Ada\"")
          .endsWith("[… cut off after " + longCut.length() + " characters]")
          .hasSizeLessThan(1_100);
      // brutalist: at most 6 projects and 80-character descriptions; the repair asks for half
      assertThat(messages.get(3).getValue())
          .contains("cut off after " + longCut.length() + " characters")
          .contains("at most 3 projects")
          .contains("descriptions of at most 40 characters")
          .contains("compact JSON");
      // no bound configured: the token limit is left to the provider
      assertThat(first.path("options").has("num_predict")).isFalse();
      assertThat(repair.path("options").has("num_predict")).isFalse();
    }
  }

  @Test
  void eachFurtherCutOffRepairAsksForLessSoNoTwoRepairsAreTheSame() {
    try (PipelineHarness h = new PipelineHarness(Wire.OLLAMA)) {
      h.server.enqueue(h.answer(CUT, true, 512));
      h.server.enqueue(h.answer(CUT, true, 512));
      h.server.enqueue(h.answer(PipelineHarness.VALID));
      AsyncContentEngine engine = h.engine();

      GeneratedContent result =
          resultOf(engine.generateAsync(PipelineHarness.PORTFOLIO, engine.theme("editorial")));

      assertThat(result.repairs()).isEqualTo(2);
      h.takeBody();
      String firstRepair = h.messages(h.takeBody()).get(3).getValue();
      String secondRepair = h.messages(h.takeBody()).get(3).getValue();
      // editorial: 6 projects, 280 characters; halved, then halved again
      assertThat(firstRepair).contains("at most 3 projects", "at most 140 characters");
      assertThat(secondRepair).contains("at most 1 projects", "at most 70 characters");
    }
  }

  /** The token limit field each wire carries, as a JSON pointer into the request body. */
  static String limitField(Wire wire) {
    switch (wire) {
      case OLLAMA:
        return "/options/num_predict";
      case OPENAI:
        return "/max_tokens";
      case LLAMACPP:
      default:
        return "/n_predict";
    }
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void withABoundEachCutOffRepairDoublesTheTokenLimitUpToTheBound(Wire wire) {
    try (PipelineHarness h = new PipelineHarness(wire)) {
      h.server.enqueue(h.answer(CUT, true, 512));
      h.server.enqueue(h.answer(CUT, true, 1024));
      h.server.enqueue(h.answer(PipelineHarness.VALID));
      AsyncContentEngine engine = h.engine(b -> b.maxOutputTokens(1500));

      GeneratedContent result =
          resultOf(engine.generateAsync(PipelineHarness.PORTFOLIO, engine.theme("hacker")));

      assertThat(result.attempts()).isEqualTo(3);
      String field = limitField(wire);
      assertThat(h.takeBody().at(field).isMissingNode()).isTrue();
      assertThat(h.takeBody().at(field).asInt()).isEqualTo(1024); // twice the 512 reported
      assertThat(h.takeBody().at(field).asInt()).isEqualTo(1500); // 2048, capped by the bound
    }
  }

  @Test
  void withoutReportedUsageTheRepairAsksForTheBoundAndKeepsItForLaterRepairs() {
    try (PipelineHarness h = new PipelineHarness(Wire.OLLAMA)) {
      h.server.enqueue(h.answer(CUT, true, 0));
      h.server.enqueue(h.answer(ContentRepairTest.BROKEN));
      h.server.enqueue(h.answer(PipelineHarness.VALID));
      AsyncContentEngine engine = h.engine(b -> b.maxOutputTokens(4096));

      resultOf(engine.generateAsync(PipelineHarness.PORTFOLIO, engine.theme("hacker")));

      h.takeBody();
      assertThat(h.takeBody().at("/options/num_predict").asInt()).isEqualTo(4096);
      JsonNode schemaRepair = h.takeBody();
      assertThat(schemaRepair.at("/options/num_predict").asInt()).isEqualTo(4096);
      assertThat(h.messages(schemaRepair).get(3).getValue()).contains("not valid JSON");
    }
  }

  @Test
  void theSameAnswerAgainStopsTheRepairsInsteadOfRepeatingTheRequest() {
    try (PipelineHarness h = new PipelineHarness(Wire.OLLAMA)) {
      h.server.enqueue(h.answer(""));
      h.server.enqueue(h.answer(""));
      h.server.enqueue(h.answer(PipelineHarness.VALID)); // never asked for
      AsyncContentEngine engine = h.engine();

      Throwable failure =
          failureOf(engine.generateAsync(PipelineHarness.PORTFOLIO, engine.theme("hacker")));

      assertThat(failure).isInstanceOf(ContentValidationException.class);
      ContentValidationException e = (ContentValidationException) failure;
      assertThat(e.getMessage())
          .startsWith("the model gave the same rejected answer again")
          .contains("stopped after 2 answers")
          .contains("$: the answer is empty");
      assertThat(e.attempts()).isEqualTo(2);
      assertThat(h.server.getRequestCount()).isEqualTo(2);
      assertThat(h.messages(h.takeBody())).hasSize(2);
      assertThat(h.messages(h.takeBody()).get(2).getValue()).isEqualTo("(an empty answer)");
    }
  }

  @Test
  void cutOffRepairsAtTheBoundStopOnceTheyCanAskForNothingShorter() {
    try (PipelineHarness h = new PipelineHarness(Wire.OLLAMA)) {
      for (int i = 0; i < 3; i++) {
        h.server.enqueue(h.answer(CUT, true, 1000));
      }
      h.server.enqueue(h.answer(PipelineHarness.VALID)); // never asked for
      AsyncContentEngine engine = h.engine(b -> b.maxRepairs(5).maxOutputTokens(1000));

      Throwable failure =
          failureOf(engine.generateAsync(PipelineHarness.PORTFOLIO, engine.theme("minimalist")));

      // minimalist: 4 projects, 100 characters; the repairs ask for 2 and 50, then 1 and 40, and a
      // third would ask for 1 and 40 again with the same answer and the limit already at the bound
      assertThat(failure).isInstanceOf(ContentValidationException.class);
      assertThat(failure.getMessage()).contains("same rejected answer", "stopped after 3 answers");
      assertThat(h.server.getRequestCount()).isEqualTo(3);
      h.takeBody();
      JsonNode firstRepair = h.takeBody();
      JsonNode secondRepair = h.takeBody();
      assertThat(firstRepair.at("/options/num_predict").asInt()).isEqualTo(1000);
      assertThat(secondRepair.at("/options/num_predict").asInt()).isEqualTo(1000);
      assertThat(h.messages(secondRepair).get(3).getValue())
          .contains("at most 1 projects", "at most 40 characters");
    }
  }

  @Test
  void aBoundOutsideItsRangeIsRefusedByName() {
    try (PipelineHarness h = new PipelineHarness(Wire.OLLAMA)) {
      assertThatThrownBy(() -> ContentEngines.builder(h.trinity).maxOutputTokens(-1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("maxOutputTokens must be in [0, 1000000]");
    }
  }
}
