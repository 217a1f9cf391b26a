package dev.trinity.api;

import dev.trinity.api.internal.Checks;
import java.util.Objects;

/**
 * One chat message. Immutable.
 *
 * @param role who wrote it
 * @param content its text, not blank
 */
public record Message(Role role, String content) {

  /**
   * Validates the message.
   *
   * @throws IllegalArgumentException when the content is blank
   */
  public Message {
    Objects.requireNonNull(role, "role");
    Checks.requireNonBlank(content, "message content");
  }

  /**
   * A user message.
   *
   * @param content the text
   * @return the message
   */
  public static Message user(String content) {
    return new Message(Role.USER, content);
  }

  /**
   * A system message.
   *
   * @param content the text
   * @return the message
   */
  public static Message system(String content) {
    return new Message(Role.SYSTEM, content);
  }

  /**
   * An assistant message (an earlier model turn).
   *
   * @param content the text
   * @return the message
   */
  public static Message assistant(String content) {
    return new Message(Role.ASSISTANT, content);
  }

  /** Returns the role and length only: message bodies are not for logs. */
  @Override
  public String toString() {
    return "Message[role=" + role + ", length=" + content.length() + "]";
  }
}
