/**
 * Implementations of the circuit breaker and the concurrency limiter. Not API: anything here may
 * change in any release; code against {@code dev.trinity.core.resilience}.
 */
@NullMarked
package dev.trinity.core.resilience.internal;

import org.jspecify.annotations.NullMarked;
