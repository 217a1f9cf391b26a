package dev.trinity.core.observe;

import dev.trinity.api.TrinityException;
import java.time.Duration;

/**
 * A call that failed for good: retries exhausted or not allowed, the deadline passed, the breaker
 * or the limit refused it, or the caller's validator rejected the answer. Not reported for a call
 * the caller cancelled.
 *
 * @param call the call
 * @param error the exception the caller gets
 * @param errorType the failure's kind: the lower-case {@code ProviderException.Kind} when it has
 *     one ({@code rate_limited}, {@code timeout}, …), else the exception's simple class name
 * @param attempts the provider attempts made
 * @param elapsed time from start to failure
 */
public record RequestFailed(
    CallInfo call, TrinityException error, String errorType, int attempts, Duration elapsed) {}
