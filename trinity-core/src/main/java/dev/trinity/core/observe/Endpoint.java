package dev.trinity.core.observe;

import dev.trinity.cache.CacheManager;
import dev.trinity.core.resilience.CircuitBreaker;
import dev.trinity.core.resilience.ConcurrencyLimiter;

/**
 * A provider endpoint and the components in front of it, handed to each listener once when the
 * pipeline is built: read their live state (limit, in flight, queued, breaker state, cache
 * statistics) from here, for gauges, instead of from events.
 *
 * @param provider the provider's name
 * @param endpoint the provider's endpoint
 * @param defaultModel the model used when a request names none
 * @param circuitBreaker the endpoint's breaker
 * @param concurrencyLimiter the endpoint's concurrency limit
 * @param cache the response cache in front of it
 */
public record Endpoint(
    String provider,
    String endpoint,
    String defaultModel,
    CircuitBreaker circuitBreaker,
    ConcurrencyLimiter concurrencyLimiter,
    CacheManager cache) {}
