/**
 * The built-in tiers and their helpers. Not API: anything here may change in any release. Hosts
 * obtain the tiers through {@link dev.trinity.cache.CacheTiers} and {@link
 * dev.trinity.cache.CacheManager}.
 */
@NullMarked
package dev.trinity.cache.internal;

import org.jspecify.annotations.NullMarked;
