package dev.trinity.core.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.AsyncLlmClient;
import dev.trinity.api.Capability;
import dev.trinity.api.ContentValidationException;
import dev.trinity.api.LlmClient;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.ResponseFormat;
import dev.trinity.api.ResponseSource;
import dev.trinity.api.ResponseValidator;
import dev.trinity.api.Usage;
import dev.trinity.api.content.AsyncContentEngine;
import dev.trinity.api.content.ContentRequest;
import dev.trinity.api.content.ContentSource;
import dev.trinity.api.content.Fallback;
import dev.trinity.api.content.GeneratedContent;
import dev.trinity.core.PipelineHarness;
import dev.trinity.core.content.internal.DefaultContentEngine;
import dev.trinity.core.content.internal.EngineSettings;
import dev.trinity.core.content.internal.PromptTemplates;
import dev.trinity.core.content.internal.ThemeCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The engine against a client that keeps the {@link ResponseValidator} contract the way the cache
 * stage will: an answer is stored only when the caller's validator accepts it, and a stored answer
 * is validated again before it is served. Everything runs on the test thread.
 */
class ValidatorContractTest {
  static final String BROKEN = "{\"brand_name\": oops";

  /** A cache in front of a scripted model, honouring the validator contract. */
  static final class CachingClient implements AsyncLlmClient {
    final Deque<String> answers = new ArrayDeque<>();
    final List<LlmRequest> sentToModel = new ArrayList<>();
    final List<ResponseValidator> validators = new ArrayList<>();
    final Map<String, LlmResponse> cache = new HashMap<>();
    final List<CompletableFuture<LlmResponse>> held = new ArrayList<>();
    boolean hold;

    @Override
    public CompletableFuture<LlmResponse> generate(
        LlmRequest request, ResponseValidator validator) {
      validators.add(validator);
      String key = key(request);
      LlmResponse cached = cache.get(key);
      if (cached != null) {
        try {
          validator.validate(cached);
          return CompletableFuture.completedFuture(cached);
        } catch (ContentValidationException rejected) {
          cache.remove(key);
        }
      }
      sentToModel.add(request);
      if (hold) {
        CompletableFuture<LlmResponse> f = new CompletableFuture<>();
        held.add(f);
        return f;
      }
      LlmResponse fresh =
          LlmResponse.builder()
              .text(answers.removeFirst())
              .model("m")
              .provider("scripted")
              .usage(new Usage(10, 5))
              .build();
      try {
        validator.validate(fresh);
      } catch (ContentValidationException rejected) {
        return CompletableFuture.failedFuture(rejected);
      }
      cache.put(key, fresh.toBuilder().source(ResponseSource.CACHE, "memory").attempts(0).build());
      return CompletableFuture.completedFuture(fresh);
    }

    /** What the real key covers, minus the per-call fields (correlation id, deadline). */
    static String key(LlmRequest r) {
      return r.toBuilder().correlationId(null).timeout(null).build().hashCode()
          + "|"
          + r.messages().stream().map(m -> m.role() + ":" + m.content()).toList()
          + "|"
          + r.systemPrompt().orElse("")
          + "|"
          + r.promptVersion().orElse("");
    }

    @Override
    public LlmClient sync() {
      throw new UnsupportedOperationException();
    }
  }

  final CachingClient client = new CachingClient();

