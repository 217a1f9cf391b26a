/**
 * The types a host application or an LLM provider author codes against.
 *
 * <p>A host builds a client with {@code dev.trinity.core.Trinity} and talks to it through {@link
 * dev.trinity.api.LlmClient} (blocking) or {@link dev.trinity.api.AsyncLlmClient} ({@link
 * java.util.concurrent.CompletableFuture}-based), sending immutable {@link
 * dev.trinity.api.LlmRequest}s and receiving {@link dev.trinity.api.LlmResponse}s. A provider
 * author implements {@link dev.trinity.api.LlmProvider} and registers an {@link
 * dev.trinity.api.LlmProviderFactory} with {@link java.util.ServiceLoader}.
 *
 * <p>Every failure reaching the host is a {@link dev.trinity.api.TrinityException}; its subtypes
 * say what failed and {@link dev.trinity.api.TrinityException#isRetryable()} whether trying again
 * could help.
 *
 * <p>All types in this package are non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.trinity.api;

import org.jspecify.annotations.NullMarked;
