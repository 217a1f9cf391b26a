package dev.trinity.core.content.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trinity.api.ContentValidationException;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.ResponseValidator;
import dev.trinity.api.Usage;
import dev.trinity.api.content.SiteContent;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The validator the engine hands the request pipeline with each model call: extracts the JSON
 * object, checks it against the content schema, and throws {@link ContentValidationException} (with
 * every problem's field path) to reject it. The pipeline then fails the call and never caches the
 * answer. The accepted content is kept so that it is parsed only once.
 */
final class ContentAnswerValidator implements ResponseValidator {
  private final AtomicReference<Usage> usage;
  private volatile @Nullable SiteContent accepted;

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
    if (!response.cached()) {
      Usage u = response.usage();
      usage.accumulateAndGet(
          u,
          (a, b) ->
              new Usage(
                  a.promptTokens() + b.promptTokens(),
                  a.completionTokens() + b.completionTokens()));
    }
    accepted = check(response.text());
  }

  /**
   * Parses and checks an answer.
   *
   * @param answer the model's text
   * @return the content it describes
   * @throws ContentValidationException when it is not a JSON object matching the schema
   */
  static SiteContent check(String answer) {
    ObjectNode node = JsonExtractor.parseObject(answer);
    SiteContentValidator.Result result = SiteContentValidator.validate(node);
    if (!result.valid() || result.content() == null) {
      throw new ContentValidationException(
          "the model's answer does not match the content schema", result.errors(), answer, null);
    }
    return result.content();
  }

  /** The content of the accepted answer, or null when none was accepted yet. */
  @Nullable SiteContent accepted() {
    return accepted;
  }
}
