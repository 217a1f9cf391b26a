/**
 * The {@code ollama} provider: Ollama's native {@code /api/chat} and {@code /api/generate}. Not
 * API: may change in any release.
 */
@NullMarked
package dev.trinity.core.internal.providers.ollama;

import org.jspecify.annotations.NullMarked;
