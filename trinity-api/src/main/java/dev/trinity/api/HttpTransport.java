package dev.trinity.api;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/**
 * The shared HTTP transport that providers send their requests through: one {@link
 * java.net.http.HttpClient} with keep-alive, a response-size cap, and the one mapping from HTTP
 * statuses and error bodies to {@link ProviderException}s.
 *
 * <p>Thread-safe. Instances are supplied by {@link ProviderContext#transport()}.
 */
public interface HttpTransport {

  /**
   * Sends a request and reads the body into memory, up to the size cap.
   *
   * <p>The future completes normally only for a 2xx status. Otherwise it completes exceptionally
   * with a {@link ProviderException} subtype: an HTTP error mapped from status and body, {@link
   * ConnectionException}, {@link RequestTimeoutException} or {@link ResponseTooLargeException}.
   * Cancelling the future aborts the exchange.
   *
   * <p>When the call comes from the blocking {@code LlmClient}, whose caller waits for the answer
   * anyway, the shared transport runs the exchange on the calling thread and returns a future that
   * is already complete (no thread hop per response); otherwise it returns at once. Either way the
   * caller must treat the result as a future.
   *
   * @param request the request; its timeout, if set, bounds the exchange
   * @param provider the provider's name, for errors and logs
   * @param model the model asked for, so that "model not found" errors can name it
   * @return the response with its body as bytes
   */
  CompletableFuture<HttpResponse<byte[]>> send(HttpRequest request, String provider, String model);
}
