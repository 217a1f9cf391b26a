package dev.trinity.core.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.ConcurrencyLimitExceededException;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.ResponseValidator;
import dev.trinity.cache.RedisPermits;
import dev.trinity.cache.RedisPermitsException;
import dev.trinity.core.testing.VirtualScheduler;
import dev.trinity.logging.MdcSnapshot;
import dev.trinity.test.VirtualTime;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** The fleet limit stage against a scripted semaphore, on virtual time. */
class FleetLimitInterceptorTest {
  private static final Duration TTL = Duration.ofSeconds(9);
  private static final String ENDPOINT = "json@http://model:1234";

  private final VirtualTime time = new VirtualTime();
  private final FleetHealth health = new FleetHealth(time.clock());
  private final ScriptedPermits redis = new ScriptedPermits();
  private volatile int share = 4;
  private final FleetLimitInterceptor stage =
      new FleetLimitInterceptor(
          new FleetPermits(redis, Duration.ofSeconds(1)), ENDPOINT, () -> share, TTL, health);
  private final List<CompletableFuture<LlmResponse>> calls = new ArrayList<>();
  private final CallContext ctx =
      new CallContext(
          "c1",
          MdcSnapshot.empty(),
          "json",
          "m",
          time.clock(),
          VirtualScheduler.of(time),
          Duration.ofSeconds(30),
          () -> "key",
          ResponseValidator.ACCEPT_ALL,
          null,
          null,
          Listeners.NONE,
          LlmRequest.of("hello"));

  private CompletableFuture<LlmResponse> send() {
    Interceptor provider =
        chain -> {
          CompletableFuture<LlmResponse> call = new CompletableFuture<>();
          calls.add(call);
          return call;
        };
    return stage.intercept(new Chain(List.of(stage, provider), 1, LlmRequest.of("hello"), ctx));
  }

  private static LlmResponse answer() {
    return LlmResponse.builder().text("hi").model("m").provider("json").build();
  }

  @Test
  void waitsForAPermitOnTheEndpointForTheCallsTimeLeftThenCalls() throws Exception {
    time.advance(Duration.ofSeconds(10));
    CompletableFuture<LlmResponse> result = send();

    assertThat(redis.acquires).containsExactly(ENDPOINT + " max=4 ttl=PT9S wait=PT20S");
    assertThat(calls).isEmpty();
    redis.grant();
    assertThat(calls).hasSize(1);
    calls.get(0).complete(answer());

    assertThat(result.get().text()).isEqualTo("hi");
    assertThat(redis.released).containsExactly(redis.granted.get(0));
  }

  @Test
  void noPermitWithinTheTimeLeftFailsLikeTheLocalLimitWithoutCalling() {
    CompletableFuture<LlmResponse> result = send();
    redis.pending.remove(0).complete(Optional.empty());

    assertThat(result).isCompletedExceptionally();
    assertThat(failure(result))
        .isInstanceOfSatisfying(
            ConcurrencyLimitExceededException.class,
            e -> {
              assertThat(e.reason())
                  .isEqualTo(ConcurrencyLimitExceededException.Reason.WAIT_EXCEEDED);
              assertThat(e.limiterName()).isEqualTo("fleet:" + ENDPOINT);
              assertThat(e.maxConcurrent()).isEqualTo(4);
            });
    assertThat(calls).isEmpty();
    assertThat(redis.released).isEmpty();
  }

  @Test
  void aRedisFailureGoesOnWithoutAPermitAndDegradesTheFleet() throws Exception {
    CompletableFuture<LlmResponse> result = send();
    redis
        .pending
        .remove(0)
        .completeExceptionally(
            new RedisPermitsException("redis down", new ConnectException("refused")));

    assertThat(calls).hasSize(1);
    calls.get(0).complete(answer());
    assertThat(result.get().text()).isEqualTo("hi");
    assertThat(health.isDegraded()).isTrue();
    assertThat(redis.released).isEmpty();

    // while degraded the next call skips Redis altogether
    CompletableFuture<LlmResponse> next = send();
    assertThat(redis.acquires).hasSize(1);
    calls.get(1).complete(answer());
    assertThat(next.get().text()).isEqualTo("hi");
  }

