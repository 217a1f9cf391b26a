package dev.trinity.api.content;

import java.util.Objects;

/**
 * How far a batch has got, reported after each request finishes. Immutable.
 *
 * @param done requests finished so far, successes and failures
 * @param total requests in the batch
 * @param failed requests that failed so far
 * @param latest the request that just finished
 */
public record BatchProgress(int done, int total, int failed, ItemResult latest) {

  /**
   * Validates the counts.
   *
   * @throws IllegalArgumentException when the counts are inconsistent
   */
  public BatchProgress {
    Objects.requireNonNull(latest, "latest");
    if (done < 1 || done > total || failed < 0 || failed > done) {
      throw new IllegalArgumentException(
          "inconsistent progress: done=" + done + " total=" + total + " failed=" + failed);
    }
  }

  /**
   * Requests that succeeded so far.
   *
   * @return {@code done - failed}
   */
  public int succeeded() {
    return done - failed;
  }
}
