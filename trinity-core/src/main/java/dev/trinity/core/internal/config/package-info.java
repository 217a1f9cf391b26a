/**
 * Loads configuration: defaults, then a YAML file with {@code ${VAR:-default}} interpolation, then
 * environment variables. Not API: may change in any release.
 */
@NullMarked
package dev.trinity.core.internal.config;

import org.jspecify.annotations.NullMarked;
