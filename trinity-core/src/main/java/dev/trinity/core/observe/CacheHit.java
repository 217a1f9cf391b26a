package dev.trinity.core.observe;

import java.time.Duration;

/**
 * A cache tier served the call a stored answer the caller's validator accepted.
 *
 * @param call the call
 * @param tier the tier's name ({@code memory}, {@code filesystem}, {@code redis}, …)
 * @param elapsed time since the call started: the lookup's latency
 */
public record CacheHit(CallInfo call, String tier, Duration elapsed) {}
