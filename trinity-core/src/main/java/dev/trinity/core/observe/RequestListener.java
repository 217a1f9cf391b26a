package dev.trinity.core.observe;

/**
 * Hears every call of a {@code Trinity} instance's pipeline, and the components in front of its
 * endpoint. Added with {@code Trinity.builder().addListener(...)}; every method has an empty
 * default, so a listener implements only what it needs.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>Each call reports {@link #onStarted} once, then any number of {@link #onRetryScheduled}, at
 *       most one {@link #onCacheHit}, and finally exactly one of {@link #onCompleted} or {@link
 *       #onFailed} (neither when the caller cancels). All of a call's events carry the same {@link
 *       CallInfo}.
 *   <li>Callbacks run on the thread that produced the event (the caller's, an HTTP thread or the
 *       scheduler's), with the caller's MDC and the call's correlation id on it. They must be quick
 *       and must not block: they run inside the pipeline.
 *   <li>A listener that throws is logged ({@code request_listener_failed}) and skipped; the call
 *       and the other listeners go on as if nothing happened.
 *   <li>Listeners are called in the order they were added. Implementations must be thread-safe:
 *       calls run concurrently.
 * </ul>
 *
 * <p>A listener observes; it cannot change a request or an answer. Identical requests in flight
 * share one provider call (single flight): each caller still gets its own started and completed
 * events, the completed one saying {@link Served#COALESCED}; the shared call's retries and cache
 * lookup are reported on the call that started it.
 */
public interface RequestListener {

  /**
   * The pipeline in front of one provider endpoint was built: called once per endpoint, before any
   * call, with the live components (for gauges).
   *
   * @param endpoint the endpoint and its breaker, limiter and cache
   */
  default void onEndpoint(Endpoint endpoint) {}

  /**
   * A call was accepted: defaults applied, correlation id and deadline fixed.
   *
   * @param call the call
   */
  default void onStarted(CallInfo call) {}

  /**
   * An attempt failed and another is scheduled.
   *
   * @param event the attempt, its failure and the back-off
   */
  default void onRetryScheduled(RetryScheduled event) {}

  /**
   * A cache tier served the call.
   *
   * @param event the tier and the lookup's latency
   */
  default void onCacheHit(CacheHit event) {}

  /**
   * The call returned an answer.
   *
   * @param event the answer, who served it and the timings
   */
  default void onCompleted(RequestCompleted event) {}

  /**
   * The call failed.
   *
   * @param event the exception the caller gets, its kind and the timings
   */
  default void onFailed(RequestFailed event) {}

  /**
   * The caller cancelled the call.
   *
   * @param event the call and when
   */
  default void onCancelled(RequestCancelled event) {}

  /**
   * A circuit breaker in front of the endpoint changed state.
   *
   * @param event the breaker and the transition
   */
  default void onCircuitStateChanged(CircuitStateChanged event) {}

  /**
   * The content engine rejected an answer and asks the model again to repair it.
   *
   * @param event the generation
   */
  default void onContentRepair(ContentEvent event) {}

  /**
   * The content engine gave up on the model and used a fallback.
   *
   * @param event the generation and the fallback's kind
   */
  default void onContentFallback(ContentEvent event) {}
}
