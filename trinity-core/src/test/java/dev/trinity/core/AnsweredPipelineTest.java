package dev.trinity.core;

import static dev.trinity.core.PipelineHarness.resultOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.Capability;
import dev.trinity.api.ContentValidationException;
import dev.trinity.api.LlmProvider;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.ResponseValidator;
import dev.trinity.core.internal.pipeline.LlmPipeline;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A call answered by another provider than the pipeline's still runs through its stages. */
class AnsweredPipelineTest {
  private PipelineHarness h;

  @AfterEach
  void stop() {
    if (h != null) {
      h.close();
    }
  }

  @Test
  void theAnswererAnswersInsteadOfTheProviderAndTheAnswerIsCachedUnderTheRequestsKey()
      throws Exception {
    h = new PipelineHarness();
    Answerer answerer = new Answerer("from the answerer");
    LlmPipeline pipeline = (LlmPipeline) h.trinity.llmAsync();
    LlmRequest request = LlmRequest.of("same");

    LlmResponse answered =
        resultOf(pipeline.generate(request, ResponseValidator.ACCEPT_ALL, answerer));
    LlmResponse plain = resultOf(h.trinity.llmAsync().generate(request));

    assertThat(answered.text()).isEqualTo("from the answerer");
    assertThat(answered.attempts()).isEqualTo(1);
    assertThat(answerer.calls.get()).isEqualTo(1);
    assertThat(answerer.lastPrompt).isEqualTo("same");
    // the same request through the provider's door finds the answer in the cache
    assertThat(plain.cached()).isTrue();
    assertThat(plain.text()).isEqualTo("from the answerer");
    assertThat(h.server.getRequestCount()).isZero();
  }

  @Test
  void aCachedAnswerIsServedWithoutAskingTheAnswerer() throws Exception {
    h = new PipelineHarness();
    h.server.enqueue(PipelineHarness.ok("from the model"));
    LlmPipeline pipeline = (LlmPipeline) h.trinity.llmAsync();
    Answerer answerer = new Answerer("never");

    resultOf(pipeline.generate(LlmRequest.of("same")));
    LlmResponse second =
        resultOf(pipeline.generate(LlmRequest.of("same"), ResponseValidator.ACCEPT_ALL, answerer));

    assertThat(second.cached()).isTrue();
    assertThat(second.text()).isEqualTo("from the model");
    assertThat(answerer.calls.get()).isZero();
  }

  @Test
  void anAnswerTheValidatorRejectsIsNotCached() throws Exception {
    h = new PipelineHarness();
    LlmPipeline pipeline = (LlmPipeline) h.trinity.llmAsync();
    Answerer answerer = new Answerer("rejected");
    ResponseValidator rejectAll =
        r -> {
          throw new ContentValidationException("no", List.of("$: no"), r.text(), null);
        };

    PipelineHarness.failureOf(pipeline.generate(LlmRequest.of("same"), rejectAll, answerer));
    resultOf(pipeline.generate(LlmRequest.of("same"), ResponseValidator.ACCEPT_ALL, answerer));

    assertThat(answerer.calls.get()).isEqualTo(2);
  }

  /** Answers every request with one text, counting the calls. */
  private static final class Answerer implements LlmProvider {
    final AtomicInteger calls = new AtomicInteger();
    final String text;
    volatile String lastPrompt = "";

    Answerer(String text) {
      this.text = text;
    }

    @Override
    public String name() {
      return "answerer";
    }

    @Override
    public String endpoint() {
      return "answerer:local";
    }

    @Override
    public String defaultModel() {
      return "none";
    }

    @Override
    public Set<Capability> capabilities() {
      return Set.of();
    }

    @Override
    public CompletableFuture<LlmResponse> generate(LlmRequest request) {
      calls.incrementAndGet();
      lastPrompt = request.messages().get(request.messages().size() - 1).content();
      return CompletableFuture.completedFuture(
          LlmResponse.builder().text(text).model("none").provider(name()).build());
    }
  }
}
