package dev.trinity.core.internal.pipeline;

import dev.trinity.api.AsyncLlmClient;
import dev.trinity.api.LlmClient;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.ResponseValidator;
import dev.trinity.api.TrinityException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** The blocking view: the async pipeline, waited on, throwing the unwrapped failure. */
final class BlockingLlmClient implements LlmClient {
  private final AsyncLlmClient async;

  BlockingLlmClient(AsyncLlmClient async) {
    this.async = async;
  }

  @Override
  public LlmResponse generate(LlmRequest request, ResponseValidator validator) {
    CompletableFuture<LlmResponse> future = async.generate(request, validator);
    try {
      return future.get();
    } catch (ExecutionException e) {
      RuntimeException cause = Failures.normalize(e.getCause(), "unknown");
      if (cause instanceof TrinityException te) {
        throw te;
      }
      throw cause;
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      CancellationException ce = new CancellationException("interrupted while waiting for a model");
      ce.initCause(e);
      throw ce;
    }
  }

  @Override
  public AsyncLlmClient async() {
    return async;
  }
}
