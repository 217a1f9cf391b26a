package dev.trinity.core.internal.http;

import dev.trinity.api.HttpTransport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * {@link HttpTransport} over one shared {@link HttpClient}. Requests to {@code https://} may
 * negotiate HTTP/2 through ALPN; requests to cleartext {@code http://} use HTTP/1.1 unless h2c is
 * enabled, because the JDK's h2c upgrade makes uvicorn-based servers (vLLM and many
 * OpenAI-compatible local servers) drop the request body.
 */
public final class JdkHttpTransport implements HttpTransport {
  private final HttpClient client;
  private final Clock clock;
  private final long maxResponseBytes;
  private final boolean h2c;

  /**
   * Creates a transport.
   *
   * @param client the shared client
   * @param clock the clock for {@code Retry-After} dates
   * @param maxResponseBytes the body size cap
   * @param h2c whether cleartext requests may upgrade to HTTP/2
   */
  public JdkHttpTransport(HttpClient client, Clock clock, long maxResponseBytes, boolean h2c) {
    this.client = client;
    this.clock = clock;
    this.maxResponseBytes = maxResponseBytes;
    this.h2c = h2c;
  }

  /**
   * Builds the shared client: HTTP/2 preferred, no redirects, the given connect timeout and
   * executor.
   *
   * @param connectTimeout the TCP/TLS connect timeout
   * @param executor runs the client's callbacks
   * @return the client
   */
  public static HttpClient newClient(Duration connectTimeout, Executor executor) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_2)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .executor(executor)
        .build();
  }

  @Override
  public CompletableFuture<HttpResponse<byte[]>> send(
      HttpRequest request, String provider, String model) {
    HttpRequest r = withVersion(request);
    String target = target(r.uri());
    String secret = bearer(r);
    Duration timeout = r.timeout().orElse(null);
    CompletableFuture<HttpResponse<byte[]>> out = new CompletableFuture<>();
    // The answer is taken from the body handler as soon as the last byte is read, on the client's
    // executor thread; the client's own future (completed later, through CompletableFuture's async
    // pool) still reports failures: I/O errors, timeouts, a body over the cap.
    LimitedBodyHandler handler =
        new LimitedBodyHandler(
            maxResponseBytes, r, response -> deliver(out, response, provider, model, secret));
    CompletableFuture<HttpResponse<byte[]>> exchange;
    try {
      exchange = client.sendAsync(r, handler);
    } catch (RuntimeException e) {
      out.completeExceptionally(
          HttpErrors.fromFailure(provider, target, e, timeout, maxResponseBytes));
      return out;
    }
    exchange.whenComplete(
        (response, failure) -> {
          if (out.isDone()) {
            return;
          }
          if (failure != null) {
            out.completeExceptionally(
                HttpErrors.fromFailure(provider, target, failure, timeout, maxResponseBytes));
          } else {
            deliver(out, response, provider, model, secret);
          }
        });
    out.whenComplete(
        (response, failure) -> {
          if (out.isCancelled()) {
            exchange.cancel(true);
          }
        });
    return out;
  }

  private void deliver(
      CompletableFuture<HttpResponse<byte[]>> out,
      HttpResponse<byte[]> response,
      String provider,
      String model,
      @Nullable String secret) {
    if (out.isDone()) {
      return;
    }
    if (response.statusCode() / 100 == 2) {
      out.complete(response);
      return;
    }
    try {
      out.completeExceptionally(
          HttpErrors.fromStatus(
              provider,
              model,
              response.statusCode(),
              response.headers(),
              response.body(),
              clock,
              secret));
    } catch (RuntimeException e) {
      out.completeExceptionally(e);
    }
  }

  private HttpRequest withVersion(HttpRequest request) {
    if (request.version().isPresent()) {
      return request;
    }
    boolean cleartext = "http".equalsIgnoreCase(request.uri().getScheme());
    HttpClient.Version v =
        cleartext && !h2c ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2;
    return HttpRequest.newBuilder(request, (name, value) -> true).version(v).build();
  }

  private static @Nullable String bearer(HttpRequest r) {
    return r.headers()
        .firstValue("authorization")
        .map(v -> v.regionMatches(true, 0, "Bearer ", 0, 7) ? v.substring(7).strip() : v)
        .orElse(null);
  }

  private static String target(URI uri) {
    return uri.getScheme()
        + "://"
        + uri.getAuthority()
        + (uri.getPath() == null ? "" : uri.getPath());
  }
}
