/**
 * The shared HTTP transport and the one mapping from HTTP statuses and error bodies to exceptions.
 * Not API: may change in any release.
 */
@NullMarked
package dev.trinity.core.internal.http;

import org.jspecify.annotations.NullMarked;
