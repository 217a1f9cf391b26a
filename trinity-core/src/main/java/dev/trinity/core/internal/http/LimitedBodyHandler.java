package dev.trinity.core.internal.http;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import javax.net.ssl.SSLSession;

/**
 * Reads a body into a byte array but stops at a cap: a larger body (by {@code Content-Length} or by
 * counting) fails with {@link BodyTooLargeException} and the subscription is cancelled, so nothing
 * beyond the cap is buffered.
 *
 * <p>The whole response (status, headers, body) is also handed to {@code whenRead} on the thread
 * that read the last byte, before the {@link java.net.http.HttpClient}'s own response future
 * completes. That future is completed through {@code CompletableFuture}'s default async pool, which
 * on a machine with two or fewer CPUs starts a new thread for every response; taking the response
 * here keeps that thread start off the caller's path.
 */
final class LimitedBodyHandler implements HttpResponse.BodyHandler<byte[]> {
  private final long limit;
  private final HttpRequest request;
  private final Consumer<HttpResponse<byte[]>> whenRead;

  /**
   * Creates a handler.
   *
   * @param limit the body size cap
   * @param request the request sent, for {@link HttpResponse#request()}
   * @param whenRead called once with the response when the whole body has been read within the cap;
   *     must not throw and must not block
   */
  LimitedBodyHandler(long limit, HttpRequest request, Consumer<HttpResponse<byte[]>> whenRead) {
    this.limit = limit;
    this.request = request;
    this.whenRead = whenRead;
  }

  @Override
  public BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
    long declared = info.headers().firstValueAsLong("content-length").orElse(-1L);
    Consumer<byte[]> onBody = body -> whenRead.accept(new ReadResponse(request, info, body));
    return new Limited(limit, info.statusCode(), declared > limit, onBody);
  }

  /**
   * A response read by this handler. {@link #sslSession()} is empty: the body handler is not told
   * the session (nothing in Trinity reads it).
   */
  private record ReadResponse(HttpRequest request, HttpResponse.ResponseInfo info, byte[] body)
      implements HttpResponse<byte[]> {
    @Override
    public int statusCode() {
      return info.statusCode();
    }

    @Override
    public Optional<HttpResponse<byte[]>> previousResponse() {
      return Optional.empty();
    }

    @Override
    public HttpHeaders headers() {
      return info.headers();
    }

    @Override
    public Optional<SSLSession> sslSession() {
      return Optional.empty();
    }

    @Override
    public URI uri() {
      return request.uri();
    }

    @Override
    public HttpClient.Version version() {
      return info.version();
    }
  }

  /** Signals that a body exceeded the cap. */
  static final class BodyTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;

    BodyTooLargeException(int status) {
      super("body too large", null, false, false);
      this.status = status;
    }
  }

  private static final class Limited implements BodySubscriber<byte[]> {
    private final long limit;
    private final int status;
    private final boolean rejectAtOnce;
    private final Consumer<byte[]> onBody;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    Limited(long limit, int status, boolean rejectAtOnce, Consumer<byte[]> onBody) {
      this.limit = limit;
      this.status = status;
      this.rejectAtOnce = rejectAtOnce;
      this.onBody = onBody;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      this.subscription = s;
      if (rejectAtOnce) {
        s.cancel();
        result.completeExceptionally(new BodyTooLargeException(status));
      } else {
        s.request(Long.MAX_VALUE);
      }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer b : buffers) {
        int n = b.remaining();
        if ((long) out.size() + n > limit) {
          subscription.cancel();
          result.completeExceptionally(new BodyTooLargeException(status));
          return;
        }
        if (b.hasArray()) {
          out.write(b.array(), b.arrayOffset() + b.position(), n);
          b.position(b.limit());
        } else {
          byte[] chunk = new byte[n];
          b.get(chunk);
          out.write(chunk, 0, n);
        }
      }
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      if (result.isDone()) {
        return;
      }
      byte[] body = out.toByteArray();
      try {
        onBody.accept(body);
      } finally {
        result.complete(body);
      }
    }
  }
}
