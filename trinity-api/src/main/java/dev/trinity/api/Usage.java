package dev.trinity.api;

/**
 * Token counts for one answer, as the provider reported them (0 when it did not).
 *
 * @param promptTokens tokens read from the prompt
 * @param completionTokens tokens generated
 */
public record Usage(int promptTokens, int completionTokens) {
  /** No usage reported. */
  public static final Usage NONE = new Usage(0, 0);

  /**
   * Validates the counts.
   *
   * @throws IllegalArgumentException when a count is negative
   */
  public Usage {
    if (promptTokens < 0 || completionTokens < 0) {
      throw new IllegalArgumentException(
          "token counts must be >= 0, were " + promptTokens + " and " + completionTokens);
    }
  }

  /**
   * Prompt plus completion tokens.
   *
   * @return the total
   */
  public int totalTokens() {
    return promptTokens + completionTokens;
  }
}
