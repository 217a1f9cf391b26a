package dev.trinity.api;

import java.util.concurrent.CompletableFuture;

/**
 * Sends requests through Trinity's pipeline (correlation, cache, retry, breaker, limit, provider)
 * without blocking. Thread-safe.
 *
 * @see LlmClient the blocking view of the same pipeline
 */
public interface AsyncLlmClient {

  /**
   * Sends a request.
   *
   * <p>The future completes exceptionally with a {@link TrinityException} subtype. Cancelling it
   * aborts the HTTP exchange in flight and any pending retry. Callbacks run on the thread that
   * completed the exchange: do not block in them.
   *
   * @param request the request
   * @return the answer
   */
  default CompletableFuture<LlmResponse> generate(LlmRequest request) {
    return generate(request, ResponseValidator.ACCEPT_ALL);
  }

  /**
   * Sends a request and accepts the answer only if the validator does. A rejected answer fails the
   * future with the validator's exception and is never cached; a cached answer the validator
   * rejects is dropped and fetched again.
   *
   * @param request the request
   * @param validator checks the answer before it is returned and cached
   * @return the accepted answer
   */
  CompletableFuture<LlmResponse> generate(LlmRequest request, ResponseValidator validator);

  /**
   * The blocking view of this client.
   *
   * @return a client sharing this one's pipeline
   */
  LlmClient sync();
}
