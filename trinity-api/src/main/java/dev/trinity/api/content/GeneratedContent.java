package dev.trinity.api.content;

import dev.trinity.api.Usage;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The content engine's answer: the {@link SiteContent} a template consumes, and how it was made.
 * Immutable.
 *
 * @param content the validated, theme-styled content
 * @param source where it came from: a model, the cache, the offline provider or the fallback
 * @param theme the name of the theme it was styled with
 * @param provider the provider that answered ({@code ollama}, {@code openai}, {@code offline}, …;
 *     {@code host} for host-supplied fallback content)
 * @param model the model that answered, as the provider named it ({@code rule-based} offline)
 * @param usage tokens used by every answer the model gave, rejected ones included
 * @param attempts how many answers the model was asked for: 1, plus one per repair round; for a
 *     fallback result, those asked for before the model path failed
 * @param duration time from the call to the answer, repairs included
 * @param warnings what the host should know: input trimmed, fallback used and why; empty normally
 * @param correlationId the correlation id every log line of this generation carries
 */
public record GeneratedContent(
    SiteContent content,
    ContentSource source,
    String theme,
    String provider,
    String model,
    Usage usage,
    int attempts,
    Duration duration,
    List<String> warnings,
    String correlationId) {

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException when attempts or duration are negative
   */
  public GeneratedContent {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(theme, "theme");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(correlationId, "correlationId");
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts must be >= 0, was " + attempts);
    }
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative, was " + duration);
    }
    warnings = List.copyOf(warnings);
  }
}
