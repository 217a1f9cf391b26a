package dev.trinity.core.internal.pipeline;

import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The request as it reaches a stage, and the stages after it. */
public final class Chain {
  private final List<Interceptor> interceptors;
  private final int index;
  private final LlmRequest request;
  private final CallContext context;

  Chain(List<Interceptor> interceptors, int index, LlmRequest request, CallContext context) {
    this.interceptors = interceptors;
    this.index = index;
    this.request = request;
    this.context = context;
  }

  /** The request as this stage sees it. */
  public LlmRequest request() {
    return request;
  }

  /** What the whole call shares: deadline, correlation id, cancellation, time. */
  public CallContext context() {
    return context;
  }

  /**
   * Hands a request to the next stage.
   *
   * @param request the request to pass on (this stage's, or a changed copy)
   * @return the next stage's answer
   */
  public CompletableFuture<LlmResponse> proceed(LlmRequest request) {
    return proceed(request, context);
  }

  /**
   * Hands a request to the next stage under another context (a {@link CallContext#fork()}).
   *
   * @param request the request to pass on
   * @param context the context the rest of the pipeline runs under
   * @return the next stage's answer
   */
  public CompletableFuture<LlmResponse> proceed(LlmRequest request, CallContext context) {
    if (index >= interceptors.size()) {
      throw new IllegalStateException("the last stage must not call proceed()");
    }
    Chain next = new Chain(interceptors, index + 1, request, context);
    return interceptors.get(index).intercept(next);
  }
}
