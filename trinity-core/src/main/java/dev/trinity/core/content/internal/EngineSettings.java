package dev.trinity.core.content.internal;

import dev.trinity.api.Capability;
import dev.trinity.api.content.Fallback;
import dev.trinity.core.internal.pipeline.Listeners;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Everything a content engine is configured with, checked by the public builder.
 *
 * @param providerName the provider the pipeline ends in, to label offline answers
 * @param capabilities what it supports, to choose JSON Schema or JSON mode
 * @param themes the known themes
 * @param prompts the prompt templates
 * @param fallback what answers when the model path fails
 * @param maxRepairs how many times an invalid answer is sent back with its problems
 * @param maxOutputTokens the most output tokens a repair of a cut-off answer may ask for; 0 never
 *     raises the limit
 * @param maxInputBytes the largest portfolio accepted
 * @param maxPortfolioChars how much of a portfolio is sent to the model
 * @param fileExecutor where portfolio files are read
 * @param clock measures durations and per-request deadlines
 * @param listeners hear the engine's repairs and fallbacks
 */
public record EngineSettings(
    String providerName,
    Set<Capability> capabilities,
    ThemeCatalog themes,
    PromptTemplates prompts,
    Fallback fallback,
    int maxRepairs,
    int maxOutputTokens,
    long maxInputBytes,
    int maxPortfolioChars,
    Executor fileExecutor,
    Clock clock,
    Listeners listeners) {

  /** Copies the capabilities. */
  public EngineSettings {
    capabilities = Set.copyOf(capabilities);
  }

  /** Settings without listeners. */
  public EngineSettings(
      String providerName,
      Set<Capability> capabilities,
      ThemeCatalog themes,
      PromptTemplates prompts,
      Fallback fallback,
      int maxRepairs,
      int maxOutputTokens,
      long maxInputBytes,
      int maxPortfolioChars,
      Executor fileExecutor,
      Clock clock) {
    this(
        providerName,
        capabilities,
        themes,
        prompts,
        fallback,
        maxRepairs,
        maxOutputTokens,
        maxInputBytes,
        maxPortfolioChars,
        fileExecutor,
        clock,
        Listeners.NONE);
  }
}
