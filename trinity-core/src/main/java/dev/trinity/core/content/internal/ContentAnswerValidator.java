package dev.trinity.core.content.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trinity.api.ContentValidationException;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.ResponseValidator;
import dev.trinity.api.Usage;
import dev.trinity.api.content.SiteContent;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The validator the engine hands the request pipeline with each model call: extracts the JSON
 * object, checks it against the content schema, and throws {@link ContentValidationException} (with
 * every problem's field path) to reject it. The pipeline then fails the call and never caches the
 * answer. The accepted content is kept so that it is parsed only once; the provider calls behind
 * every answer it sees are counted, and the last answer is kept for the repair that may follow.
 */
final class ContentAnswerValidator implements ResponseValidator {
  /** Accepted content and the links dropped from it. */
  record Accepted(SiteContent content, List<String> warnings) {}

  private final AtomicReference<Usage> usage;
  private final AtomicInteger calls = new AtomicInteger();
  private volatile @Nullable Accepted accepted;
  private volatile @Nullable LlmResponse last;

  /**
   * Creates a validator for one model call.
   *
   * @param usage where the tokens of every fresh answer it sees, accepted or not, are added up
   */
  ContentAnswerValidator(AtomicReference<Usage> usage) {
    this.usage = usage;
  }

  @Override
  public void validate(LlmResponse response) {
    last = response;
    calls.addAndGet(response.attempts());
    if (!response.cached()) {
      Usage u = response.usage();
      usage.accumulateAndGet(
          u,
          (a, b) ->
              new Usage(
                  a.promptTokens() + b.promptTokens(),
                  a.completionTokens() + b.completionTokens()));
    }
    accepted = check(response.text(), stoppedAtLimit(response));
  }

  /**
   * Parses and checks an answer.
   *
   * @param answer the model's text
   * @param stoppedAtLimit whether the provider said the model stopped at its token limit
   * @return the content it describes, and the links dropped from it
   * @throws ContentValidationException when it is not a JSON object matching the schema
   */
  static Accepted check(String answer, boolean stoppedAtLimit) {
    ObjectNode node = JsonExtractor.parseObject(answer, stoppedAtLimit);
    SiteContentValidator.Result result = SiteContentValidator.validate(node);
    if (!result.valid() || result.content() == null) {
      throw new ContentValidationException(
          "the model's answer does not match the content schema", result.errors(), answer, null);
    }
    return new Accepted(result.content(), result.warnings());
  }

  /** Whether the provider reported that the model stopped at its output token limit. */
  static boolean stoppedAtLimit(LlmResponse response) {
    return response.finishReason().map("length"::equalsIgnoreCase).orElse(false);
  }

  /** The content of the accepted answer, or null when none was accepted yet. */
  @Nullable Accepted accepted() {
    return accepted;
  }

  /** The last answer this validator saw, accepted or not; null when it saw none. */
  @Nullable LlmResponse last() {
    return last;
  }

  /** Provider calls behind the answers this validator saw (0 for answers from a cache tier). */
  int calls() {
    return calls.get();
  }
}
