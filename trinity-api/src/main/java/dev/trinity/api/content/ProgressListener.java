package dev.trinity.api.content;

/**
 * Hears about a batch's progress. Called once per request as it finishes, never concurrently, with
 * {@link BatchProgress#done()} going up by one each time. Calls come on the thread that finished
 * the request (often an HTTP client thread): keep them short and do not block. An exception thrown
 * by the listener is logged and otherwise ignored.
 */
@FunctionalInterface
public interface ProgressListener {

  /** Ignores progress. */
  ProgressListener NONE = progress -> {};

  /**
   * One more request finished.
   *
   * @param progress the counts so far and the request that just finished
   */
  void onProgress(BatchProgress progress);
}
