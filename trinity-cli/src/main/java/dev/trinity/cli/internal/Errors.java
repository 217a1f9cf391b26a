package dev.trinity.cli.internal;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns a failure into the one line a person reads. */
final class Errors {
  private Errors() {}

  /** The message of the failure that matters, without wrapper exceptions. */
  static String describe(Throwable e) {
    Throwable t = e;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    String message = t.getMessage();
    if (message == null || message.isBlank()) {
      return t.getClass().getSimpleName();
    }
    return message.lines().findFirst().orElse(message).strip();
  }
}
