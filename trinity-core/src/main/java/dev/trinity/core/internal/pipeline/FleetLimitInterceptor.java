package dev.trinity.core.internal.pipeline;

import dev.trinity.api.ConcurrencyLimitExceededException;
import dev.trinity.api.LlmResponse;
import dev.trinity.cache.RedisPermits;
import dev.trinity.core.Scheduler;
import dev.trinity.core.resilience.ConcurrencyLimitConfig;
import dev.trinity.core.resilience.ConcurrencyLimiter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The fleet-wide concurrency limit ({@code fleet.max_concurrency}) of one model endpoint, inside
 * the local limit and in front of the breaker: a call that got a local permit waits, for no longer
 * than its time left, for one of the endpoint's permits in the Redis semaphore shared by every JVM
 * of the fleet ({@link RedisPermits}, resource {@code provider@endpoint}). The permit is renewed
 * every third of its time to live while the call runs and released exactly once when the call ends
 * (answer, failure or cancellation); a JVM that dies leaves permits that expire after their time to
 * live.
 *
 * <p>When no permit comes within the call's time left, the call fails with {@link
 * ConcurrencyLimitExceededException} ({@link ConcurrencyLimitExceededException.Reason#WAIT_EXCEEDED
 * WAIT_EXCEEDED}), as when the local limit refuses it. When Redis fails, the call goes on without a
 * fleet permit and the fleet is {@linkplain FleetHealth degraded}: no request fails because of this
 * stage. The call proceeds on the thread that completed the acquisition (the Redis client's): the
 * stages after this one only start the exchange, which runs asynchronously.
 */
public final class FleetLimitInterceptor implements Interceptor {
  private final FleetPermits permits;
  private final String resource;
  private final IntSupplier maxPermits;
  private final FleetHealth health;
  private final Duration ttl;
  private final Duration renewEvery;

  /**
   * Creates the stage.
   *
   * @param permits the instance's permits in the shared Redis
   * @param resource the endpoint the permits guard, {@code provider@endpoint}
   * @param maxPermits {@code fleet.max_concurrency}, or this JVM's share of it when the local limit
   *     is adaptive ({@link #adaptiveShare}); asked once per call
   * @param ttl how long a permit lives without renewal (the fleet's lease time)
   * @param health whether Redis answers; shared by the fleet stages of one instance
   */
  public FleetLimitInterceptor(
      FleetPermits permits,
      String resource,
      IntSupplier maxPermits,
      Duration ttl,
      FleetHealth health) {
    this.permits = permits;
    this.resource = resource;
    this.maxPermits = maxPermits;
    this.ttl = ttl;
    this.renewEvery = ttl.dividedBy(3);
    this.health = health;
  }

  /**
   * How many fleet permits a JVM asks for: {@code fleetLimit}, or its {@link #adaptiveShare} while
   * an adaptive local limit has backed off below its initial limit.
   *
   * @param fleetLimit {@code fleet.max_concurrency}
   * @param local the endpoint's local limit, in front of this stage
   * @return the permits to ask for, read once per call
   */
  public static IntSupplier shareOf(int fleetLimit, ConcurrencyLimiter local) {
    ConcurrencyLimitConfig config = local.config();
    if (config.mode() != ConcurrencyLimitConfig.Mode.ADAPTIVE) {
      return () -> fleetLimit;
    }
    return () -> adaptiveShare(fleetLimit, local.currentLimit(), config.initialLimit());
  }

  /**
   * The fleet limit a JVM whose local limit is adaptive asks for: the full {@code fleetLimit} while
   * its adaptive limit is at or above where it started, and the same share of it as the adaptive
   * limit has of its start value once it backed off after overload signals (at least 1). Since
   * every JVM of an overloaded fleet sees the overload, the fleet as a whole backs off with them.
   *
   * @param fleetLimit {@code fleet.max_concurrency}
   * @param currentLimit the adaptive local limit now
   * @param initialLimit the adaptive local limit's start value
   * @return between 1 and {@code fleetLimit}
   */
  public static int adaptiveShare(int fleetLimit, int currentLimit, int initialLimit) {
    if (currentLimit >= initialLimit) {
      return fleetLimit;
    }
    long share = ((long) fleetLimit * currentLimit + initialLimit - 1) / initialLimit;
    return (int) Math.max(1, Math.min(fleetLimit, share));
  }

  @Override
  public CompletableFuture<LlmResponse> intercept(Chain chain) {
    if (!health.admits()) {
      return chain.proceed(chain.request());
    }
    Duration left = chain.context().timeLeft();
    Duration maxWait = left.isNegative() ? Duration.ZERO : left;
    return new Call(chain, maxPermits.getAsInt(), maxWait).start();
  }

  /** One call's permit: waited for, renewed while the call runs, released once. */
  private final class Call {
    private final Chain chain;
    private final CallContext ctx;
    private final int limit;
    private final Duration maxWait;
    private final CompletableFuture<LlmResponse> result = new CompletableFuture<>();
    private final AtomicBoolean released = new AtomicBoolean();
    private volatile RedisPermits.@Nullable Permit permit;
    private volatile Scheduler.@Nullable Cancellable renewal;

    Call(Chain chain, int limit, Duration maxWait) {
      this.chain = chain;
      this.limit = limit;
      this.ctx = chain.context();
      this.maxWait = maxWait;
    }

    CompletableFuture<LlmResponse> start() {
      CompletionStage<Optional<RedisPermits.Permit>> acquiring;
      try {
        acquiring = permits.acquire(resource, limit, ttl, maxWait);
      } catch (RuntimeException e) {
        health.failed(e);
        return chain.proceed(chain.request());
      }
      // a caller who gives up while waiting is answered at once; a permit that comes later is
      // handed back, and one held by a running call is released when the call is cut short
      ctx.onCancel(
          () -> {
            result.completeExceptionally(new CancellationException("the caller gave up"));
            release();
          });
      acquiring.whenComplete(this::acquired);
      return result;
    }

    private void acquired(@Nullable Optional<RedisPermits.Permit> got, @Nullable Throwable error) {
      if (error != null) {
        health.failed(error);
        if (!result.isDone()) {
          forward(proceed());
        }
        return;
      }
      health.succeeded();
      if (got == null || got.isEmpty()) {
        result.completeExceptionally(
            new ConcurrencyLimitExceededException(
                "fleet:" + resource,
                ConcurrencyLimitExceededException.Reason.WAIT_EXCEEDED,
                limit,
                0,
                maxWait));
        return;
      }
      permit = got.get();
      if (result.isDone() || ctx.isCancelled()) {
        release();
        return;
      }
      renewLater();
      // the permit goes back before the caller hears the answer: a close() right after it finds
      // the release on its way and waits for it
      proceed()
          .whenComplete(
              (r, e) -> {
                release();
                settle(r, e);
              });
    }

    private CompletableFuture<LlmResponse> proceed() {
      try {
        return chain.proceed(chain.request());
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    }

    private void renewLater() {
      synchronized (this) {
        if (!released.get()) {
          renewal = ctx.scheduler().schedule(this::renew, renewEvery);
        }
      }
    }

    private void renew() {
      RedisPermits.Permit p = permit;
      if (p == null || released.get()) {
        return;
      }
      permits
          .renew(p, ttl)
          .whenComplete(
              (held, error) -> {
                if (error != null) {
                  health.failed(error);
                }
              });
      renewLater();
    }

    /** Stops renewing and hands the permit back; does something the first time only. */
    private void release() {
      RedisPermits.Permit p = permit;
      if (p == null || !released.compareAndSet(false, true)) {
        return;
      }
      Scheduler.Cancellable r;
      synchronized (this) {
        r = renewal;
      }
      if (r != null) {
        r.cancel();
      }
      permits
          .release(p)
          .whenComplete(
              (freed, error) -> {
                if (error != null) {
                  health.failed(error); // the permit expires after its time to live
                }
              });
    }

    private void forward(CompletableFuture<LlmResponse> call) {
      call.whenComplete(this::settle);
    }

    private void settle(@Nullable LlmResponse r, @Nullable Throwable e) {
      if (e != null) {
        result.completeExceptionally(e);
      } else {
        result.complete(r);
      }
    }
  }
}
