package dev.trinity.core.internal.pipeline;

import dev.trinity.api.LlmResponse;
import dev.trinity.core.resilience.CircuitBreaker;
import java.util.concurrent.CompletableFuture;

/**
 * Fails fast with {@link dev.trinity.api.CircuitOpenException} while the provider endpoint's
 * breaker is open. Sits inside the retry stage (so retries stop as soon as it opens) and after the
 * cache (so cached answers are still served).
 */
public final class BreakerInterceptor implements Interceptor {
  private final CircuitBreaker breaker;

  /**
   * Creates the stage.
   *
   * @param breaker the endpoint's breaker
   */
  public BreakerInterceptor(CircuitBreaker breaker) {
    this.breaker = breaker;
  }

  @Override
  public CompletableFuture<LlmResponse> intercept(Chain chain) {
    return breaker.callAsync(() -> chain.proceed(chain.request()));
  }
}
