/**
 * The built-in HTTP providers ({@code ollama}, {@code openai}, {@code llamacpp}) and what they
 * share: one JSON POST per call through the shared transport, response bodies read into {@link
 * dev.trinity.api.LlmResponse}s, cancellation passed down to the exchange. Not API: may change in
 * any release.
 */
@NullMarked
package dev.trinity.core.internal.providers;

import org.jspecify.annotations.NullMarked;
