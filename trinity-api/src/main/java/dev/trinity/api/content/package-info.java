/**
 * The content engine's public types: turn a developer's raw portfolio text and a {@link
 * dev.trinity.api.content.Theme} into validated, theme-styled {@link
 * dev.trinity.api.content.SiteContent} ready for a site template.
 *
 * <p>A host gets a {@link dev.trinity.api.content.ContentEngine} (blocking) or an {@link
 * dev.trinity.api.content.AsyncContentEngine} ({@link
 * java.util.concurrent.CompletableFuture}-based) from {@code
 * dev.trinity.core.content.ContentEngines}; both are views of one implementation. Each answer comes
 * back as a {@link dev.trinity.api.content.GeneratedContent}: the content plus where it came from
 * ({@link dev.trinity.api.content.ContentSource}), the theme, token usage and attempts.
 *
 * <p>The content model's JSON names are those of the original Python Trinity ({@code brand_name},
 * {@code menu_items}, {@code cta_primary}, …), declared with Jackson annotations, so any Jackson
 * {@code ObjectMapper} reads and writes it as a site template expects.
 *
 * <p>All types in this package are non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.trinity.api.content;

import org.jspecify.annotations.NullMarked;
