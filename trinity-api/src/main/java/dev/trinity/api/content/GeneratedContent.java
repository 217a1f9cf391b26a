package dev.trinity.api.content;

import dev.trinity.api.Usage;
import dev.trinity.api.internal.Checks;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The content engine's answer: the {@link SiteContent} a template consumes, and how it was made.
 * Immutable.
 *
 * @param content the validated, theme-styled content
 * @param source where this answer came from: a model, a cache tier, the offline provider or the
 *     fallback. {@link ContentSource#CACHE} whenever a cache tier (memory, Redis or filesystem)
 *     served the accepted answer, whoever wrote it first
 * @param originalSource who wrote the content: {@link ContentSource#LLM} or {@link
 *     ContentSource#OFFLINE} for an answer served from a cache tier; the same as {@code source}
 *     otherwise. Never {@link ContentSource#CACHE}
 * @param theme the name of the theme it was styled with
 * @param provider the provider that answered ({@code ollama}, {@code openai}, {@code offline}, …;
 *     {@link Fallback#HOST_PROVIDER} for host-supplied fallback content); for a cached answer, the
 *     provider that wrote it
 * @param model the model that answered, as the provider named it ({@code rule-based} offline,
 *     {@link Fallback#NO_MODEL} for host-supplied fallback content)
 * @param usage tokens used by every fresh answer the model gave, rejected ones included (none for
 *     answers from a cache tier)
 * @param attempts every call that reached, or tried to reach, the provider for this result: the
 *     request pipeline's retries plus the engine's repair re-asks (the sum of {@code
 *     LlmResponse.attempts()} over every answer asked for, and of the failed calls' {@code
 *     TrinityException.attempts()}); 0 when every answer came from a cache tier; for a fallback
 *     result, the calls made before the model path failed
 * @param repairs how many times the engine sent a rejected answer back to the model with its
 *     problems (0 to {@code maxRepairs}); independent of the pipeline's retries
 * @param duration time from the call to the answer, repairs included
 * @param warnings what the host should know: input trimmed, links dropped, fallback used and why;
 *     empty normally
 * @param correlationId the correlation id every log line of this generation carries
 */
public record GeneratedContent(
    SiteContent content,
    ContentSource source,
    ContentSource originalSource,
    String theme,
    String provider,
    String model,
    Usage usage,
    int attempts,
    int repairs,
    Duration duration,
    List<String> warnings,
    String correlationId) {

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException when attempts, repairs or duration are negative, when {@code
   *     originalSource} is {@code CACHE}, or when it differs from a {@code source} other than
   *     {@code CACHE}
   */
  public GeneratedContent {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(originalSource, "originalSource");
    Objects.requireNonNull(theme, "theme");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(correlationId, "correlationId");
    if (originalSource == ContentSource.CACHE) {
      throw new IllegalArgumentException("originalSource must say who wrote it, not CACHE");
    }
    if (source != ContentSource.CACHE && originalSource != source) {
      throw new IllegalArgumentException(
          "originalSource must equal source unless source is CACHE, was "
              + originalSource
              + " for "
              + source);
    }
    Checks.requireNonNegative(attempts, "attempts");
    Checks.requireNonNegative(repairs, "repairs");
    Checks.requireNonNegative(duration, "duration");
    warnings = List.copyOf(warnings);
  }

  /**
   * A result without repairs, for content built by hand (tests, a host's own results): {@code
   * originalSource} is {@code source}, or {@link ContentSource#LLM} when {@code source} is {@link
   * ContentSource#CACHE}.
   *
   * @param content the content
   * @param source where it came from
   * @param theme the theme's name
   * @param provider the provider's name
   * @param model the model's name
   * @param usage the tokens used
   * @param attempts the provider calls made
   * @param duration the time taken
   * @param warnings the warnings
   * @param correlationId the correlation id
   * @throws IllegalArgumentException when attempts or duration are negative
   */
  public GeneratedContent(
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
    this(
        content,
        source,
        source == ContentSource.CACHE ? ContentSource.LLM : source,
        theme,
        provider,
        model,
        usage,
        attempts,
        0,
        duration,
        warnings,
        correlationId);
  }
}
