package dev.trinity.examples.bench;

import dev.trinity.api.LlmChunk;
import dev.trinity.api.LlmRequest;
import dev.trinity.core.Trinity;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/** Streams one request as fast as it comes, noting when the first text piece arrives. */
final class FirstText implements Flow.Subscriber<LlmChunk> {
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private volatile long at;

  private FirstText() {}

  /**
   * Streams the request through {@code llmAsync().stream()} and waits for its end.
   *
   * @return the {@link System#nanoTime()} at which the first text piece reached the subscriber
   */
  static long stream(Trinity trinity, LlmRequest request) throws Exception {
    FirstText subscriber = new FirstText();
    trinity.llmAsync().stream(request).subscribe(subscriber);
    subscriber.done.get(30, TimeUnit.SECONDS);
    return subscriber.at;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(LlmChunk chunk) {
    if (at == 0 && !chunk.text().isEmpty()) {
      at = System.nanoTime();
    }
  }

  @Override
  public void onError(Throwable t) {
    done.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    done.complete(null);
  }
}
