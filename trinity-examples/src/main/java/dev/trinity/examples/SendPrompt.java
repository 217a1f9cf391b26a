package dev.trinity.examples;

import dev.trinity.api.LlmResponse;
import dev.trinity.api.TrinityException;
import dev.trinity.core.Trinity;

/**
 * Sends one prompt to the configured provider and prints the answer, the token counts and the
 * latency. Configure with {@code LLM_PROVIDER}, {@code LLM_API_URL}, {@code LLM_MODEL} and {@code
 * LLM_API_KEY}; exits with status 1 and a one-line reason when the request fails.
 *
 * <pre>
 * LLM_PROVIDER=ollama LLM_MODEL=llama3.2:3b \
 *   ./mvnw -q -pl trinity-examples exec:java -Dexec.mainClass=dev.trinity.examples.SendPrompt \
 *   -Dexec.args="Write a one-line bio for a Rust developer"
 * </pre>
 */
public final class SendPrompt {
  private SendPrompt() {}

  /**
   * Runs the example.
   *
   * @param args the prompt words; a default prompt when empty
   */
  public static void main(String[] args) {
    String prompt =
        args.length == 0
            ? "Write a one-sentence tagline for a developer portfolio."
            : String.join(" ", args);
    try (Trinity trinity = Trinity.fromEnvironment()) {
      LlmResponse r = trinity.llm().generate(prompt);
      System.out.println(r.text().strip());
      System.out.printf(
          "-- %s/%s  prompt_tokens=%d completion_tokens=%d latency=%d ms attempts=%d%n",
          r.provider(),
          r.model(),
          r.usage().promptTokens(),
          r.usage().completionTokens(),
          r.latency().toMillis(),
          r.attempts());
    } catch (TrinityException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(1);
    }
  }
}
