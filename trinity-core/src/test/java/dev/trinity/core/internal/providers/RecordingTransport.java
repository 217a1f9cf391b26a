package dev.trinity.core.internal.providers;

import dev.trinity.api.HttpTransport;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Passes requests to a real transport and keeps the futures it returned, to check cancellation. */
final class RecordingTransport implements HttpTransport {
  private final HttpTransport delegate;
  final List<CompletableFuture<HttpResponse<byte[]>>> sent = new CopyOnWriteArrayList<>();

  RecordingTransport(HttpTransport delegate) {
    this.delegate = delegate;
  }

  @Override
  public CompletableFuture<HttpResponse<byte[]>> send(
      HttpRequest request, String provider, String model) {
    CompletableFuture<HttpResponse<byte[]>> f = delegate.send(request, provider, model);
    sent.add(f);
    return f;
  }
}
