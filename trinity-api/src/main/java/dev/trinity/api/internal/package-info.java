/**
 * Helpers shared by Trinity's own modules. Internal, may change without notice: hosts and provider
 * authors should not use this package.
 */
@NullMarked
package dev.trinity.api.internal;

import org.jspecify.annotations.NullMarked;
