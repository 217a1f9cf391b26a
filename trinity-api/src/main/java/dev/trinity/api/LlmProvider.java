package dev.trinity.api;

import dev.trinity.api.internal.FailedPublisher;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

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
   * <p>The request is complete: Trinity's pipeline resolves the defaults once, before the request
   * key is computed, and the provider sends what the request says without applying defaults of its
   * own. {@link LlmRequest#model()} is always present (the request's model, else {@link
   * #defaultModel()}); {@link LlmRequest#temperature()} is the request's, else the configured
   * {@code llm.temperature}, and is empty only when neither is set, leaving the server's default.
   * {@link LlmRequest#timeout()}, when present, is the time left for this exchange. A request that
   * names no model was not sent through the pipeline; built-in providers refuse it with an {@link
   * InvalidInputException}.
   *
   * <p>The future completes exceptionally with a {@link ProviderException} subtype on failure,
   * whose {@link ProviderException#kind()} says what went wrong. Cancelling it should abort the
   * exchange.
   *
   * @param request the complete request, with the client's defaults already applied
   * @return the answer
   */
  CompletableFuture<LlmResponse> generate(LlmRequest request);

  /**
   * Streams the answer to one request as it is produced.
   *
   * <p>The same request contract as {@link #generate}. The publisher is cold: each subscription
   * makes one exchange. It publishes zero or more {@link LlmChunk#text text} chunks, then exactly
   * one {@link LlmChunk#last last} chunk with the usage and finish reason, then completes; or it
   * fails with a {@link ProviderException} subtype (a stream that ends before its last chunk fails
   * with a {@link ConnectionException}). It honours {@link Flow.Subscription#request(long)}: no
   * more chunks than requested, read from the server no faster than they are asked for. Cancelling
   * the subscription aborts the exchange.
   *
   * <p>Only a provider that declares {@link Capability#STREAMING} streams; the default publisher
   * fails at once with an {@link UnsupportedCapabilityException}.
   *
   * @param request the complete request, with the client's defaults already applied
   * @return a publisher of the answer's chunks
   */
  default Flow.Publisher<LlmChunk> stream(LlmRequest request) {
    return new FailedPublisher<>(new UnsupportedCapabilityException(name(), Capability.STREAMING));
  }

  /** Releases resources the provider owns itself; shared ones belong to Trinity. */
  @Override
  default void close() {}
}
