package dev.trinity.core.observe;

import dev.trinity.api.LlmResponse;
import java.time.Duration;

/**
 * A call that returned an answer.
 *
 * @param call the call
 * @param response the answer as the caller gets it (usage, attempts, cache tier, latency)
 * @param served who answered
 * @param elapsed time from start to answer (the same as {@code response.latency()})
 */
public record RequestCompleted(
    CallInfo call, LlmResponse response, Served served, Duration elapsed) {}
