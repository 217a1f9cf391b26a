/**
 * OpenTelemetry tracing for Trinity, built on the public {@link
 * dev.trinity.core.observe.RequestListener}: {@link dev.trinity.core.tracing.TrinityTracing}.
 *
 * <p>OpenTelemetry is an optional dependency of {@code trinity-core}: add {@code
 * io.opentelemetry:opentelemetry-api} to use this package. Nothing else in Trinity refers to it.
 */
@NullMarked
package dev.trinity.core.tracing;

import org.jspecify.annotations.NullMarked;
