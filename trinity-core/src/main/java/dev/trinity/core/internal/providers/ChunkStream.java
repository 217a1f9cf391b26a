package dev.trinity.core.internal.providers;

import dev.trinity.api.ConnectionException;
import dev.trinity.api.LlmChunk;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A provider's stream: a body's lines decoded into chunks, with demand passed on. Lines are asked
 * of the body only while the subscriber has unmet demand and no decoded chunk is waiting (as many
 * as chunks are wanted, at most {@link #MAX_LINES_AHEAD}), so the response is read no faster than
 * the subscriber consumes it. Completes after the last chunk (the rest of the body is not read);
 * fails with a {@link ConnectionException} when the body ends before the last chunk, and with the
 * decoder's exception for a line it cannot read. Signals are serialized.
 */
public final class ChunkStream implements Flow.Publisher<LlmChunk> {
  /**
   * The most lines asked of the body at once: as many as chunks were asked for, up to this, so a
   * subscriber asking for one chunk at a time reads one line at a time, and at most this many
   * decoded chunks wait here for a subscriber that asked for fewer.
   */
  static final int MAX_LINES_AHEAD = 32;

  private final Flow.Publisher<String> lines;
  private final Supplier<StreamDecoder> decoders;
  private final String provider;

  /**
   * Creates the stream.
   *
   * @param lines the body's lines (one exchange per subscription)
   * @param decoders a new decoder for each subscription
   * @param provider the provider's name, for errors
   */
  public ChunkStream(
      Flow.Publisher<String> lines, Supplier<StreamDecoder> decoders, String provider) {
    this.lines = lines;
    this.decoders = decoders;
    this.provider = provider;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super LlmChunk> subscriber) {
    Objects.requireNonNull(subscriber, "subscriber");
    lines.subscribe(new Relay(subscriber, decoders.get()));
  }

  private final class Relay implements Flow.Subscriber<String>, Flow.Subscription {
    private final Flow.Subscriber<? super LlmChunk> downstream;
    private final StreamDecoder decoder;
    private final AtomicInteger wip = new AtomicInteger();
    private final ArrayDeque<LlmChunk> queue = new ArrayDeque<>();
    private Flow.@Nullable Subscription upstream;
    private long demand;
    private long linesAsked;
    private boolean lastQueued;
    private boolean bodyEnded;
    private @Nullable Throwable error;
    private boolean done;

    Relay(Flow.Subscriber<? super LlmChunk> downstream, StreamDecoder decoder) {
      this.downstream = downstream;
      this.decoder = decoder;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      synchronized (this) {
        upstream = subscription;
      }
      downstream.onSubscribe(this);
    }

    @Override
    public void onNext(String line) {
      synchronized (this) {
        if (linesAsked > 0) {
          linesAsked--;
        }
        if (done || lastQueued || error != null) {
          return;
        }
      }
      List<LlmChunk> chunks;
      try {
        chunks = decoder.line(line);
      } catch (RuntimeException e) {
        failed(e);
        return;
      }
      queue(chunks);
    }

    @Override
    public void onError(Throwable failure) {
      failed(failure);
    }

    @Override
    public void onComplete() {
      List<LlmChunk> rest;
      try {
        rest = decoder.end();
      } catch (RuntimeException e) {
        failed(e);
        return;
      }
      synchronized (this) {
        bodyEnded = true;
      }
      queue(rest);
    }

    @Override
    public void request(long n) {
      synchronized (this) {
        if (n <= 0) {
          if (error == null) {
            error = new IllegalArgumentException("request(n) needs a positive n, was " + n);
          }
        } else {
          demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
        }
      }
      drain();
    }

    @Override
    public void cancel() {
      Flow.Subscription up;
      synchronized (this) {
        done = true;
        queue.clear();
        up = upstream;
      }
      if (up != null) {
        up.cancel();
      }
    }

    private void queue(List<LlmChunk> chunks) {
      synchronized (this) {
        for (LlmChunk c : chunks) {
          if (lastQueued) {
            break;
          }
          queue.add(c);
          lastQueued = c.isLast();
        }
      }
      drain();
    }

    private void failed(Throwable failure) {
      synchronized (this) {
        if (error == null && !lastQueued) {
          error = failure;
        }
      }
      drain();
    }

    /** Emits what demand allows, one thread at a time; asks the body for a line when needed. */
    private void drain() {
      if (wip.getAndIncrement() != 0) {
        return;
      }
      int missed = 1;
      while (true) {
        while (step()) {
          // keep emitting
        }
        missed = wip.addAndGet(-missed);
        if (missed == 0) {
          return;
        }
      }
    }

    /** One signal or one request for a line; false when there is nothing to do now. */
    private boolean step() {
      LlmChunk next = null;
      Throwable failure = null;
      boolean complete = false;
      Flow.Subscription askLine = null;
      long lines = 0;
      Flow.Subscription stop = null;
      Flow.Subscription rest = null;
      synchronized (this) {
        if (done) {
          return false;
        }
        if (error != null) {
          done = true;
          failure = error;
          queue.clear();
          stop = bodyEnded ? null : upstream;
        } else if (!queue.isEmpty() && demand > 0) {
          next = queue.poll();
          demand--;
        } else if (queue.isEmpty() && lastQueued) {
          done = true;
          complete = true;
          rest = bodyEnded ? null : upstream;
        } else if (queue.isEmpty() && bodyEnded) {
          done = true;
          failure =
              new ConnectionException(
                  provider,
                  provider + " closed the stream before its last message",
                  new java.io.EOFException("end of stream"));
        } else if (queue.isEmpty() && demand > 0 && linesAsked == 0 && upstream != null) {
          // a subscriber that wants everything paces nothing: the body is read as it comes
          lines = demand == Long.MAX_VALUE ? Long.MAX_VALUE : Math.min(demand, MAX_LINES_AHEAD);
          linesAsked = lines;
          askLine = upstream;
        } else {
          return false;
        }
      }
      if (stop != null) {
        stop.cancel();
      }
      if (rest != null) {
        rest.request(Long.MAX_VALUE); // read what follows the last message (usually nothing), so
        // that the connection can be reused
      }
      if (next != null) {
        downstream.onNext(next);
      } else if (failure != null) {
        downstream.onError(failure);
      } else if (complete) {
        downstream.onComplete();
      } else if (askLine != null) {
        askLine.request(lines);
        return false;
      }
      return true;
    }
  }
}
