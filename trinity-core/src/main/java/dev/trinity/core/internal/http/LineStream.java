package dev.trinity.core.internal.http;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One streamed exchange per subscription: the body of a 2xx response read line by line through the
 * JDK client's own line subscriber ({@link BodySubscribers#fromLineSubscriber}), as fast as the
 * subscriber asks; any other status read whole (up to the size cap) and mapped like {@link
 * JdkHttpTransport#send}'s. Cancelling the subscription cancels the body's subscription and the
 * exchange, which closes the connection.
 *
 * <p>Subscribing sends the request, then hands the subscriber its subscription: the subscriber's
 * {@code onSubscribe} runs while the request is on its way. No signal reaches the subscriber before
 * its {@code onSubscribe} has returned; a subscriber that cancels in it aborts the exchange.
 */
final class LineStream implements Flow.Publisher<String> {
  private final HttpClient client;
  private final HttpRequest request;
  private final String provider;
  private final String model;
  private final Clock clock;
  private final long maxResponseBytes;

  LineStream(
      HttpClient client,
      HttpRequest request,
      String provider,
      String model,
      Clock clock,
      long maxResponseBytes) {
    this.client = client;
    this.request = request;
    this.provider = provider;
    this.model = model;
    this.clock = clock;
    this.maxResponseBytes = maxResponseBytes;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super String> subscriber) {
    new Exchange(subscriber).start();
  }

  private final class Exchange implements Flow.Subscription, Flow.Subscriber<String> {
    private final Flow.Subscriber<? super String> downstream;
    private final AtomicBoolean terminated = new AtomicBoolean();
    private Flow.@Nullable Subscription body;
    private long demand;
    private boolean cancelled;
    private volatile byte @Nullable [] errorBody;
    private volatile @Nullable CompletableFuture<HttpResponse<Void>> exchange;
    private boolean subscribed;
    private @Nullable Runnable pending;

    Exchange(Flow.Subscriber<? super String> downstream) {
      this.downstream = downstream;
    }

    void start() {
      // The exchange goes out first, and the subscriber has its subscription while the request is
      // on its way: what the subscriber does in onSubscribe does not delay the send. A terminal
      // signal that comes before onSubscribe has returned waits for it (see signal()).
      CompletableFuture<HttpResponse<Void>> f;
      try {
        f = client.sendAsync(request, this::bodyFor);
      } catch (RuntimeException e) {
        downstream.onSubscribe(this);
        subscribed();
        fail(e);
        return;
      }
      exchange = f;
      downstream.onSubscribe(this);
      subscribed();
      f.whenComplete(
          (response, failure) -> {
            if (failure != null) {
              fail(failure);
            } else if (response.statusCode() / 100 != 2) {
              byte[] bytes = errorBody;
              fail(
                  HttpErrors.fromStatus(
                      provider,
                      model,
                      response.statusCode(),
                      response.headers(),
                      bytes == null ? new byte[0] : bytes,
                      clock,
                      bearer()));
            }
          });
      synchronized (this) {
        if (!cancelled) {
          return;
        }
      }
      f.cancel(true);
    }

    /** onSubscribe has returned: a terminal signal that came meanwhile goes out now. */
    private void subscribed() {
      Runnable waiting;
      synchronized (this) {
        subscribed = true;
        waiting = pending;
        pending = null;
      }
      if (waiting != null) {
        waiting.run();
      }
    }

    /** Sends a terminal signal, or keeps it until onSubscribe has returned. */
    private void signal(Runnable terminal) {
      synchronized (this) {
        if (!subscribed) {
          pending = terminal;
          return;
        }
      }
      terminal.run();
    }

    private BodySubscriber<Void> bodyFor(HttpResponse.ResponseInfo info) {
      if (info.statusCode() / 100 == 2) {
        return BodySubscribers.fromLineSubscriber(this);
      }
      return BodySubscribers.mapping(
          new LimitedBodyHandler(maxResponseBytes, request, read -> {}).apply(info),
          bytes -> {
            errorBody = bytes;
            return null;
          });
    }

    // the response body's side

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      long n;
      synchronized (this) {
        if (cancelled) {
          n = -1;
        } else {
          body = subscription;
          n = demand;
          demand = 0;
        }
      }
      if (n < 0) {
        subscription.cancel();
      } else if (n > 0) {
        subscription.request(n);
      }
    }

    @Override
    public void onNext(String line) {
      if (!terminated.get()) {
        downstream.onNext(line);
      }
    }

    @Override
    public void onError(Throwable failure) {
      fail(failure);
    }

    @Override
    public void onComplete() {
      if (terminated.compareAndSet(false, true)) {
        signal(downstream::onComplete);
      }
    }

    // the subscriber's side

    @Override
    public void request(long n) {
      if (n <= 0) {
        cancel();
        if (terminated.compareAndSet(false, true)) {
          downstream.onError(
              new IllegalArgumentException("request(n) needs a positive n, was " + n));
        }
        return;
      }
      Flow.Subscription s;
      synchronized (this) {
        if (cancelled) {
          return;
        }
        s = body;
        if (s == null) {
          demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
          return;
        }
      }
      s.request(n);
    }

    @Override
    public void cancel() {
      Flow.Subscription s;
      synchronized (this) {
        if (cancelled) {
          return;
        }
        cancelled = true;
        s = body;
      }
      terminated.set(true);
      if (s != null) {
        s.cancel();
      }
      CompletableFuture<HttpResponse<Void>> f = exchange;
      if (f != null) {
        f.cancel(true);
      }
    }

    private void fail(Throwable failure) {
      if (terminated.compareAndSet(false, true)) {
        Duration timeout = request.timeout().orElse(null);
        RuntimeException error =
            HttpErrors.fromFailure(provider, target(), failure, timeout, maxResponseBytes);
        signal(() -> downstream.onError(error));
      }
    }

    private String target() {
      return JdkHttpTransport.target(request.uri());
    }

    private @Nullable String bearer() {
      return JdkHttpTransport.bearer(request);
    }
  }
}
