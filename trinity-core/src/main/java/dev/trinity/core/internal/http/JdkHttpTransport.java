package dev.trinity.core.internal.http;

import dev.trinity.api.HttpTransport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
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
    return newClient(connectTimeout, executor, HttpClient.Version.HTTP_2);
  }

  /**
   * Builds the shared client for one endpoint: its default version is the one the transport picks
   * for that endpoint, so that requests to it need not be copied to set one.
   *
   * @param connectTimeout the TCP/TLS connect timeout
   * @param executor runs the client's callbacks
   * @param endpoint the base URL requests will mostly go to
   * @param h2c whether cleartext requests may upgrade to HTTP/2
   * @return the client
   */
  public static HttpClient newClient(
      Duration connectTimeout, Executor executor, URI endpoint, boolean h2c) {
    return newClient(connectTimeout, executor, versionFor(endpoint, h2c));
  }

  private static HttpClient newClient(
      Duration connectTimeout, Executor executor, HttpClient.Version version) {
    return HttpClient.newBuilder()
        .version(version)
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
    CallerWaits caller = CallerWaits.current();
    if (caller != null) {
      return sendOnThisThread(caller, r, provider, model, target, secret, timeout);
    }
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

  /**
   * {@inheritDoc}
   *
   * <p>Each subscription is one {@code sendAsync} whose 2xx body is read through the JDK client's
   * line subscriber, never on a waiting caller's thread.
   */
  @Override
  public Flow.Publisher<String> lines(HttpRequest request, String provider, String model) {
    return new LineStream(client, withVersion(request), provider, model, clock, maxResponseBytes);
  }

  /**
   * The exchange for a caller that waits for it anyway: {@code HttpClient.send} on this thread,
   * which completes without the hop through {@code CompletableFuture}'s default pool that {@code
   * sendAsync} makes. The request's timeout (the time left before the call's deadline) bounds the
   * wait for the answer; when the call is abandoned first, the thread is interrupted while it is
   * inside {@code send}, which aborts the exchange, and the interrupt is cleared again.
   */
  private CompletableFuture<HttpResponse<byte[]>> sendOnThisThread(
      CallerWaits caller,
      HttpRequest r,
      String provider,
      String model,
      String target,
      @Nullable String secret,
      @Nullable Duration timeout) {
    CompletableFuture<HttpResponse<byte[]>> out = new CompletableFuture<>();
    SendingThread sending = new SendingThread();
    caller.onAbandon(sending::abort);
    if (!sending.enter()) {
      out.completeExceptionally(abandoned(null));
      return out;
    }
    HttpResponse<byte[]> response;
    try {
      response = client.send(r, new LimitedBodyHandler(maxResponseBytes, r, read -> {}));
    } catch (InterruptedException e) {
      if (sending.exit()) {
        out.completeExceptionally(abandoned(e));
      } else {
        Thread.currentThread().interrupt(); // the caller's own interrupt: it stays set
        out.completeExceptionally(
            new CallerWaits.CallerInterruptedException(
                "interrupted while waiting for " + provider, e));
      }
      return out;
    } catch (IOException | RuntimeException e) {
      boolean abandoned = sending.exit();
      out.completeExceptionally(
          abandoned
              ? abandoned(e)
              : HttpErrors.fromFailure(
                  provider, target, sentFailure(e), timeout, maxResponseBytes));
      return out;
    }
    sending.exit();
    deliver(out, response, provider, model, secret);
    return out;
  }

  private static CancellationException abandoned(@Nullable Throwable cause) {
    CancellationException e = new CancellationException("the call was abandoned");
    e.initCause(cause);
    return e;
  }

  /**
   * {@code send} reports a failure of the body handler as an {@link IOException} around it; the
   * mapping wants the handler's own signal (a body over the cap).
   */
  private static Throwable sentFailure(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof LimitedBodyHandler.BodyTooLargeException) {
        return c;
      }
    }
    return e;
  }

  /**
   * The thread inside {@code send}, and whether the call was abandoned meanwhile. The thread is
   * interrupted only between {@link #enter} and {@link #exit}, and {@link #exit} clears that
   * interrupt, so none leaks to the caller.
   */
  private static final class SendingThread {
    private final Thread thread = Thread.currentThread();
    private boolean inside;
    private boolean abandoned;
    private boolean interrupted;

    /** False when the call was abandoned before the exchange started. */
    synchronized boolean enter() {
      inside = !abandoned;
      return inside;
    }

    synchronized void abort() {
      abandoned = true;
      if (inside && !interrupted) {
        interrupted = true;
        thread.interrupt();
      }
    }

    /** Leaves {@code send}; true when the call was abandoned during it. */
    boolean exit() {
      boolean cleared;
      synchronized (this) {
        inside = false;
        cleared = interrupted;
      }
      if (cleared) {
        Thread.interrupted();
      }
      return cleared;
    }
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
    HttpClient.Version v = versionFor(request.uri(), h2c);
    if (v == client.version()) {
      return request; // the client's default applies
    }
    return HttpRequest.newBuilder(request, (name, value) -> true).version(v).build();
  }

  private static HttpClient.Version versionFor(URI uri, boolean h2c) {
    boolean cleartext = "http".equalsIgnoreCase(uri.getScheme());
    return cleartext && !h2c ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2;
  }

  static @Nullable String bearer(HttpRequest r) {
    return r.headers()
        .firstValue("authorization")
        .map(v -> v.regionMatches(true, 0, "Bearer ", 0, 7) ? v.substring(7).strip() : v)
        .orElse(null);
  }

  static String target(URI uri) {
    return uri.getScheme()
        + "://"
        + uri.getAuthority()
        + (uri.getPath() == null ? "" : uri.getPath());
  }
}
