package dev.trinity.core.resilience;

import dev.trinity.api.InvalidInputException;
import dev.trinity.api.ProviderException;
import dev.trinity.core.Trinity;
import dev.trinity.core.TrinityConfig;
import dev.trinity.core.internal.http.HttpErrors;
import dev.trinity.core.testing.RecordingProvider;
import java.net.ConnectException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * Failures as Trinity creates them (its one HTTP error mapping, fed what a real Ollama server
 * sends), and the circuit breaker configuration a real {@link Trinity} client gives its breakers,
 * read through the public API: the rule the pipeline applies, not a copy of it.
 */
final class ProviderFailures {
  private static final String TARGET = "http://127.0.0.1:11434/api/chat";

  private ProviderFailures() {}

  /** HTTP 500 from a crashed runner: counts against the endpoint. */
  static ProviderException serverError() {
    return answered(500, "{\"error\":\"llama runner process has terminated: signal: killed\"}");
  }

  /** HTTP 400 for a bad request: the caller's mistake, never counted. */
  static ProviderException clientError() {
    return answered(400, "{\"error\":\"invalid options: temprature\"}");
  }

  /** HTTP 503 from a server whose queue is full: alive, so never counted. */
  static ProviderException busy() {
    return answered(
        503, "{\"error\":\"server busy, please try again.  maximum pending requests exceeded\"}");
  }

  /** A closed port. */
  static ProviderException ioError() {
    return (ProviderException)
        HttpErrors.fromFailure(
            "ollama", TARGET, new ConnectException("Connection refused"), null, 1 << 20);
  }

  static InvalidInputException invalidInput() {
    return new InvalidInputException("portfolio", "empty");
  }

  static CancellationException cancelled() {
    return new CancellationException("caller gave up");
  }

  private static ProviderException answered(int status, String body) {
    return HttpErrors.fromStatus(
        "ollama",
        "llama3.2",
        status,
        HttpHeaders.of(Map.of("content-type", List.of("application/json")), (k, v) -> true),
        body.getBytes(StandardCharsets.UTF_8),
        Clock.systemUTC(),
        null);
  }

  /**
   * The breaker configuration of a {@link Trinity} client configured with the "5 consecutive
   * failures / 60 s" preset, as its pipeline uses it (with the pipeline's rule for what counts),
   * ready to be changed for a test.
   */
  static CircuitBreakerConfig.Builder pipelineBreaker() {
    TrinityConfig config =
        TrinityConfig.builder().circuitBreaker(CircuitBreakerConfig.consecutiveFailures()).build();
    try (Trinity trinity =
        Trinity.builder()
            .config(config)
            .provider(new RecordingProvider("ollama", "llama3.2"))
            .build()) {
      return trinity.circuitBreakers().defaultConfig().toBuilder();
    }
  }
}
