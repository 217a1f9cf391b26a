/**
 * From content to a page: {@link dev.trinity.site.SiteRenderer} renders {@link
 * dev.trinity.api.content.SiteContent} into a self-contained themed page, a {@link
 * dev.trinity.site.LayoutGuardian} reports the elements whose text overflows, and the {@link
 * dev.trinity.site.Healer} applies {@link dev.trinity.site.HealingStrategy healing strategies} per
 * component until the page is clean.
 *
 * <p>All types in this package are non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.trinity.site;

import org.jspecify.annotations.NullMarked;
