/**
 * The public seam for watching calls: a {@link dev.trinity.core.observe.RequestListener} added with
 * {@code Trinity.builder().addListener(...)} hears every request of the pipeline (started, retry
 * scheduled, cache hit, completed, failed) and the state of the components in front of the endpoint
 * (circuit breaker, concurrency limit, content repairs and fallbacks). The Micrometer binder
 * ({@code dev.trinity.core.metrics}) and the OpenTelemetry tracer ({@code
 * dev.trinity.core.tracing}) are built on it.
 */
@NullMarked
package dev.trinity.core.observe;

import org.jspecify.annotations.NullMarked;
