package dev.trinity.core.internal.pipeline;

import dev.trinity.api.CachePolicy;
import dev.trinity.api.LlmResponse;
import dev.trinity.cache.CacheManager;
import dev.trinity.cache.CacheResult;
import dev.trinity.cache.TierHealth;
import dev.trinity.cache.TierType;
import dev.trinity.cache.internal.FleetLeases;
import dev.trinity.core.FleetConfig;
import dev.trinity.core.Scheduler;
import dev.trinity.core.internal.cache.ResponseCodec;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Fleet-wide single flight, right after the cache stage (so after a miss in every tier) and inside
 * the local single flight (so one request per key and JVM gets here). The first JVM to take the
 * lease on the request key ({@code SET NX PX} with an owner token) calls the provider, renewing the
 * lease every third of {@code fleet.lease_time} while the call runs; its answer is stored through
 * the cache stage, then it releases the lease and publishes the key. Every other JVM waits: it
 * looks for the answer in the cache when the key is published and every {@code
 * fleet.poll_interval}, and takes the lease itself when there is no answer and the lease is free
 * (the owner failed, which is never remembered, or died and its lease lapsed). A waiter stops when
 * its caller gives up (deadline or cancellation).
 *
 * <p>Requests with {@link CachePolicy#BYPASS} or {@link CachePolicy#REFRESH} skip this stage: they
 * must not take a shared answer. When Redis fails, the request goes on locally at once and the
 * fleet is {@linkplain FleetHealth degraded}: no request fails because of this stage.
 */
public final class FleetInterceptor implements Interceptor {
  private static final String REDIS_TIER = TierType.REDIS.yamlName();
  private static final long PID = ProcessHandle.current().pid();

  private final FleetLeases leases;
  private final CacheManager cache;
  private final FleetHealth health;
  private final Duration leaseTime;
  private final Duration pollInterval;
  private final Duration renewEvery;

  /**
   * Creates the stage.
   *
   * @param leases the leases in the shared Redis
   * @param cache the cache whose Redis tier holds the answers
   * @param health whether Redis answers; shared by the stages of one instance
   * @param config the {@code fleet:} settings
   */
  public FleetInterceptor(
      FleetLeases leases, CacheManager cache, FleetHealth health, FleetConfig config) {
    this.leases = leases;
    this.cache = cache;
    this.health = health;
    this.leaseTime = config.leaseTime();
    this.pollInterval = config.pollInterval();
    this.renewEvery = config.leaseTime().dividedBy(3);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Answers are shared through the Redis tier: while it is down (still connecting at start-up,
   * or Redis sick) an owner's answer would reach no other JVM and waiters would take the lease one
   * after another, so the request goes on locally and the fleet counts as degraded.
   */
  @Override
  public CompletableFuture<LlmResponse> intercept(Chain chain) {
    CachePolicy policy = chain.request().cachePolicy();
    if (policy != CachePolicy.USE || !cache.isEnabled()) {
      return chain.proceed(chain.request());
    }
    TierHealth redis = cache.health().get(REDIS_TIER);
    if (redis == null || !redis.isUp()) {
      health.failed(
          redis == null
              ? "the cache has no redis tier"
              : "the redis cache tier is down"
                  + redis.reason().map(r -> " (" + r + ")").orElse(""));
      return chain.proceed(chain.request());
    }
    if (!health.admits()) {
      return chain.proceed(chain.request());
    }
    return new Attempt(chain).start();
  }

  /** One request's way through the fleet: owner, waiter, or local after a Redis failure. */
  private final class Attempt {
    private final Chain chain;
    private final CallContext ctx;
    private final String key;
    // the JVM's process id first: an operator (or a test) can tell which JVM holds a lease
    private final String token = PID + ":" + UUID.randomUUID();
    private final CompletableFuture<LlmResponse> result = new CompletableFuture<>();
    private final AtomicBoolean checking = new AtomicBoolean();
    private final AtomicBoolean decided = new AtomicBoolean();
    private volatile FleetLeases.@Nullable Subscription subscription;
    private volatile Scheduler.@Nullable Cancellable poll;

    Attempt(Chain chain) {
      this.chain = chain;
      this.ctx = chain.context();
      this.key = ctx.requestKey();
    }

    CompletableFuture<LlmResponse> start() {
      ctx.onCancel(() -> stopWaiting(new CancellationException("the caller gave up")));
      leases
          .acquire(key, token, leaseTime)
          .whenComplete(
              (won, error) -> {
                if (error != null) {
                  local(error);
                } else {
                  health.succeeded();
                  if (won) {
                    // the cache stage missed, but an owner may have stored its answer and
                    // released its lease since: look once more before calling
                    ownAfterWaiting();
                  } else {
                    waitForAnswer();
                  }
                }
              });
      return result;
    }

    /** Redis failed: mark the fleet degraded and answer as a single JVM would. */
    private void local(Throwable error) {
      health.failed(error);
      if (decide()) {
        forward(chain.proceed(chain.request()));
      }
    }

    /** This JVM holds the lease: call on, keep the lease alive, hand the answer to the fleet. */
    private void own() {
      if (!decide()) {
        leases.release(key, token);
        return;
      }
      Scheduler.Cancellable renewal = renewLater();
      CompletableFuture<LlmResponse> call;
      try {
        call = chain.proceed(chain.request());
      } catch (RuntimeException e) {
        call = CompletableFuture.failedFuture(e);
      }
      call.whenComplete(
          (response, failure) -> {
            renewal.cancel();
            if (failure != null) {
              result.completeExceptionally(failure);
              releaseAndPublish();
              return;
            }
            // completing runs the cache stage's store, which records its writes in the context:
            // the lease is released, and the key published, once the answer is in Redis
            result.complete(response);
            ctx.stored().whenComplete((v, e) -> releaseAndPublish());
          });
    }

    private Scheduler.Cancellable renewLater() {
      Scheduler.Cancellable[] next = new Scheduler.Cancellable[1];
      AtomicBoolean stopped = new AtomicBoolean();
      Runnable[] renew = new Runnable[1];
      renew[0] =
          () -> {
            if (stopped.get()) {
              return;
            }
            leases
                .renew(key, token, leaseTime)
                .whenComplete(
                    (renewed, error) -> {
                      if (error != null) {
                        health.failed(error);
                      }
                    });
            synchronized (next) {
              if (!stopped.get()) {
                next[0] = ctx.scheduler().schedule(renew[0], renewEvery);
              }
            }
          };
      synchronized (next) {
        next[0] = ctx.scheduler().schedule(renew[0], renewEvery);
      }
      return () -> {
        stopped.set(true);
        synchronized (next) {
          next[0].cancel();
        }
      };
    }

    private void releaseAndPublish() {
      leases
          .release(key, token)
          .thenCompose(released -> leases.publish(key))
          .whenComplete(
              (v, error) -> {
                if (error != null) {
                  health.failed(error);
                }
              });
    }

    /** Another JVM holds the lease: wait for its answer, or for the lease to come free. */
    private void waitForAnswer() {
      subscription = leases.onPublished(key, this::check);
      schedulePoll();
    }

    private void schedulePoll() {
      if (result.isDone() || decided.get()) {
        return;
      }
      Duration left = ctx.timeLeft();
      if (left.isNegative() || left.isZero()) {
        return; // the pipeline's deadline answers the caller; nothing more to look for
      }
      poll = ctx.scheduler().schedule(this::check, pollInterval);
    }

    /** Looks for the answer; takes the lease when there is none and the lease is free. */
    private void check() {
      if (decided.get() || result.isDone() || !checking.compareAndSet(false, true)) {
        return;
      }
      cache
          .get(key)
          .exceptionally(e -> CacheResult.miss())
          .thenCompose(
              found -> {
                Optional<LlmResponse> answer = answer(found);
                if (answer.isPresent()) {
                  stopWaiting(null);
                  if (decide()) {
                    ctx.joined();
                    result.complete(answer.get());
                  }
                  return CompletableFuture.completedFuture(null);
                }
                return leases
                    .acquire(key, token, leaseTime)
                    .handle(
                        (won, error) -> {
                          checking.set(false);
                          if (error != null) {
                            stopWaiting(null);
                            local(error);
                          } else if (won) {
                            stopWaiting(null);
                            ownAfterWaiting();
                          } else {
                            schedulePoll();
                          }
                          return null;
                        });
              });
    }

    /**
     * The lease came free: the owner may have stored its answer just before releasing, so look once
     * more before calling.
     */
    private void ownAfterWaiting() {
      cache
          .get(key)
          .exceptionally(e -> CacheResult.miss())
          .thenAccept(
              found -> {
                Optional<LlmResponse> answer = answer(found);
                if (answer.isPresent() && decide()) {
                  ctx.joined();
                  result.complete(answer.get());
                  leases.release(key, token);
                } else {
                  own();
                }
              });
    }

    private Optional<LlmResponse> answer(CacheResult found) {
      if (!found.isHit()) {
        return Optional.empty();
      }
      return ResponseCodec.decode(found.value().orElse(""), found.tier().orElse("redis"));
    }

    /** Claims the right to answer this request; false when it was claimed already. */
    private boolean decide() {
      return decided.compareAndSet(false, true);
    }

    private void stopWaiting(@Nullable Throwable cancelled) {
      FleetLeases.Subscription s = subscription;
      if (s != null) {
        s.close();
      }
      Scheduler.Cancellable p = poll;
      if (p != null) {
        p.cancel();
      }
      if (cancelled != null && decide()) {
        result.completeExceptionally(cancelled);
      }
    }

    private void forward(CompletableFuture<LlmResponse> call) {
      call.whenComplete(
          (r, e) -> {
            if (e != null) {
              result.completeExceptionally(e);
            } else {
              result.complete(r);
            }
          });
    }
  }
}
