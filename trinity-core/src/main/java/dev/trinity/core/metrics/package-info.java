/**
 * Micrometer metrics for Trinity, built on the public {@link
 * dev.trinity.core.observe.RequestListener}: {@link dev.trinity.core.metrics.TrinityMetrics}.
 *
 * <p>Micrometer is an optional dependency of {@code trinity-core}: add {@code
 * io.micrometer:micrometer-core} to use this package. Nothing else in Trinity refers to it, so
 * without Micrometer on the class path nothing here is loaded and nothing breaks.
 */
@NullMarked
package dev.trinity.core.metrics;

import org.jspecify.annotations.NullMarked;
