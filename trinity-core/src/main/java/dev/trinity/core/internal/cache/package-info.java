/**
 * How the pipeline derives cache keys from requests and stores answers. Not API: may change in any
 * release.
 */
@NullMarked
package dev.trinity.core.internal.cache;

import org.jspecify.annotations.NullMarked;
