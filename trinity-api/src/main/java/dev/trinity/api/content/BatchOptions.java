package dev.trinity.api.content;

import dev.trinity.api.internal.Checks;
import java.util.Objects;

/**
 * How a batch runs: how many requests may be in flight at once, and who hears about progress.
 * Immutable.
 *
 * <p>The batch limit bounds this batch only; the request pipeline's own limit ({@code
 * llm.max_concurrency}) still bounds calls to the provider across everything the host sends.
 *
 * @param maxConcurrency most requests of this batch in flight at once, 1 to {@value
 *     #MAX_CONCURRENCY}
 * @param progressListener told after each request finishes
 */
public record BatchOptions(int maxConcurrency, ProgressListener progressListener) {
  /** Default requests in flight per batch: {@value}. */
  public static final int DEFAULT_MAX_CONCURRENCY = 4;

  /** Highest accepted {@code maxConcurrency}: {@value}. */
  public static final int MAX_CONCURRENCY = 256;

  private static final BatchOptions DEFAULTS =
      new BatchOptions(DEFAULT_MAX_CONCURRENCY, ProgressListener.NONE);

  /**
   * Validates the options.
   *
   * @throws IllegalArgumentException when {@code maxConcurrency} is out of range
   */
  public BatchOptions {
    Objects.requireNonNull(progressListener, "progressListener");
    Checks.requireRange(maxConcurrency, 1, MAX_CONCURRENCY, "maxConcurrency");
  }

  /**
   * {@value #DEFAULT_MAX_CONCURRENCY} in flight, no listener.
   *
   * @return the default options
   */
  public static BatchOptions ofDefaults() {
    return DEFAULTS;
  }

  /**
   * These options with another concurrency limit.
   *
   * @param maxConcurrency most requests in flight at once
   * @return new options
   */
  public BatchOptions withMaxConcurrency(int maxConcurrency) {
    return new BatchOptions(maxConcurrency, progressListener);
  }

  /**
   * These options with another progress listener.
   *
   * @param progressListener the listener
   * @return new options
   */
  public BatchOptions withProgressListener(ProgressListener progressListener) {
    return new BatchOptions(maxConcurrency, progressListener);
  }
}
