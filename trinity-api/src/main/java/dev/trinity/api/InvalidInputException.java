package dev.trinity.api;

import org.jspecify.annotations.Nullable;

/** The caller's input was rejected before anything was sent: it names the input and the problem. */
public final class InvalidInputException extends TrinityException {
  private static final long serialVersionUID = 1L;

  private final String input;

  /**
   * Creates an input failure.
   *
   * @param input the name of the input, such as a file path or a request field
   * @param problem what is wrong with it
   * @param cause the underlying failure, if any
   */
  public InvalidInputException(String input, String problem, @Nullable Throwable cause) {
    super(input + ": " + problem, cause, false);
    this.input = input;
  }

  /**
   * Creates an input failure without a cause.
   *
   * @param input the name of the input
   * @param problem what is wrong with it
   */
  public InvalidInputException(String input, String problem) {
    this(input, problem, null);
  }

  /**
   * The input that was rejected.
   *
   * @return a file path or a field name
   */
  public String input() {
    return input;
  }
}
