/**
 * The {@code llamacpp} provider: llama.cpp server's native {@code /completion}. Not API: may change
 * in any release.
 */
@NullMarked
package dev.trinity.core.internal.providers.llamacpp;

import org.jspecify.annotations.NullMarked;
