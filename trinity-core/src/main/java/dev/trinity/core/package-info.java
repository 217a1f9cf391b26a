/**
 * The Trinity entry point ({@link dev.trinity.core.Trinity}), its configuration and the time
 * sources it runs on.
 */
@NullMarked
package dev.trinity.core;

import org.jspecify.annotations.NullMarked;
