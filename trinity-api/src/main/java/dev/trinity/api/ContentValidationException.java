package dev.trinity.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A model's answer did not pass validation: not JSON, or JSON that breaks the schema or the theme's
 * rules. Carries each problem with its field path and the raw output. Not retryable as is: the
 * content engine re-asks the model with the errors, a bounded number of times.
 */
public final class ContentValidationException extends TrinityException {
  private static final long serialVersionUID = 1L;

  private final List<String> errors;
  private final String rawOutput;

  /**
   * Creates a validation failure.
   *
   * @param message a summary
   * @param errors each problem, as {@code path: what is wrong} (for example {@code repos[2].stars:
   *     must be >= 0})
   * @param rawOutput the model's answer as it came; model output, so log it only at DEBUG
   * @param cause the parse failure, if any
   */
  public ContentValidationException(
      String message, List<String> errors, String rawOutput, @Nullable Throwable cause) {
    super(message + (errors.isEmpty() ? "" : ": " + String.join("; ", errors)), cause, false);
    this.errors = List.copyOf(errors);
    this.rawOutput = rawOutput;
  }

  /**
   * Every problem found, as {@code path: what is wrong}.
   *
   * @return an unmodifiable list
   */
  public List<String> errors() {
    return errors;
  }

  /**
   * The model's answer that was rejected.
   *
   * @return the raw text
   */
  public String rawOutput() {
    return rawOutput;
  }
}
