package dev.trinity.core.content;

import static dev.trinity.core.PipelineHarness.resultOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.content.GeneratedContent;
import dev.trinity.api.content.StreamProgress;
import dev.trinity.core.PipelineHarness;
import dev.trinity.core.PipelineHarness.Wire;
import dev.trinity.logging.CorrelationContext;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/** The content engine reports a streamed generation's progress, for the command line's bar. */
class StreamProgressTest {

  /** What the listener heard: chunks, characters and the correlation id at each call. */
  static final class Heard implements StreamProgress {
    final List<int[]> calls = new ArrayList<>();
    final List<String> ids = new ArrayList<>();

    @Override
    public synchronized void generated(int chunks, int characters) {
      calls.add(new int[] {chunks, characters});
      ids.add(CorrelationContext.current());
    }
  }

  /** {@code text} as Ollama streams it, in pieces of {@code size} characters. */
  static MockResponse streamedInPieces(String text, int size) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < text.length(); i += size) {
      String piece = text.substring(i, Math.min(text.length(), i + size));
      body.append("{\"model\":\"test-model\",\"message\":{\"role\":\"assistant\",\"content\":")
          .append(PipelineHarness.JSON.getNodeFactory().textNode(piece))
          .append("},\"done\":false}\n");
    }
    body.append(
        "{\"model\":\"test-model\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},"
            + "\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":100,"
            + "\"eval_count\":42}\n");
    return new MockResponse.Builder().code(200).chunkedBody(body.toString(), 64).build();
  }

  @Test
  void reportsTheTextReceivedSoFarWhileTheAnswerStreams() throws Exception {
    try (PipelineHarness h = new PipelineHarness(Wire.OLLAMA)) {
      h.server.enqueue(streamedInPieces(PipelineHarness.VALID, 40));
      Heard heard = new Heard();

      GeneratedContent result =
          resultOf(
              h.engine(b -> b.streamProgress(heard))
                  .generateAsync(PipelineHarness.PORTFOLIO, h.engine().theme("editorial")));

      assertThat(result.content().brandName()).isEqualTo("Ada Kowalska");
      int pieces = (PipelineHarness.VALID.length() + 39) / 40;
      assertThat(heard.calls).hasSize(pieces);
      for (int i = 0; i < pieces; i++) {
        assertThat(heard.calls.get(i)[0]).isEqualTo(i + 1);
      }
      assertThat(heard.calls.get(pieces - 1)[1]).isEqualTo(PipelineHarness.VALID.length());
      assertThat(heard.ids).doesNotContainNull().containsOnly(heard.ids.get(0));
      assertThat(h.takeBody().path("stream").asBoolean()).isTrue();
    }
  }

  @Test
  void aProviderThatDoesNotStreamIsAskedWholeAndReportsNothing() throws Exception {
    try (PipelineHarness h = new PipelineHarness()) {
      h.server.enqueue(h.answer(PipelineHarness.VALID));
      Heard heard = new Heard();

      GeneratedContent result =
          resultOf(
              h.engine(b -> b.streamProgress(heard))
                  .generateAsync(PipelineHarness.PORTFOLIO, h.engine().theme("editorial")));

      assertThat(result.content().brandName()).isEqualTo("Ada Kowalska");
      assertThat(heard.calls).isEmpty();
      assertThat(h.server.getRequestCount()).isEqualTo(1);
    }
  }
}
