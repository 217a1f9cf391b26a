package dev.trinity.api.content;

import java.nio.file.Path;
import java.util.List;

/**
 * Turns portfolios into theme-styled site content, blocking until it is ready: the blocking view of
 * {@link AsyncContentEngine}, with one code path behind both. Thread-safe.
 *
 * <pre>{@code
 * try (Trinity trinity = Trinity.fromEnvironment()) {
 *   ContentEngine engine = ContentEngines.create(trinity);
 *   GeneratedContent result = engine.generate(Path.of("portfolio.md"), "brutalist");
 *   System.out.println(result.content().hero().title() + " (" + result.source() + ")");
 * }
 * }</pre>
 *
 * <p>Methods throw {@link dev.trinity.api.TrinityException} subtypes unwrapped: see {@link
 * AsyncContentEngine} for which. Interrupting the waiting thread cancels the model call and throws
 * {@link java.util.concurrent.CancellationException} with the interrupt flag restored.
 */
public interface ContentEngine {

  /**
   * Generates content for a portfolio file and a theme by name; the Java form of the original's
   * {@code engine.generate_content("portfolio1.txt", "brutalist")}.
   *
   * @param portfolio the file, UTF-8 text
   * @param theme the theme's name
   * @return the content
   * @throws dev.trinity.api.InvalidInputException when the file or theme is not usable
   * @throws dev.trinity.api.TrinityException when generation fails and no fallback answers
   */
  default GeneratedContent generate(Path portfolio, String theme) {
    return generate(ContentRequest.of(portfolio, theme));
  }

  /**
   * Generates content for a portfolio file and a theme.
   *
   * @param portfolio the file, UTF-8 text
   * @param theme the theme
   * @return the content
   * @throws dev.trinity.api.InvalidInputException when the file is not usable
   * @throws dev.trinity.api.TrinityException when generation fails and no fallback answers
   */
  default GeneratedContent generate(Path portfolio, Theme theme) {
    return generate(ContentRequest.of(portfolio, theme));
  }

  /**
   * Generates content for portfolio text and a theme.
   *
   * @param portfolioText the portfolio itself
   * @param theme the theme
   * @return the content
   * @throws dev.trinity.api.InvalidInputException when the text is empty, binary or too large
   * @throws dev.trinity.api.TrinityException when generation fails and no fallback answers
   */
  default GeneratedContent generate(String portfolioText, Theme theme) {
    return generate(ContentRequest.ofText(portfolioText, theme));
  }

  /**
   * Generates content for one request.
   *
   * @param request the portfolio, the theme and per-request options
   * @return the content
   * @throws dev.trinity.api.InvalidInputException when the portfolio or theme is not usable
   * @throws dev.trinity.api.TrinityException when generation fails and no fallback answers
   */
  GeneratedContent generate(ContentRequest request);

  /**
   * Generates content for many requests, at most {@link BatchOptions#maxConcurrency()} at a time,
   * and waits for all of them. Never all-or-nothing: each request's failure is reported in its
   * {@link ItemResult}.
   *
   * @param requests the requests
   * @param options the concurrency limit and progress listener
   * @return one outcome per request, in request order
   */
  BatchResult generateAll(List<ContentRequest> requests, BatchOptions options);

  /**
   * {@link #generateAll(List, BatchOptions)} with {@link BatchOptions#ofDefaults()}.
   *
   * @param requests the requests
   * @return one outcome per request, in request order
   */
  default BatchResult generateAll(List<ContentRequest> requests) {
    return generateAll(requests, BatchOptions.ofDefaults());
  }

  /**
   * The themes this engine knows: the built-in ones and those the host added.
   *
   * @return an unmodifiable list, sorted by name
   */
  List<Theme> themes();

  /**
   * Looks a theme up by name, ignoring letter case ({@code Brutalist} finds {@code brutalist}).
   * Requests that name a theme are looked up the same way.
   *
   * @param name the theme's name
   * @return the theme
   * @throws dev.trinity.api.InvalidInputException when no theme has that name; the message lists
   *     the known names
   */
  Theme theme(String name);

  /**
   * The non-blocking view of this engine.
   *
   * @return an engine sharing this one's implementation
   */
  AsyncContentEngine async();
}
