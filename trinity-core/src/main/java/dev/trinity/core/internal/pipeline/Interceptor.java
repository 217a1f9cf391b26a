package dev.trinity.core.internal.pipeline;

import dev.trinity.api.LlmResponse;
import java.util.concurrent.CompletableFuture;

/**
 * One stage of the request pipeline. A stage may answer by itself (a cache hit), pass the request
 * on with {@link Chain#proceed}, or call on several times (retry). It must not block.
 */
@FunctionalInterface
public interface Interceptor {

  /**
   * Handles one request.
   *
   * @param chain the request, the call's context and the rest of the pipeline
   * @return the answer; failures complete it exceptionally with a {@code TrinityException}
   */
  CompletableFuture<LlmResponse> intercept(Chain chain);
}
