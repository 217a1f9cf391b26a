package dev.trinity.core.content;

import static dev.trinity.core.PipelineHarness.resultOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.content.GeneratedContent;
import dev.trinity.core.PipelineHarness;
import dev.trinity.core.PipelineHarness.Wire;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Answers as models really write them: the engine finds the JSON without a repair round. */
class ContentAnswerShapesTest {

  static Stream<Arguments> answers() {
    String json = PipelineHarness.VALID;
    return Stream.of(
        Arguments.of("bare", json),
        Arguments.of("fenced", "```json\n" + json + "\n```"),
        Arguments.of("fenced without a language", "```\n" + json + "\n```"),
        Arguments.of(
            "prose-wrapped",
            "Here is the site content for the brutalist theme:\n\n"
                + json
                + "\n\nLet me know if you want a different tagline!"),
        Arguments.of(
            "<think>-prefixed",
            "<think>\nThe user wants JSON with {brand_name}. I should pick the top projects.\n"
                + "</think>\n\n"
                + json),
        Arguments.of(
            "<think>-prefixed and fenced", "<think>plan</think>\n```json\n" + json + "\n```"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("answers")
  void theContentIsFoundInAnAnswerThatIs(String shape, String answer) {
    try (PipelineHarness h = new PipelineHarness(Wire.OLLAMA)) {
      h.server.enqueue(h.answer(answer));

      GeneratedContent result =
          resultOf(
              h.engine().generateAsync(PipelineHarness.PORTFOLIO, h.engine().theme("editorial")));

      assertThat(result.content().brandName()).isEqualTo("Ada Kowalska");
      assertThat(result.content().repos()).hasSize(3);
      assertThat(result.attempts()).isEqualTo(1);
      assertThat(h.server.getRequestCount()).isEqualTo(1);
    }
  }
}
