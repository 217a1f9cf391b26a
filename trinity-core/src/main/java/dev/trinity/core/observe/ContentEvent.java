package dev.trinity.core.observe;

/**
 * The content engine re-asked the model or gave up on it.
 *
 * @param correlationId the generation's correlation id
 * @param theme the theme the content is for
 * @param kind {@code repair} (an answer failed validation and the model was asked again) or the
 *     fallback used ({@code offline}, {@code host_provider}, …)
 */
public record ContentEvent(String correlationId, String theme, String kind) {}
