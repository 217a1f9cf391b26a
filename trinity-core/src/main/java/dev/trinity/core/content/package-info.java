/**
 * Creates content engines over a {@link dev.trinity.core.Trinity} instance: {@link
 * dev.trinity.core.content.ContentEngines}. The engines' types are in {@code
 * dev.trinity.api.content}; how they work is described in {@code docs/content.md}.
 */
@NullMarked
package dev.trinity.core.content;

import org.jspecify.annotations.NullMarked;
