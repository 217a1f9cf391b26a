/**
 * Builds the layout-risk model: a seeded content generator, Chromium labelling, the dataset, a
 * Tribuo trainer that exports its forest to JSON, metrics, and the render comparison. Run through
 * the {@code train}, {@code retrain} and {@code layout-eval} Maven profiles of trinity-site; needs
 * Tribuo (an optional dependency) and, for labelling, Chromium. Not public API: may change in any
 * release.
 */
@NullMarked
package dev.trinity.site.internal.risk.train;

import org.jspecify.annotations.NullMarked;
