package dev.trinity.api;

import java.util.Locale;
import java.util.Objects;

/**
 * A provider of the fallback chain that did not answer a request, and why the request went on to
 * the next one. Listed, in chain order, by {@link LlmResponse#skipped()}. Immutable and
 * thread-safe.
 *
 * @param provider the provider's name, such as {@code ollama}
 * @param model the model the request asked that provider for
 * @param reason why the chain went past it
 * @param detail the failure's message, for people (not for parsing)
 */
public record SkippedProvider(String provider, String model, Reason reason, String detail) {

  /** Why a provider of the chain was skipped. */
  public enum Reason {
    /** It failed with a retryable error (5xx, 429, I/O error, timeout) after its retries. */
    FAILED,
    /** Its circuit breaker was open: it was skipped at once, without a call. */
    CIRCUIT_OPEN,
    /** Its concurrency limit's wait queue was full (or the wait ran out): no call was made. */
    QUEUE_FULL;

    /**
     * The reason as the {@code llm_fallback} event writes it.
     *
     * @return {@code failed}, {@code circuit_open} or {@code queue_full}
     */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Checks the components.
   *
   * @throws NullPointerException when one is null
   */
  public SkippedProvider {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }
}
