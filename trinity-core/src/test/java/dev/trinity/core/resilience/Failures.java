package dev.trinity.core.resilience;

import dev.trinity.api.ConnectionException;
import dev.trinity.api.InvalidInputException;
import dev.trinity.api.ProviderException;
import dev.trinity.api.RequestTimeoutException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.function.Predicate;

/**
 * Failures of the kinds an LLM provider produces, and the predicate Trinity's pipeline would pass.
 */
final class Failures {
  private Failures() {}

  static ProviderException serverError() {
    return new ProviderException("ollama", 503, "ollama answered 503", true, null);
  }

  static ProviderException clientError() {
    return new ProviderException("ollama", 400, "ollama answered 400", false, null);
  }

  static ConnectionException ioError() {
    return new ConnectionException("ollama", "connection refused", new IOException("refused"));
  }

  static RequestTimeoutException exchangeTimeout() {
    return new RequestTimeoutException("ollama", "timed out", Duration.ofSeconds(60), false, null);
  }

  static InvalidInputException invalidInput() {
    return new InvalidInputException("portfolio", "empty");
  }

  static CancellationException cancelled() {
    return new CancellationException("caller gave up");
  }

  /** Client errors (4xx) and invalid input never count against the provider. */
  static final Predicate<Throwable> NOT_THE_PROVIDERS_FAULT =
      t ->
          t instanceof InvalidInputException
              || (t instanceof ProviderException p
                  && p.statusCode() >= 400
                  && p.statusCode() < 500);

  /** A breaker configuration that ignores the caller's own mistakes. */
  /** The "5 consecutive failures / 60 s" preset, counting only the provider's faults. */
  static CircuitBreakerConfig.Builder llmAware() {
    return CircuitBreakerConfig.consecutiveFailures().toBuilder()
        .ignoreExceptionPredicate(NOT_THE_PROVIDERS_FAULT);
  }
}
