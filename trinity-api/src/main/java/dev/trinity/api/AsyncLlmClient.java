package dev.trinity.api;

import dev.trinity.api.internal.FailedPublisher;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

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
   * Streams the answer as the model produces it; see {@link #stream(LlmRequest,
   * ResponseValidator)}.
   *
   * @param request the request
   * @return a cold publisher: each subscription sends the request once
   */
  default Flow.Publisher<LlmChunk> stream(LlmRequest request) {
    return stream(request, ResponseValidator.ACCEPT_ALL);
  }

  /**
   * Streams the answer as the model produces it, through the same pipeline as {@link #generate}.
   *
   * <p>The publisher is cold: each subscription sends the request once. It publishes zero or more
   * text chunks, then one {@link LlmChunk#isLast() last} chunk carrying the whole answer ({@link
   * LlmChunk#response()}), then completes; or it fails with a {@link TrinityException} subtype. It
   * never publishes more chunks than requested, and a slow subscriber slows the reading of the
   * response. Signals are serialized and run with the call's correlation id (and the subscribing
   * thread's MDC) in the MDC; do not block in them.
   *
   * <p>Semantics: a retry happens only before the first chunk reaches the subscriber; the deadline
   * ({@code llm.timeout} or the request's) covers the whole stream; the concurrency permit is held
   * until the stream ends, fails or is cancelled, and the circuit breaker counts its outcome;
   * cancelling the subscription aborts the exchange. A cache hit is replayed as one text chunk and
   * the last chunk. The validator sees the whole text after the provider's last chunk: the last
   * chunk is published only if it accepts, and only then is the answer cached; a stream that fails
   * midway caches nothing. Identical streams are never coalesced: each makes its own exchange. A
   * provider without {@link Capability#STREAMING} fails the stream with an {@link
   * UnsupportedCapabilityException}.
   *
   * <p>The default publisher fails with a {@link TrinityException}: clients other than Trinity's
   * must opt in.
   *
   * @param request the request
   * @param validator checks the whole answer before the last chunk is published and it is cached
   * @return a cold publisher of the answer's chunks
   */
  default Flow.Publisher<LlmChunk> stream(LlmRequest request, ResponseValidator validator) {
    return new FailedPublisher<>(
        new TrinityException(getClass().getName() + " does not stream answers"));
  }

  /**
   * The blocking view of this client.
   *
   * @return a client sharing this one's pipeline
   */
  LlmClient sync();
}
