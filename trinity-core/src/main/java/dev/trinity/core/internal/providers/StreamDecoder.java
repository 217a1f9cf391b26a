package dev.trinity.core.internal.providers;

import dev.trinity.api.LlmChunk;
import dev.trinity.api.ProviderException;
import java.util.List;

/**
 * Turns a streamed body's lines into chunks: one provider's wire format. One instance per stream,
 * fed its lines in order from one thread at a time; not thread-safe.
 */
public interface StreamDecoder {

  /**
   * Reads one line of the body.
   *
   * @param line the line, without its terminator
   * @return the chunks it completes, in order; the stream's last chunk once the server sent it
   * @throws ProviderException when the line cannot be read or carries the server's error
   */
  List<LlmChunk> line(String line);

  /**
   * Ends the body: what a line the server did not terminate completes.
   *
   * @return the remaining chunks, usually none
   * @throws ProviderException when what is left cannot be read
   */
  default List<LlmChunk> end() {
    return List.of();
  }

  /**
   * Fails a stream whose line carries an error object ({@code {"error": ...}}): the server gave up
   * after the 2xx status was sent.
   *
   * @param body the parsed line
   * @throws ProviderException with the server's message, when the line has one
   */
  static void throwIfError(JsonBody body) {
    body.errorMessage()
        .ifPresent(
            message -> {
              throw new ProviderException(
                  body.provider(),
                  ProviderException.NO_STATUS,
                  body.provider() + " reported an error while streaming: " + message,
                  true,
                  null);
            });
  }
}