  AsyncContentEngine engine(Set<Capability> capabilities) {
    return new DefaultContentEngine(
        client,
        new EngineSettings(
            "scripted",
            capabilities,
            ThemeCatalog.of(List.of()),
            PromptTemplates.bundled(),
            Fallback.none(),
            2,
            0,
            1 << 20,
            30_000,
            Runnable::run,
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)));
  }

  AsyncContentEngine engine() {
    return engine(Set.of(Capability.JSON_SCHEMA, Capability.JSON_MODE));
  }

  static ContentRequest request() {
    return ContentRequest.ofText(PipelineHarness.PORTFOLIO, "brutalist");
  }

  @Test
  void theEngineHandsThePipelineAValidatorThatRejectsInvalidAnswers() {
    client.answers.add(BROKEN);
    client.answers.add(PipelineHarness.VALID);

    engine().generateAsync(request()).join();

    ResponseValidator first = client.validators.get(0);
    LlmResponse broken = LlmResponse.builder().text(BROKEN).model("m").provider("scripted").build();
    LlmResponse valid =
        LlmResponse.builder().text(PipelineHarness.VALID).model("m").provider("scripted").build();
    assertThat(first).isNotSameAs(ResponseValidator.ACCEPT_ALL);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> first.validate(broken))
        .isInstanceOf(ContentValidationException.class);
    first.validate(valid);
  }

  @Test
  void aRejectedAnswerIsNeverStoredSoTheSameRequestGoesToTheModelAgain() {
    client.answers.add(BROKEN);
    client.answers.add(PipelineHarness.VALID);
    client.answers.add(PipelineHarness.VALID);
    AsyncContentEngine engine = engine();

    GeneratedContent repaired = engine.generateAsync(request()).join();
    GeneratedContent second = engine.generateAsync(request()).join();
    GeneratedContent third = engine.generateAsync(request()).join();

    assertThat(repaired.attempts()).isEqualTo(2);
    assertThat(client.sentToModel).hasSize(3);
    assertThat(CachingClient.key(client.sentToModel.get(2)))
        .isEqualTo(CachingClient.key(client.sentToModel.get(0)));
    assertThat(CachingClient.key(client.sentToModel.get(1)))
        .isNotEqualTo(CachingClient.key(client.sentToModel.get(0)));
    assertThat(second.source()).isEqualTo(ContentSource.LLM);
    assertThat(third.source()).isEqualTo(ContentSource.CACHE);
    assertThat(third.usage()).isEqualTo(Usage.NONE);
  }

  @Test
  void everyRequestCarriesTheTemplateVersionSoATemplateChangeChangesTheKey() {
    client.answers.add(PipelineHarness.VALID);

    engine().generateAsync(request()).join();

    assertThat(client.sentToModel.get(0).promptVersion())
        .contains(PromptTemplates.bundled().version());
  }

  @Test
  void providersWithJsonSchemaGetTheSchemaAndOthersJsonMode() {
    client.answers.add(PipelineHarness.VALID);
    client.answers.add(PipelineHarness.VALID);
    client.answers.add(PipelineHarness.VALID);

    engine(Set.of(Capability.JSON_SCHEMA)).generateAsync(request()).join();
    engine(Set.of(Capability.JSON_MODE))
        .generateAsync(ContentRequest.ofText(PipelineHarness.PORTFOLIO, "hacker"))
        .join();
    engine(Set.of())
        .generateAsync(ContentRequest.ofText(PipelineHarness.PORTFOLIO, "editorial"))
        .join();

    assertThat(client.sentToModel.get(0).responseFormat())
        .isEqualTo(
            ResponseFormat.jsonSchema(
                PromptTemplates.SCHEMA_NAME, PromptTemplates.bundled().schema()));
    assertThat(client.sentToModel.get(1).responseFormat()).isEqualTo(ResponseFormat.json());
    assertThat(client.sentToModel.get(2).responseFormat()).isEqualTo(ResponseFormat.text());
  }

  @Test
  void aRequestDeadlineCoversTheWholeGenerationAndTheCorrelationIdEveryCall() {
    client.answers.add(BROKEN);
    client.answers.add(PipelineHarness.VALID);

    engine()
        .generateAsync(
            request().toBuilder().timeout(Duration.ofSeconds(30)).correlationId("build-7").build())
        .join();

    assertThat(client.sentToModel)
        .hasSize(2)
        .allSatisfy(
            r -> {
              assertThat(r.timeout()).contains(Duration.ofSeconds(30));
              assertThat(r.correlationId()).contains("build-7");
            });
  }

  @Test
  void cancellingTheResultCancelsTheModelCallInFlight() {
    client.hold = true;

    CompletableFuture<GeneratedContent> result = engine().generateAsync(request());
    result.cancel(true);

    assertThat(client.held).singleElement().satisfies(f -> assertThat(f).isCancelled());
  }
}
