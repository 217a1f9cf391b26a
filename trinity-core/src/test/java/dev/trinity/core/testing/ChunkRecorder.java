package dev.trinity.core.testing;

import dev.trinity.api.LlmChunk;
import dev.trinity.logging.CorrelationContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A subscriber that records what a stream publishes, and the correlation id in the MDC at each
 * signal. Demand is asked by the test ({@link #request}), or all at once ({@link #unbounded()}).
 */
public final class ChunkRecorder implements Flow.Subscriber<LlmChunk> {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final long initial;
  private final List<LlmChunk> chunks = new ArrayList<>();
  private final List<String> mdcIds = new ArrayList<>();
  private final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private int onSubscribeCalls;

  private ChunkRecorder(long initial) {
    this.initial = initial;
  }

  /** A subscriber that asks for everything when it subscribes. */
  public static ChunkRecorder unbounded() {
    return new ChunkRecorder(Long.MAX_VALUE);
  }

  /** A subscriber that asks for nothing until the test calls {@link #request}. */
  public static ChunkRecorder manual() {
    return new ChunkRecorder(0);
  }

  @Override
  public synchronized void onSubscribe(Flow.Subscription s) {
    onSubscribeCalls++;
    mdcIds.add(CorrelationContext.current());
    subscription.complete(s);
    if (initial > 0) {
      s.request(initial);
    }
  }

  @Override
  public synchronized void onNext(LlmChunk chunk) {
    mdcIds.add(CorrelationContext.current());
    chunks.add(chunk);
    notifyAll();
  }

  @Override
  public synchronized void onError(Throwable t) {
    mdcIds.add(CorrelationContext.current());
    done.completeExceptionally(t);
    notifyAll();
  }

  @Override
  public synchronized void onComplete() {
    mdcIds.add(CorrelationContext.current());
    done.complete(null);
    notifyAll();
  }

  /** Asks the stream for {@code n} more chunks. */
  public void request(long n) {
    subscription().request(n);
  }

  /** Cancels the subscription. */
  public void cancel() {
    subscription().cancel();
  }

  private Flow.Subscription subscription() {
    try {
      return subscription.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      throw new AssertionError("never subscribed", e);
    }
  }

  /** The chunks received so far. */
  public synchronized List<LlmChunk> chunks() {
    return List.copyOf(chunks);
  }

  /** The text of the chunks received so far. */
  public synchronized String text() {
    StringBuilder b = new StringBuilder();
    chunks.forEach(c -> b.append(c.text()));
    return b.toString();
  }

  /** The correlation id in the MDC at every signal so far, onSubscribe first. */
  public synchronized List<String> mdcIds() {
    return new ArrayList<>(mdcIds);
  }

  /** How many times onSubscribe ran (the rules allow once). */
  public synchronized int onSubscribeCalls() {
    return onSubscribeCalls;
  }

  /** Waits until {@code n} chunks have arrived (or the stream ended), and returns them. */
  public synchronized List<LlmChunk> awaitChunks(int n) throws InterruptedException {
    long end = System.nanoTime() + WAIT.toNanos();
    while (chunks.size() < n && !done.isDone()) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("only " + chunks.size() + " of " + n + " chunks arrived");
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return List.copyOf(chunks);
  }

  /** Completes when the stream completes; fails with the stream's error. */
  public CompletableFuture<Void> done() {
    return done;
  }

  /** Waits for the end and returns the error the stream failed with. */
  public Throwable awaitError() throws Exception {
    try {
      done.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("the stream completed: " + chunks());
  }

  /** Waits for the stream to complete normally and returns its chunks. */
  public List<LlmChunk> awaitCompletion() throws Exception {
    done.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    return chunks();
  }

  /** Whether the stream has ended, normally or not. */
  public boolean isDone() {
    return done.isDone();
  }
}
