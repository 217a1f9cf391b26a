/**
 * The offline extractor: builds site content from a portfolio without a model. {@link
 * dev.trinity.core.content.internal.offline.OfflineExtractor} is the entry point the content engine
 * calls with the portfolio and the theme's project limit, and {@link
 * dev.trinity.core.content.internal.offline.OfflineProviderFactory} registers the {@code offline}
 * provider. {@link dev.trinity.core.content.internal.offline.PortfolioReader} detects the
 * portfolio's shape (Markdown, GitHub profile README, plain-text résumé, GitHub dashboard listing,
 * LinkedIn-style export, JSON Resume, a list of repository URLs), parses it with a real parser
 * (commonmark-java with GFM tables, jsoup for embedded HTML, Jackson for JSON) and extracts the
 * projects from the document tree; {@link dev.trinity.core.content.internal.offline.SiteCopy} turns
 * what was found into site content. Not API: may change in any release.
 */
@NullMarked
package dev.trinity.core.content.internal.offline;

import org.jspecify.annotations.NullMarked;
