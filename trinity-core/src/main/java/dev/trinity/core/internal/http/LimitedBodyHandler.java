package dev.trinity.core.internal.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a body into a byte array but stops at a cap: a larger body (by {@code Content-Length} or by
 * counting) fails with {@link BodyTooLargeException} and the subscription is cancelled, so nothing
 * beyond the cap is buffered.
 */
final class LimitedBodyHandler implements HttpResponse.BodyHandler<byte[]> {
  private final long limit;

  LimitedBodyHandler(long limit) {
    this.limit = limit;
  }

  @Override
  public BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
    long declared = info.headers().firstValueAsLong("content-length").orElse(-1L);
    if (declared > limit) {
      return new Limited(limit, info.statusCode(), true);
    }
    return new Limited(limit, info.statusCode(), false);
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
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    Limited(long limit, int status, boolean rejectAtOnce) {
      this.limit = limit;
      this.status = status;
      this.rejectAtOnce = rejectAtOnce;
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
      result.complete(out.toByteArray());
    }
  }
}
