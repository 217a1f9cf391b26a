package dev.trinity.core.internal.pipeline;

import dev.trinity.api.LlmResponse;
import dev.trinity.core.resilience.ConcurrencyLimiter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Lets at most the limiter's number of calls reach the provider endpoint at once; others wait in
 * its FIFO queue, without a blocked thread, for no longer than the call's time left.
 */
public final class LimitInterceptor implements Interceptor {
  private final ConcurrencyLimiter limiter;

  /**
   * Creates the stage.
   *
   * @param limiter the endpoint's limiter
   */
  public LimitInterceptor(ConcurrencyLimiter limiter) {
    this.limiter = limiter;
  }

  @Override
  public CompletableFuture<LlmResponse> intercept(Chain chain) {
    Duration left = chain.context().timeLeft();
    return limiter.callAsync(() -> chain.proceed(chain.request()), left);
  }
}
