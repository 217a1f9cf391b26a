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
  CompletableFuture<LlmResponse> generate(LlmRequest request);

  /**
   * The blocking view of this client.
   *
   * @return a client sharing this one's pipeline
   */
  LlmClient sync();
}
