package dev.trinity.api.content;

/**
 * Hears how far a streamed generation has got: for a progress bar while a long answer is written.
 *
 * <p>Called after each piece of text the model streams, with the totals of the current model call
 * so far; a repair or retry of the answer is a new call and starts again from zero. Calls for one
 * generation are serialized and run on the thread that read the piece, with the request's
 * correlation id in the MDC: return quickly and do not block. An exception it throws is ignored.
 */
@FunctionalInterface
public interface StreamProgress {

  /**
   * Reports the text received so far in the current model call.
   *
   * @param chunks pieces received; Ollama and llama.cpp send one token per piece, so this is the
   *     number of output tokens so far
   * @param characters characters received
   */
  void generated(int chunks, int characters);
}
