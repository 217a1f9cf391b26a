/**
 * The request pipeline: a chain of small interceptors (correlation, cache, coalescing, retry,
 * breaker, limit, provider), each readable in one screen. Not API: may change in any release.
 */
@NullMarked
package dev.trinity.core.internal.pipeline;

import org.jspecify.annotations.NullMarked;
