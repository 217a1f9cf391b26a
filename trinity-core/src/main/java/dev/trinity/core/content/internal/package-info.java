/**
 * The content engine's implementation: input checks, prompts, JSON extraction, schema validation,
 * theme rules, the offline extractor and provider, and batching. Not API: may change in any
 * release.
 */
@NullMarked
package dev.trinity.core.content.internal;

import org.jspecify.annotations.NullMarked;
