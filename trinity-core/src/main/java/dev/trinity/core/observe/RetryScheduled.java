package dev.trinity.core.observe;

import dev.trinity.api.TrinityException;
import java.time.Duration;

/**
 * A failed attempt that will be tried again.
 *
 * @param call the call
 * @param attempt the attempt that failed, from 1
 * @param delay the back-off before the next attempt (the server's hint when it gave one)
 * @param failure the attempt's failure
 * @param reason the failure's kind, as in {@link RequestFailed#errorType()}
 * @param elapsed time since the call started
 */
public record RetryScheduled(
    CallInfo call,
    int attempt,
    Duration delay,
    TrinityException failure,
    String reason,
    Duration elapsed) {}
