package dev.trinity.core.internal.pipeline;

import dev.trinity.api.LlmProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One provider of the fallback chain and the full pipeline in front of it (single flight, cache,
 * retry, limit, breaker): each provider has its own stages, so its own breaker, limit and cache
 * keys.
 */
public final class Route {
  private final LlmProvider provider;
  private final List<Interceptor> stages;

  /**
   * Creates a route.
   *
   * @param provider the provider the last stage calls
   * @param stages the stages before the provider, outermost first
   */
  public Route(LlmProvider provider, List<Interceptor> stages) {
    this.provider = Objects.requireNonNull(provider, "provider");
    List<Interceptor> all = new ArrayList<>(stages);
    all.add(new ProviderInterceptor(provider));
    this.stages = List.copyOf(all);
  }

  /** The provider at the end of the route. */
  public LlmProvider provider() {
    return provider;
  }

  /** Every stage, the provider's last. */
  List<Interceptor> stages() {
    return stages;
  }

  /** The same stages ending in another provider. */
  List<Interceptor> answeredBy(LlmProvider answerer) {
    List<Interceptor> answered = new ArrayList<>(stages.subList(0, stages.size() - 1));
    answered.add(new ProviderInterceptor(Objects.requireNonNull(answerer, "answerer")));
    return answered;
  }
}
