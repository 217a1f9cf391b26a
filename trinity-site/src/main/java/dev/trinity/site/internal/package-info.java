/**
 * Implementation of the site renderer, the guardians and the healer. Everything in this package may
 * change without notice; use the types in {@code dev.trinity.site}.
 */
@NullMarked
package dev.trinity.site.internal;

import org.jspecify.annotations.NullMarked;
