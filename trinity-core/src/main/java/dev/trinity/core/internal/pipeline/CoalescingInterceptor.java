package dev.trinity.core.internal.pipeline;

import dev.trinity.api.CachePolicy;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.internal.Throwables;
import dev.trinity.core.internal.http.CallerWaits;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Single flight: identical requests in flight share one call down the rest of the chain (cache
 * lookup, provider call, cache store). It sits before the cache stage, so that a request arriving
 * while an identical one is in flight joins it, and one arriving after finds its answer stored. The
 * shared call runs under a forked context, so one caller cancelling (or timing out) leaves the
 * others waiting; the call is cancelled only when every caller has gone. Failures are shared with
 * the callers waiting at that moment and never remembered. A successful flight stays open, its
 * answer shared with identical requests, until the cache has finished writing that answer to every
 * tier (stored or dropped), so an answer is always readable from the flight or from some tier. A
 * request arriving after the answer still goes through the cache stage, so a hit is reported as
 * one; only when no tier has the answer yet is the flight's answer served. Requests with {@link
 * CachePolicy#BYPASS} never share.
 */
public final class CoalescingInterceptor implements Interceptor {
  private final ConcurrentMap<String, Flight> flights = new ConcurrentHashMap<>();

  @Override
  public CompletableFuture<LlmResponse> intercept(Chain chain) {
    // streams are never merged: each subscriber gets its own exchange, paced by its own demand
    if (chain.request().cachePolicy() == CachePolicy.BYPASS || chain.context().streams()) {
      return chain.proceed(chain.request());
    }
    CallContext ctx = chain.context();
    String key = ctx.requestKey();
    while (true) {
      Flight flight = flights.get(key);
      if (flight == null) {
        Flight mine = new Flight(ctx.fork());
        if (flights.putIfAbsent(key, mine) != null) {
          continue;
        }
        CompletableFuture<LlmResponse> waiter = mine.join(ctx, true);
        start(chain, key, mine);
        return waiter;
      }
      boolean refresh = chain.request().cachePolicy() == CachePolicy.REFRESH;
      if (!refresh && flight.result.isDone() && !flight.result.isCompletedExceptionally()) {
        // answered already, its slower cache writes still running: look the answer up in the
        // cache like any later request (a hit says so), and take the flight's answer only when
        // no tier has it yet, so the provider is still called once
        ctx.settledAnswer(flight.result.join());
        return chain.proceed(chain.request());
      }
      CompletableFuture<LlmResponse> waiter =
          refresh && flight.result.isDone() ? null : flight.join(ctx, false);
      if (waiter != null) {
        return waiter;
      }
      // it failed, was abandoned, or has an answer a REFRESH must not take: start a new one
      flights.remove(key, flight);
    }
  }

  /** Number of distinct calls in flight (for tests and metrics). */
  public int inFlight() {
    return flights.size();
  }

  private void start(Chain chain, String key, Flight flight) {
    CompletableFuture<LlmResponse> call;
    try {
      call = chain.proceed(chain.request(), flight.context);
    } catch (RuntimeException e) {
      call = CompletableFuture.failedFuture(e);
    }
    call.whenComplete(
        (response, failure) -> {
          if (failure != null && leaderInterrupted(failure, flight)) {
            // the exchange ran on the blocking leader's thread, and that thread was interrupted:
            // the others still wait, so the flight goes on without it (asynchronously, since the
            // interrupted thread no longer runs exchanges)
            flight.restarted = true;
            start(chain, key, flight);
            return;
          }
          // complete first, remove after: a request arriving in between joins the finished flight
          // instead of missing both it and the cache entry the flight is writing
          if (failure == null) {
            flight.result.complete(response);
            // keep the answer reachable until every cache tier has stored or dropped it: the
            // memory tier may evict it before a slower tier has it, and a request arriving then
            // would find it nowhere and call the provider again
            flight.context.stored().whenComplete((v, e) -> flights.remove(key, flight));
          } else {
            flight.result.completeExceptionally(failure);
            flights.remove(key, flight);
          }
        });
  }

  private static boolean leaderInterrupted(Throwable failure, Flight flight) {
    return Throwables.unwrap(failure) instanceof CallerWaits.CallerInterruptedException
        && !flight.restarted
        && !flight.context.isCancelled()
        && flight.waiters.get() > 1;
  }

  /** One shared call and the callers waiting for it. */
  private static final class Flight {
    final CompletableFuture<LlmResponse> result = new CompletableFuture<>();
    final AtomicInteger waiters = new AtomicInteger();
    final CallContext context;
    volatile boolean restarted;

    Flight(CallContext context) {
      this.context = context;
    }

    /** Adds a waiter; null when the flight already lost all its waiters and was cancelled. */
    @Nullable CompletableFuture<LlmResponse> join(CallContext caller, boolean leader) {
      if (result.isCompletedExceptionally()) {
        return null; // a failure is never shared with callers that arrive after it
      }
      int n;
      do {
        n = waiters.get();
        if (n < 0) {
          return null;
        }
      } while (!waiters.compareAndSet(n, n + 1));
      CompletableFuture<LlmResponse> waiter = new CompletableFuture<>();
      result.whenComplete(
          (r, e) -> {
            if (e != null) {
              waiter.completeExceptionally(e);
              return;
            }
            if (!leader) {
              try {
                caller.validator().validate(r); // the flight checked r with the leader's validator
              } catch (RuntimeException rejected) {
                waiter.completeExceptionally(rejected);
                return;
              }
              caller.joined();
            }
            waiter.complete(r);
          });
      caller.onCancel(() -> leave(waiter));
      return waiter;
    }

    private void leave(CompletableFuture<LlmResponse> waiter) {
      if (!waiter.cancel(false) || result.isDone()) {
        return;
      }
      if (waiters.decrementAndGet() == 0 && waiters.compareAndSet(0, -1)) {
        context.cancel();
      }
    }
  }
}
