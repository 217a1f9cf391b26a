package dev.trinity.core.observe;

import dev.trinity.core.resilience.CircuitBreaker;

/**
 * A circuit breaker changed state.
 *
 * @param breaker the breaker's name ({@code provider@endpoint})
 * @param from the state before
 * @param to the state now
 */
public record CircuitStateChanged(
    String breaker, CircuitBreaker.State from, CircuitBreaker.State to) {}
