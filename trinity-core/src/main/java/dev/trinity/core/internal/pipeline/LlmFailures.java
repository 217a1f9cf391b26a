package dev.trinity.core.internal.pipeline;

import dev.trinity.api.CircuitOpenException;
import dev.trinity.api.ConcurrencyLimitExceededException;
import dev.trinity.api.ProviderException;
import dev.trinity.api.RateLimitedException;
import dev.trinity.api.RequestTimeoutException;
import dev.trinity.core.internal.http.HttpErrors;
import java.util.regex.Pattern;

/** How the resilience stages classify LLM failures. */
public final class LlmFailures {
  private static final Pattern BUSY =
      Pattern.compile(
          "(server busy|overloaded|maximum pending requests)", Pattern.CASE_INSENSITIVE);

  private LlmFailures() {}

  /**
   * Whether a failure says the endpoint is unhealthy, so that the circuit breaker counts it: server
   * errors (5xx, 408), I/O errors and timeouts. Client errors (4xx, including 429, which the retry
   * stage handles), a 503 that says the server is busy or overloaded (it is alive, only full: the
   * retry stage and the concurrency limit handle it), malformed or oversized answers, invalid
   * input, cancellations and Trinity's own refusals (breaker open, queue full) do not count.
   */
  public static boolean countsAgainstEndpoint(Throwable failure) {
    Throwable t = HttpErrors.unwrap(failure);
    if (!(t instanceof ProviderException pe) || t instanceof RateLimitedException) {
      return false;
    }
    int status = pe.statusCode();
    if (status == 503 && BUSY.matcher(String.valueOf(pe.getMessage())).find()) {
      return false; // alive but full: the retry stage and the concurrency limit deal with it
    }
    if (status == ProviderException.NO_STATUS) {
      return t instanceof RequestTimeoutException
          || t instanceof dev.trinity.api.ConnectionException;
    }
    return status >= 500 || status == 408;
  }

  /**
   * Whether a failure says the server is overloaded, so that an adaptive concurrency limit backs
   * off: exchange timeouts, 503 and 429.
   */
  public static boolean isOverload(Throwable failure) {
    Throwable t = HttpErrors.unwrap(failure);
    if (t instanceof RequestTimeoutException rte) {
      return !rte.isDeadlineExceeded();
    }
    return t instanceof ProviderException pe && (pe.statusCode() == 503 || pe.statusCode() == 429);
  }

  /** Whether a failure is Trinity refusing the call (breaker open, queue full): never retried. */
  public static boolean isRefusal(Throwable failure) {
    Throwable t = HttpErrors.unwrap(failure);
    return t instanceof CircuitOpenException || t instanceof ConcurrencyLimitExceededException;
  }
}
