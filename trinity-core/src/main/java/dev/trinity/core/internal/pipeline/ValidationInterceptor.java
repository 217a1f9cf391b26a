package dev.trinity.core.internal.pipeline;

import dev.trinity.api.LlmResponse;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the caller's {@link dev.trinity.api.ResponseValidator} on the answer; a rejection fails the
 * call with the validator's exception. Sits outside the stages that store answers, so that a
 * rejected answer is never cached.
 */
public final class ValidationInterceptor implements Interceptor {
  @Override
  public CompletableFuture<LlmResponse> intercept(Chain chain) {
    CallContext ctx = chain.context();
    return chain
        .proceed(chain.request())
        .thenApply(
            response -> {
              ctx.validator().validate(response);
              return response;
            });
  }
}
