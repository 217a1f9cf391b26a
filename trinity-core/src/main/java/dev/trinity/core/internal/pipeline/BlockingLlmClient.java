package dev.trinity.core.internal.pipeline;

import dev.trinity.api.AsyncLlmClient;
import dev.trinity.api.LlmClient;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.ResponseValidator;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The blocking view: the same pipeline, told that the caller waits, so that the exchange and the
 * stages after it run on the caller's thread; throws the unwrapped failure.
 */
final class BlockingLlmClient implements LlmClient {
  private final LlmPipeline pipeline;

  BlockingLlmClient(LlmPipeline pipeline) {
    this.pipeline = pipeline;
  }

  @Override
  public LlmResponse generate(LlmRequest request, ResponseValidator validator) {
    CompletableFuture<LlmResponse> future = pipeline.submitWaiting(request, validator);
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw Failures.normalize(e.getCause(), "unknown");
    } catch (InterruptedException | CancellationException e) {
      // interrupted while waiting, or while the exchange ran on this thread (which then keeps its
      // interrupt status and fails the call with a cancellation)
      if (e instanceof CancellationException ce && !Thread.currentThread().isInterrupted()) {
        throw ce;
      }
      future.cancel(true);
      Thread.currentThread().interrupt();
      CancellationException ce = new CancellationException("interrupted while waiting for a model");
      ce.initCause(e);
      throw ce;
    }
  }

  @Override
  public AsyncLlmClient async() {
    return pipeline;
  }
}
