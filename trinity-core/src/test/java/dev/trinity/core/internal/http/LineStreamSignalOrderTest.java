package dev.trinity.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.ProviderException;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;

/**
 * The request goes out before the subscriber's {@code onSubscribe}; these cases make the exchange
 * end inside {@code sendAsync}, before {@code onSubscribe} has run, which a real client can do on
 * its own threads at any moment, and check that the subscriber still hears nothing before its
 * {@code onSubscribe} has returned.
 */
class LineStreamSignalOrderTest {
  private static final HttpRequest REQUEST =
      HttpRequest.newBuilder(URI.create("http://127.0.0.1:9/api/chat"))
          .timeout(Duration.ofSeconds(5))
          .POST(HttpRequest.BodyPublishers.noBody())
          .build();

  @Test
  void aBodyThatEndsBeforeOnSubscribeReturnsIsReportedAfterIt() {
    Recorder subscriber = new Recorder();
    LineStream stream = stream(new EndingClient(List.of("{\"a\":1}"), false));

    stream.subscribe(subscriber);

    assertThat(subscriber.signals).containsExactly("onSubscribe", "onSubscribe returned");
    subscriber.subscription.request(10);
    assertThat(subscriber.signals)
        .containsExactly("onSubscribe", "onSubscribe returned", "onNext {\"a\":1}", "onComplete");
  }

  @Test
  void anEmptyBodyEndingBeforeOnSubscribeReturnsCompletesAfterIt() {
    Recorder subscriber = new Recorder();

    stream(new EndingClient(List.of(), false)).subscribe(subscriber);

    assertThat(subscriber.signals)
        .containsExactly("onSubscribe", "onSubscribe returned", "onComplete");
  }

  @Test
  void aBodyThatFailsBeforeOnSubscribeReturnsIsReportedAfterIt() {
    Recorder subscriber = new Recorder();

    stream(new EndingClient(List.of(), true)).subscribe(subscriber);

    assertThat(subscriber.signals)
        .containsExactly("onSubscribe", "onSubscribe returned", "onError ConnectionException");
  }

  @Test
  void aSendThatThrowsIsReportedAfterOnSubscribe() {
    Recorder subscriber = new Recorder();
    HttpClient refusing =
        new EndingClient(List.of(), false) {
          @Override
          public <T> CompletableFuture<HttpResponse<T>> sendAsync(
              HttpRequest request, HttpResponse.BodyHandler<T> handler) {
            throw new IllegalStateException("client closed");
          }
        };

    stream(refusing).subscribe(subscriber);

    assertThat(subscriber.signals).hasSize(3);
    assertThat(subscriber.signals.subList(0, 2))
        .containsExactly("onSubscribe", "onSubscribe returned");
    assertThat(subscriber.signals.get(2)).startsWith("onError");
    assertThat(subscriber.error).isInstanceOf(ProviderException.class);
  }

  @Test
  void cancellingInOnSubscribeAbortsTheExchangeAlreadySent() {
    EndingClient client = new EndingClient(List.of(), false);
    client.holdOpen = true;
    Recorder subscriber = new Recorder();
    subscriber.cancelInOnSubscribe = true;

    stream(client).subscribe(subscriber);

    assertThat(client.sent).isTrue();
    assertThat(client.exchange.isCancelled()).isTrue();
    assertThat(subscriber.signals).containsExactly("onSubscribe", "onSubscribe returned");
  }

  private static LineStream stream(HttpClient client) {
    return new LineStream(client, REQUEST, "ollama", "m", Clock.systemUTC(), 1 << 20);
  }

  /** Records the signals in order, and the moment its onSubscribe returns. */
  private static final class Recorder implements Flow.Subscriber<String> {
    final List<String> signals = new CopyOnWriteArrayList<>();
    Flow.Subscription subscription;
    Throwable error;
    boolean cancelInOnSubscribe;

    @Override
    public void onSubscribe(Flow.Subscription s) {
      signals.add("onSubscribe");
      subscription = s;
      if (cancelInOnSubscribe) {
        s.cancel();
      }
      signals.add("onSubscribe returned");
    }

    @Override
    public void onNext(String line) {
      signals.add("onNext " + line);
    }

    @Override
    public void onError(Throwable t) {
      error = t;
      signals.add("onError " + t.getClass().getSimpleName());
    }

    @Override
    public void onComplete() {
      signals.add("onComplete");
    }
  }

  /**
   * A client whose exchange answers 200 and ends (or fails) inside {@code sendAsync}, on the
   * caller's thread, before returning.
   */
  private static class EndingClient extends HttpClient {
    private final List<String> lines;
    private final boolean fail;
    boolean holdOpen;
    boolean sent;
    CompletableFuture<Object> exchange = new CompletableFuture<>();

    EndingClient(List<String> lines, boolean fail) {
      this.lines = lines;
      this.fail = fail;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
        HttpRequest request, HttpResponse.BodyHandler<T> handler) {
      sent = true;
      if (holdOpen) {
        return (CompletableFuture<HttpResponse<T>>) (CompletableFuture<?>) exchange;
      }
      HttpResponse.BodySubscriber<T> body = handler.apply(new Info());
      AtomicBoolean delivered = new AtomicBoolean();
      body.onSubscribe(
          new Flow.Subscription() {
            @Override
            public void request(long n) {
              if (!fail && delivered.compareAndSet(false, true)) {
                for (String line : lines) {
                  body.onNext(List.of(ByteBuffer.wrap((line + "\n").getBytes())));
                }
                body.onComplete();
              }
            }

            @Override
            public void cancel() {}
          });
      if (fail) {
        body.onError(new IOException("connection reset"));
      } else if (lines.isEmpty()) {
        body.onComplete();
      }
      // the response future: failed, or still open (headers were read; the body ran ahead of it)
      return fail
          ? CompletableFuture.failedFuture(new IOException("connection reset"))
          : new CompletableFuture<>();
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
        HttpRequest request,
        HttpResponse.BodyHandler<T> handler,
        HttpResponse.PushPromiseHandler<T> push) {
      return sendAsync(request, handler);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
      return Optional.empty();
    }

    @Override
    public Optional<Duration> connectTimeout() {
      return Optional.empty();
    }

    @Override
    public Redirect followRedirects() {
      return Redirect.NEVER;
    }

    @Override
    public Optional<ProxySelector> proxy() {
      return Optional.empty();
    }

    @Override
    public SSLContext sslContext() {
      return null;
    }

    @Override
    public SSLParameters sslParameters() {
      return null;
    }

    @Override
    public Optional<Authenticator> authenticator() {
      return Optional.empty();
    }

    @Override
    public Version version() {
      return Version.HTTP_1_1;
    }

    @Override
    public Optional<Executor> executor() {
      return Optional.empty();
    }
  }

  private static final class Info implements HttpResponse.ResponseInfo {
    @Override
    public int statusCode() {
      return 200;
    }

    @Override
    public HttpHeaders headers() {
      return HttpHeaders.of(Map.of(), (a, b) -> true);
    }

    @Override
    public HttpClient.Version version() {
      return HttpClient.Version.HTTP_1_1;
    }
  }
}