  @Test
  void renewsEveryThirdOfTheTtlWhileTheCallRunsAndReleasesOnceWhenItEnds() {
    CompletableFuture<LlmResponse> result = send();
    redis.grant();

    time.advance(Duration.ofSeconds(3));
    assertThat(redis.renewals).isEqualTo(1);
    time.advance(Duration.ofSeconds(6));
    assertThat(redis.renewals).isEqualTo(3);
    calls.get(0).completeExceptionally(new IllegalStateException("provider failed"));
    time.advance(Duration.ofSeconds(30));

    assertThat(result).isCompletedExceptionally();
    assertThat(redis.renewals).isEqualTo(3);
    assertThat(redis.released).hasSize(1);
    assertThat(time.pendingCount()).isZero();
  }

  @Test
  void aCallerWhoGivesUpWhileWaitingHandsBackThePermitThatComesLater() {
    CompletableFuture<LlmResponse> result = send();
    ctx.cancel();
    assertThat(result).isCompletedExceptionally();

    redis.grant();

    assertThat(calls).isEmpty();
    assertThat(redis.released).containsExactly(redis.granted.get(0));
  }

  @Test
  void cancellingARunningCallReleasesItsPermitOnceAndStopsRenewing() {
    send();
    redis.grant();
    ctx.cancel();
    calls.get(0).completeExceptionally(new java.util.concurrent.CancellationException());
    time.advance(Duration.ofSeconds(30));

    assertThat(redis.released).hasSize(1);
    assertThat(redis.renewals).isZero();
  }

  @Test
  void asksForTheLimitItIsGivenAtEachCall() {
    send();
    share = 2;
    send();

    assertThat(redis.acquires)
        .containsExactly(
            ENDPOINT + " max=4 ttl=PT9S wait=PT30S", ENDPOINT + " max=2 ttl=PT9S wait=PT30S");
  }

  @Test
  void anAdaptiveLocalLimitThatBackedOffTakesTheSameShareOfTheFleetLimit() {
    assertThat(FleetLimitInterceptor.adaptiveShare(4, 8, 8)).isEqualTo(4);
    assertThat(FleetLimitInterceptor.adaptiveShare(4, 20, 8)).isEqualTo(4); // never above N
    assertThat(FleetLimitInterceptor.adaptiveShare(4, 7, 8)).isEqualTo(4); // 3.5, rounded up
    assertThat(FleetLimitInterceptor.adaptiveShare(4, 4, 8)).isEqualTo(2);
    assertThat(FleetLimitInterceptor.adaptiveShare(4, 1, 8)).isEqualTo(1);
    assertThat(FleetLimitInterceptor.adaptiveShare(10, 1, 32)).isEqualTo(1); // at least 1
  }

  private static Throwable failure(CompletableFuture<?> f) {
    try {
      f.get();
      throw new AssertionError("expected a failure");
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /** A semaphore whose answers the test gives. */
  private static final class ScriptedPermits implements RedisPermits {
    final List<String> acquires = new ArrayList<>();
    final List<CompletableFuture<Optional<Permit>>> pending = new ArrayList<>();
    final List<Permit> granted = new ArrayList<>();
    final List<Permit> released = new ArrayList<>();
    int renewals;

    void grant() {
      Permit p = new Permit(ENDPOINT, "permit-" + granted.size());
      granted.add(p);
      pending.remove(0).complete(Optional.of(p));
    }

    @Override
    public CompletionStage<Optional<Permit>> tryAcquire(
        String resource, int maxPermits, Duration ttl) {
      throw new UnsupportedOperationException("the stage waits");
    }

    @Override
    public CompletionStage<Optional<Permit>> acquire(
        String resource, int maxPermits, Duration ttl, Duration maxWait) {
      acquires.add(resource + " max=" + maxPermits + " ttl=" + ttl + " wait=" + maxWait);
      CompletableFuture<Optional<Permit>> f = new CompletableFuture<>();
      pending.add(f);
      return f;
    }

    @Override
    public CompletionStage<Boolean> renew(Permit permit, Duration ttl) {
      renewals++;
      return CompletableFuture.completedFuture(true);
    }

    @Override
    public CompletionStage<Boolean> release(Permit permit) {
      released.add(permit);
      return CompletableFuture.completedFuture(true);
    }

    @Override
    public CompletionStage<Integer> inUse(String resource) {
      return CompletableFuture.completedFuture(granted.size() - released.size());
    }

    @Override
    public void close() {}
  }
}
