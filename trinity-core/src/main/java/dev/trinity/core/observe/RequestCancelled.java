package dev.trinity.core.observe;

import java.time.Duration;

/**
 * The caller cancelled the call before it finished; the exchange in flight was aborted.
 *
 * @param call the call
 * @param elapsed time from start to the cancellation
 */
public record RequestCancelled(CallInfo call, Duration elapsed) {}
