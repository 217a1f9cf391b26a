/**
 * Layout-risk prediction internals: per-element features, the tree forest read from the shipped
 * JSON model, its checks, and the fallback rules. Not public API: may change in any release.
 */
@NullMarked
package dev.trinity.site.internal.risk;

import org.jspecify.annotations.NullMarked;
