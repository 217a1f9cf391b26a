package dev.trinity.core.internal.pipeline;

import dev.trinity.api.CircuitOpenException;
import dev.trinity.api.ConcurrencyLimitExceededException;
import dev.trinity.api.ProviderException;
import dev.trinity.api.internal.Throwables;
import java.util.Optional;

/**
 * How the resilience stages classify LLM failures: by the {@link ProviderException.Kind} set where
 * the failure was created, never by status codes or messages.
 */
public final class LlmFailures {
  private LlmFailures() {}

  /**
   * Whether a failure says the endpoint is unhealthy, so that the circuit breaker counts it: a
   * provider failure whose kind {@linkplain ProviderException.Kind#countsAgainstEndpoint() counts}
   * (server errors, 503, I/O errors, exchange timeouts). Nothing else counts: client errors, rate
   * limits, a server saying it is busy, malformed answers, a deadline that passed with no exchange
   * running, invalid input, cancellations, Trinity's own refusals.
   *
   * @param failure a failure, perhaps wrapped by a future
   * @return true when the breaker should count it
   */
  public static boolean countsAgainstEndpoint(Throwable failure) {
    return kindOf(failure).map(ProviderException.Kind::countsAgainstEndpoint).orElse(false);
  }

  /**
   * Whether a failure says the server is overloaded, so that an adaptive concurrency limit backs
   * off: a provider failure whose kind {@linkplain ProviderException.Kind#isOverload() is an
   * overload} (429, 503, a server saying it is busy, exchange timeouts).
   *
   * @param failure a failure, perhaps wrapped by a future
   * @return true when the limit should shrink
   */
  public static boolean isOverload(Throwable failure) {
    return kindOf(failure).map(ProviderException.Kind::isOverload).orElse(false);
  }

  /**
   * Whether a failure is Trinity refusing the call (breaker open, queue full): never retried.
   *
   * @param failure a failure, perhaps wrapped by a future
   * @return true for a refusal
   */
  public static boolean isRefusal(Throwable failure) {
    Throwable t = Throwables.unwrap(failure);
    return t instanceof CircuitOpenException || t instanceof ConcurrencyLimitExceededException;
  }

  private static Optional<ProviderException.Kind> kindOf(Throwable failure) {
    return Throwables.unwrap(failure) instanceof ProviderException pe
        ? Optional.of(pe.kind())
        : Optional.empty();
  }
}
