/**
 * The content engine's implementation: input checks, prompts, JSON extraction, schema validation,
 * theme rules, where answers come from ({@link dev.trinity.core.content.internal.AnswerSource}) and
 * batching. The offline extractor lives in {@link dev.trinity.core.content.internal.offline}. Not
 * API: may change in any release.
 */
@NullMarked
package dev.trinity.core.content.internal;

import org.jspecify.annotations.NullMarked;
