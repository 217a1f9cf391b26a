package dev.trinity.core;

import static dev.trinity.core.PipelineHarness.failureOf;
import static dev.trinity.core.PipelineHarness.ok;
import static dev.trinity.core.PipelineHarness.resultOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.ContentValidationException;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.ResponseValidator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationTest {
  private static final ResponseValidator NEEDS_JSON =
      r -> {
        if (!r.text().startsWith("{")) {
          throw new ContentValidationException(
              "not JSON", List.of("$: expected an object"), r.text(), null);
        }
      };

  @Test
  void aRejectedAnswerFailsWithTheValidatorsException() throws Exception {
    try (PipelineHarness h = new PipelineHarness()) {
      h.server.enqueue(ok("plain text"));

      Throwable t = failureOf(h.trinity.llmAsync().generate(LlmRequest.of("x"), NEEDS_JSON));

      assertThat(t).isInstanceOf(ContentValidationException.class);
      assertThat(((ContentValidationException) t).errors())
          .containsExactly("$: expected an object");
      assertThat(((ContentValidationException) t).rawOutput()).isEqualTo("plain text");
      assertThat(h.server.getRequestCount()).isEqualTo(1);
    }
  }

  @Test
  void anAcceptedAnswerIsReturned() throws Exception {
    try (PipelineHarness h = new PipelineHarness()) {
      h.server.enqueue(ok("{}"));

      assertThat(resultOf(h.trinity.llmAsync().generate(LlmRequest.of("x"), NEEDS_JSON)).text())
          .isEqualTo("{}");
    }
  }
}
