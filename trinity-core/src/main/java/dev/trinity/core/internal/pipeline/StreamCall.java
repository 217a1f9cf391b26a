package dev.trinity.core.internal.pipeline;

import dev.trinity.api.ConnectionException;
import dev.trinity.api.LlmChunk;
import dev.trinity.api.LlmProvider;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.Usage;
import dev.trinity.logging.MdcSnapshot;
import java.io.EOFException;
import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The subscriber's side of one streamed call: its subscription, and the relay from the provider's
 * stream to it.
 *
 * <p>The call runs through the same stages as any other; the provider stage makes each attempt with
 * {@link #attempt}, whose future completes with the whole answer when the provider's last chunk has
 * come, so that every stage (limit, breaker, retry, cache, deadline) sees the stream as one call
 * lasting until its end. Text chunks go to the subscriber as they arrive; the last chunk only once
 * the pipeline has finished with the answer ({@link #finish}): validated, cached, logged. An answer
 * that reached the call without streaming (a cache hit) is replayed as one text chunk.
 *
 * <p>Demand: each attempt's stream is asked for what the subscriber asked for and has not had, plus
 * one for the provider's last chunk, so at most one chunk waits here. Signals are serialized and
 * run in the call's MDC scope. Thread-safe.
 */
final class StreamCall implements Flow.Subscription {
  private final Flow.Subscriber<? super LlmChunk> subscriber;
  private final AtomicInteger wip = new AtomicInteger();
  private final ArrayDeque<LlmChunk> queue = new ArrayDeque<>();
  private @Nullable CallContext ctx;
  private @Nullable Runnable cancelCall;
  private Flow.@Nullable Subscription current;
  private long demand;
  private boolean received;
  private boolean delivered;
  private boolean ending;
  private @Nullable Throwable error;
  private boolean done;

  StreamCall(Flow.Subscriber<? super LlmChunk> subscriber) {
    this.subscriber = subscriber;
  }

  /** Hands the subscriber its subscription, in the call's scope; before any stage runs. */
  void open(CallContext context, Runnable cancel) {
    synchronized (this) {
      this.ctx = context;
      this.cancelCall = cancel;
    }
    try (MdcSnapshot.Scope scope = context.scope()) {
      subscriber.onSubscribe(this);
    }
  }

  /** Whether a text chunk has reached the subscriber: from then on the call is not retried. */
  synchronized boolean started() {
    return delivered;
  }

  /**
   * Makes one attempt: subscribes to the provider's stream and relays its text chunks.
   *
   * @return the whole answer once the provider's last chunk has come; cancelling it cancels the
   *     provider's stream
   */
  CompletableFuture<LlmResponse> attempt(LlmProvider provider, LlmRequest request, String model) {
    Attempt attempt = new Attempt(provider.name(), model);
    try {
      provider.stream(request).subscribe(attempt);
    } catch (RuntimeException e) {
      attempt.answer.completeExceptionally(e);
    }
    return attempt.answer;
  }

  /**
   * Ends the call: on success, the answer (replayed as one chunk if nothing streamed) and the last
   * chunk, as demand allows, then completion; on failure, the error at once.
   */
  void finish(@Nullable LlmResponse answer, @Nullable Throwable failure) {
    synchronized (this) {
      if (done || ending || error != null) {
        return;
      }
      if (failure != null || answer == null) {
        error = failure == null ? new IllegalStateException("no answer") : failure;
        queue.clear();
      } else {
        if (!received && !answer.text().isEmpty()) {
          queue.add(LlmChunk.text(answer.text()));
        }
        queue.add(LlmChunk.last(answer));
        ending = true;
      }
    }
    drain();
  }

  @Override
  public void request(long n) {
    Flow.Subscription upstream = null;
    boolean invalid = false;
    synchronized (this) {
      if (done) {
        return;
      }
      if (n <= 0) {
        invalid = true;
        if (error == null) {
          error = new IllegalArgumentException("request(n) needs a positive n, was " + n);
          queue.clear();
        }
      } else {
        demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
        upstream = current;
      }
    }
    if (upstream != null) {
      upstream.request(n);
    }
    if (invalid) {
      cancelCall();
    }
    drain();
  }

  @Override
  public void cancel() {
    synchronized (this) {
      if (done) {
        return;
      }
      done = true;
      queue.clear();
    }
    cancelCall();
  }

  private void cancelCall() {
    Runnable c;
    synchronized (this) {
      c = cancelCall;
    }
    if (c != null) {
      c.run();
    }
  }

  private void attach(Flow.Subscription upstream) {
    long ask;
    synchronized (this) {
      if (done || ending || error != null) {
        ask = -1;
      } else {
        current = upstream;
        received = false;
        queue.clear(); // a failed attempt's chunks the subscriber never had
        ask = demand == Long.MAX_VALUE ? Long.MAX_VALUE : demand + 1;
      }
    }
    if (ask < 0) {
      upstream.cancel();
    } else {
      upstream.request(ask);
    }
  }

  private void push(LlmChunk chunk) {
    synchronized (this) {
      if (done || ending || error != null) {
        return;
      }
      received = true;
      queue.add(chunk);
    }
    drain();
  }

  /** An attempt failed: what it sent and the subscriber has not had is dropped. */
  private synchronized void detach(Flow.Subscription upstream) {
    if (current == upstream) {
      current = null;
      if (!ending) {
        queue.clear();
      }
    }
  }

  private void drain() {
    if (wip.getAndIncrement() != 0) {
      return;
    }
    int missed = 1;
    while (true) {
      while (step()) {
        // keep signalling
      }
      missed = wip.addAndGet(-missed);
      if (missed == 0) {
        return;
      }
    }
  }

  private boolean step() {
    LlmChunk next = null;
    Throwable failure = null;
    boolean complete = false;
    CallContext context;
    synchronized (this) {
      context = ctx;
      if (done || context == null) {
        return false;
      }
      if (error != null) {
        done = true;
        failure = error;
      } else if (!queue.isEmpty() && demand > 0) {
        next = queue.poll();
        if (demand != Long.MAX_VALUE) {
          demand--;
        }
        if (!next.isLast()) {
          delivered = true;
        }
      } else if (queue.isEmpty() && ending) {
        done = true;
        complete = true;
      } else {
        return false;
      }
    }
    try (MdcSnapshot.Scope scope = context.scope()) {
      if (next != null) {
        subscriber.onNext(next);
      } else if (failure != null) {
        if (!(failure instanceof CancellationException)) {
          subscriber.onError(failure);
        }
      } else if (complete) {
        subscriber.onComplete();
      }
    }
    return true;
  }

  /** One attempt's subscriber to the provider's stream. */
  private final class Attempt implements Flow.Subscriber<LlmChunk> {
    final CompletableFuture<LlmResponse> answer = new CompletableFuture<>();
    private final String provider;
    private final String model;
    private final StringBuilder text = new StringBuilder();
    private @Nullable LlmChunk last;
    private Flow.@Nullable Subscription upstream;

    Attempt(String provider, String model) {
      this.provider = provider;
      this.model = model;
      answer.whenComplete(
          (r, f) -> {
            Flow.Subscription s = upstreamNow();
            if (answer.isCancelled() && s != null) {
              detach(s);
              s.cancel();
            }
          });
    }

    private synchronized Flow.@Nullable Subscription upstreamNow() {
      return upstream;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      synchronized (this) {
        upstream = s;
      }
      if (answer.isDone()) {
        s.cancel();
        return;
      }
      attach(s);
    }

    @Override
    public void onNext(LlmChunk chunk) {
      if (chunk.isLast()) {
        last = chunk;
      } else {
        text.append(chunk.text());
        push(chunk);
      }
    }

    @Override
    public void onError(Throwable t) {
      fail(t);
    }

    /** Drops what the subscriber has not had before the stages hear of the failure. */
    private void fail(Throwable t) {
      Flow.Subscription s = upstreamNow();
      if (s != null) {
        detach(s);
      }
      answer.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      LlmChunk end = last;
      if (end == null) {
        fail(
            new ConnectionException(
                provider,
                provider + " ended the stream without its last message",
                new EOFException("end of stream")));
        return;
      }
      answer.complete(
          LlmResponse.builder()
              .text(text.toString())
              .provider(provider)
              .model(end.model().orElse(model))
              .usage(end.usage().orElse(Usage.NONE))
              .finishReason(end.finishReason().orElse(null))
              .build());
    }
  }
}
