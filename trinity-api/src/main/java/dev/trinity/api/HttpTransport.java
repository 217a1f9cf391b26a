package dev.trinity.api;

import dev.trinity.api.internal.FailedPublisher;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

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

  /**
   * Sends a request and publishes the body's lines as they arrive, for streamed answers.
   *
   * <p>The publisher is cold: each subscription sends the request once. A 2xx response publishes
   * its body's lines (without line terminators), reading no further than the subscriber has asked
   * for, and completes when the body ends. Any other status fails the subscriber with the same
   * {@link ProviderException} that {@link #send} would; so does an I/O failure or a timeout before
   * the response headers. Cancelling the subscription aborts the exchange. The shared transport
   * always streams from its own threads, also for a caller that waits.
   *
   * <p>The default publisher fails with a {@link ProviderException}: a transport must opt in.
   *
   * @param request the request; its timeout, if set, bounds the wait for the response headers
   * @param provider the provider's name, for errors and logs
   * @param model the model asked for, so that "model not found" errors can name it
   * @return the body's lines
   */
  default Flow.Publisher<String> lines(HttpRequest request, String provider, String model) {
    return new FailedPublisher<>(
        new ProviderException(
            provider,
            ProviderException.NO_STATUS,
            "the HTTP transport " + getClass().getName() + " cannot stream responses",
            false,
            null));
  }
}
