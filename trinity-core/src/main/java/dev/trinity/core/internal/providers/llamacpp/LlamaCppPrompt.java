package dev.trinity.core.internal.providers.llamacpp;

import dev.trinity.api.LlmRequest;
import dev.trinity.api.Message;
import dev.trinity.api.Role;

/**
 * Flattens a chat into the single prompt {@code /completion} takes. The template is plain and
 * model-neutral:
 *
 * <pre>
 * {system prompt}
 *
 * User: {message}
 * Assistant: {earlier answer}
 * User: {message}
 * Assistant:</pre>
 *
 * <p>The system prompt, when set, comes first followed by a blank line; each message is one turn
 * prefixed with {@code System:}, {@code User:} or {@code Assistant:}; the prompt ends with {@code
 * Assistant:} for the model to complete. {@link #STOP} ends generation before the model writes the
 * next user turn itself. For a model's own chat template, use the {@code openai} provider against
 * llama.cpp server's {@code /v1} API.
 */
final class LlamaCppPrompt {
  /** The stop sequence sent with every request: the start of a new user turn. */
  static final String STOP = "\nUser:";

  private LlamaCppPrompt() {}

  static String render(LlmRequest request) {
    StringBuilder out = new StringBuilder();
    request.systemPrompt().ifPresent(s -> out.append(s.strip()).append("\n\n"));
    for (Message m : request.messages()) {
      out.append(label(m.role())).append(": ").append(m.content().strip()).append('\n');
    }
    return out.append(label(Role.ASSISTANT)).append(':').toString();
  }

  private static String label(Role role) {
    switch (role) {
      case SYSTEM:
        return "System";
      case ASSISTANT:
        return "Assistant";
      case USER:
      default:
        return "User";
    }
  }
}
