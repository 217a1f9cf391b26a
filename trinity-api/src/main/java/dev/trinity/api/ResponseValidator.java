package dev.trinity.api;

/**
 * Decides whether an answer is acceptable before the pipeline returns it and stores it in the
 * cache. A rejected answer is never cached; a cached answer that is now rejected is dropped from
 * the cache and fetched again.
 *
 * <p>Implementations must be thread-safe, fast and free of I/O: they run on the thread that
 * completed the exchange.
 */
@FunctionalInterface
public interface ResponseValidator {

  /** Accepts every answer. */
  ResponseValidator ACCEPT_ALL = response -> {};

  /**
   * Checks an answer.
   *
   * @param response the answer
   * @throws ContentValidationException (or another {@link TrinityException}) to reject it
   */
  void validate(LlmResponse response);
}
