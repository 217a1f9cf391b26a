package dev.trinity.api.content;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Turns portfolios into theme-styled site content without blocking. Thread-safe; hold one per
 * {@code Trinity} instance.
 *
 * <p>Each generation reads and checks the portfolio, asks the model through Trinity's request
 * pipeline for JSON matching the content schema, re-asks with the problems when the answer is
 * invalid (a bounded number of times; a rejected answer is never cached), applies the theme's rules
 * and completes with a {@link GeneratedContent}.
 *
 * <p>Futures complete exceptionally with a {@link dev.trinity.api.TrinityException} subtype: {@link
 * dev.trinity.api.InvalidInputException} for a bad portfolio or an unknown theme (nothing is sent),
 * {@link dev.trinity.api.ContentValidationException} when the answers stayed invalid after the
 * repairs, or the pipeline's own failures — unless a {@link Fallback} answers instead. Cancelling a
 * future cancels the model call in flight. Callbacks run on the thread that completed the call: do
 * not block in them.
 *
 * @see ContentEngine the blocking view of the same engine
 */
public interface AsyncContentEngine {

  /**
   * Generates content for a portfolio file and a theme by name; the Java form of the original's
   * {@code await engine.generate_content_async("portfolio1.txt", "brutalist")}.
   *
   * @param portfolio the file, UTF-8 text
   * @param theme the theme's name
   * @return the content
   */
  default CompletableFuture<GeneratedContent> generateAsync(Path portfolio, String theme) {
    return generateAsync(ContentRequest.of(portfolio, theme));
  }

  /**
   * Generates content for a portfolio file and a theme.
   *
   * @param portfolio the file, UTF-8 text
   * @param theme the theme
   * @return the content
   */
  default CompletableFuture<GeneratedContent> generateAsync(Path portfolio, Theme theme) {
    return generateAsync(ContentRequest.of(portfolio, theme));
  }

  /**
   * Generates content for portfolio text and a theme.
   *
   * @param portfolioText the portfolio itself
   * @param theme the theme
   * @return the content
   */
  default CompletableFuture<GeneratedContent> generateAsync(String portfolioText, Theme theme) {
    return generateAsync(ContentRequest.ofText(portfolioText, theme));
  }

  /**
   * Generates content for one request.
   *
   * @param request the portfolio, the theme and per-request options
   * @return the content
   */
  CompletableFuture<GeneratedContent> generateAsync(ContentRequest request);

  /**
   * Generates content for many requests, at most {@link BatchOptions#maxConcurrency()} at a time,
   * without blocking a thread while they wait. Each request succeeds or fails on its own: the
   * future completes normally with every outcome once all have finished. Cancelling it cancels the
   * requests in flight and starts no more.
   *
   * @param requests the requests
   * @param options the concurrency limit and progress listener
   * @return one outcome per request, in request order
   */
  CompletableFuture<BatchResult> generateAllAsync(
      List<ContentRequest> requests, BatchOptions options);

  /**
   * The themes this engine knows: the built-in ones and those the host added.
   *
   * @return an unmodifiable list, sorted by name
   */
  List<Theme> themes();

  /**
   * Looks a theme up by name.
   *
   * @param name the theme's name
   * @return the theme
   * @throws dev.trinity.api.InvalidInputException when no theme has that name; the message lists
   *     the known ones
   */
  Theme theme(String name);

  /**
   * The blocking view of this engine.
   *
   * @return an engine sharing this one's implementation
   */
  ContentEngine sync();
}
