/**
 * Resilience building blocks that know nothing about LLMs: the retry policy ({@link
 * dev.trinity.core.resilience.RetryConfig}), a circuit breaker ({@link
 * dev.trinity.core.resilience.CircuitBreaker}, {@link
 * dev.trinity.core.resilience.CircuitBreakerRegistry}) and a concurrency limit ({@link
 * dev.trinity.core.resilience.ConcurrencyLimiter}).
 *
 * <p>Each is an interface with a static factory and an immutable, validated configuration. Time is
 * injected (a {@link java.time.Clock}, and a {@link dev.trinity.core.Scheduler} where something
 * must happen later), so tests run in virtual time; nothing here starts a thread, sleeps or blocks
 * a thread waiting for another. Implementations live in {@code
 * dev.trinity.core.resilience.internal}.
 *
 * <p>All types in this package are non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.trinity.core.resilience;

import org.jspecify.annotations.NullMarked;
