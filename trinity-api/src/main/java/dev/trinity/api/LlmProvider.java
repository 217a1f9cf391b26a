package dev.trinity.api;

import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A language-model back end: one model server speaking one wire format.
 *
 * <p>A provider does one HTTP exchange per call and nothing else: retries, deadlines, caching, the
 * circuit breaker and the concurrency limit are the pipeline's job. Implementations must be
 * thread-safe and must not block the calling thread.
 *
 * <p>Register a provider by implementing {@link LlmProviderFactory} and listing it in {@code
 * META-INF/services/dev.trinity.api.LlmProviderFactory}.
 */
public interface LlmProvider extends AutoCloseable {

  /**
   * The provider's name, such as {@code ollama}; the same as its factory's.
   *
   * @return the name
   */
  String name();

  /**
   * Where this provider sends requests; the circuit breaker and the cache key are per endpoint.
   *
   * @return the endpoint, such as {@code http://localhost:11434}
   */
  String endpoint();

  /**
   * The model used when a request names none.
   *
   * @return the model name
   */
  String defaultModel();

  /**
   * The optional features this provider supports.
   *
   * @return an unmodifiable set
   */
  Set<Capability> capabilities();

  /**
   * Sends one request.
   *
   * <p>The future completes exceptionally with a {@link ProviderException} subtype on failure.
   * Cancelling it should abort the exchange. {@link LlmRequest#timeout()}, when present, is the
   * time left for this exchange.
   *
   * @param request the request, with client defaults already applied
   * @return the answer
   */
  CompletableFuture<LlmResponse> generate(LlmRequest request);

  /** Releases resources the provider owns itself; shared ones belong to Trinity. */
  @Override
  default void close() {}
}
