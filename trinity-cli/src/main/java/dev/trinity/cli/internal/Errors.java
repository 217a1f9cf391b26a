package dev.trinity.cli.internal;

import dev.trinity.api.internal.Throwables;

/** Turns a failure into the one line a person reads. */
final class Errors {
  private Errors() {}

  /** The message of the failure that matters, without wrapper exceptions. */
  static String describe(Throwable e) {
    Throwable t = Throwables.unwrap(e);
    String message = t.getMessage();
    if (message == null || message.isBlank()) {
      return t.getClass().getSimpleName();
    }
    return message.lines().findFirst().orElse(message).strip();
  }
}
