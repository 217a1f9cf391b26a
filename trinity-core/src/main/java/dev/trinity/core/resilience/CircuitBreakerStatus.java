package dev.trinity.core.resilience;

import dev.trinity.core.resilience.CircuitBreaker.State;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot of a {@link CircuitBreaker}'s state and statistics, for health endpoints and metrics.
 * Statistics count from the breaker's creation or its last {@link CircuitBreaker#reset()}.
 *
 * @param name the breaker's name
 * @param state its state when the snapshot was taken
 * @param consecutiveFailures counted failures since the last success, in any state
 * @param totalCalls calls permitted
 * @param totalFailures permitted calls that ended with a counted failure
 * @param totalSuccesses permitted calls that succeeded
 * @param totalRejected calls refused because the breaker was open or its probe places were taken
 * @param failureRate {@code totalFailures} as a percentage of {@code totalFailures +
 *     totalSuccesses} (0 to 100), or 0 when no call has counted yet. This is a lifetime figure: in
 *     {@link CircuitBreakerConfig.Mode#FAILURE_RATE} mode the breaker decides on its sliding
 *     window, not on this number
 * @param stateChanges how many state transitions there have been
 * @param lastFailureTime when the last counted failure was recorded, or null if none was
 * @param lastSuccessTime when the last success was recorded, or null if none was
 */
public record CircuitBreakerStatus(
    String name,
    State state,
    int consecutiveFailures,
    long totalCalls,
    long totalFailures,
    long totalSuccesses,
    long totalRejected,
    double failureRate,
    long stateChanges,
    @Nullable Instant lastFailureTime,
    @Nullable Instant lastSuccessTime) {}
