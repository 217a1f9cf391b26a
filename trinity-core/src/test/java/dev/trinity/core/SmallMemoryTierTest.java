package dev.trinity.core;

import static dev.trinity.core.PipelineHarness.resultOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.CachePolicy;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.cache.CacheConfig;
import dev.trinity.cache.CacheEntry;
import dev.trinity.cache.CacheManager;
import dev.trinity.cache.CacheTier;
import dev.trinity.cache.CacheTiers;
import dev.trinity.cache.TierHealth;
import dev.trinity.cache.TierStats;
import dev.trinity.core.PipelineHarness.Door;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * "The provider is called exactly once per distinct request" with a 10-entry memory tier that
 * evicts an answer before the slower tier behind it (Redis, files) has stored it.
 */
class SmallMemoryTierTest {
  private final Map<String, AtomicInteger> callsPerPrompt = new ConcurrentHashMap<>();
  private final SlowTier slow = new SlowTier();
  private PipelineHarness h;
  private CacheTier memory;

  private void start() throws Exception {
    h =
        new PipelineHarness(
            b -> {
              memory =
                  CacheTiers.memory(
                      CacheConfig.builder().memory(m -> m.maxEntries(10)).build(), h0Clock.clock());
              return b.cacheManager(
                  CacheManager.builder().tier(memory).tier(slow).clock(h0Clock.clock()).build());
            });
    h.server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String body = request.getBody().utf8();
            String prompt = body.replaceAll(".*\\\"prompt\\\":\\\"([^\\\"]*)\\\".*", "$1");
            callsPerPrompt.computeIfAbsent(prompt, p -> new AtomicInteger()).incrementAndGet();
            return PipelineHarness.ok("answer to " + prompt);
          }
        });
  }

  // the cache's clock: the harness's virtual time is made after the builder runs, so the tiers use
  // a virtual time of their own that never moves (no entry expires in this test)
  private final dev.trinity.test.VirtualTime h0Clock = new dev.trinity.test.VirtualTime();

  @AfterEach
  void stop() {
    slow.landAll();
    if (h != null) {
      h.close();
    }
  }

  private LlmResponse ask(String prompt) {
    return resultOf(h.send(Door.ASYNC, LlmRequest.of(prompt)));
  }

  @Test
  void anAnswerEvictedFromMemoryBeforeTheSlowerTierHasItIsNotFetchedAgain() throws Exception {
    start();
    assertThat(ask("first").text()).isEqualTo("answer to first");
    String firstKey = slow.pendingKeys().get(0);
    // forty other requests, each asked twice so that they outrank "first" in the memory tier
    for (int i = 0; i < 40; i++) {
      ask("other " + i);
      ask("other " + i);
    }
    assertThat(memory.get(firstKey).join())
        .as("precondition: the 10-entry memory tier evicted the first answer")
        .isEmpty();
    assertThat(slow.get(firstKey).join())
        .as("precondition: the slower tier has not stored it yet")
        .isEmpty();

    LlmResponse again = ask("first");

    assertThat(again.text()).isEqualTo("answer to first");
    assertThat(callsPerPrompt.get("first")).hasValue(1);
    assertThat(again.cached())
        .as("no tier has it: the finished flight's answer, shared, not a cache hit")
        .isFalse();

    slow.landAll();
    LlmResponse fromSlowTier = ask("first");
    assertThat(fromSlowTier.cached()).isTrue();
    assertThat(fromSlowTier.cacheTier()).contains(SlowTier.NAME);
    assertThat(callsPerPrompt.get("first")).hasValue(1);
    assertThat(callsPerPrompt.values()).allSatisfy(n -> assertThat(n).hasValue(1));
  }

  @Test
  void aRefreshDoesNotTakeTheAnswerOfAFinishedFlightStillBeingStored() throws Exception {
    start();
    ask("first");
    // the flight is kept while the slow tier stores its answer, but the memory tier has it: a hit
    LlmResponse second = ask("first");
    assertThat(callsPerPrompt.get("first")).hasValue(1);
    assertThat(second.cached()).isTrue();
    assertThat(second.cacheTier()).contains("memory");

    LlmResponse refreshed =
        resultOf(
            h.send(
                Door.ASYNC,
                LlmRequest.builder().prompt("first").cachePolicy(CachePolicy.REFRESH).build()));

    assertThat(refreshed.cached()).isFalse();
    assertThat(callsPerPrompt.get("first")).hasValue(2);
  }

  @Test
  void whenNoTierCouldKeepTheAnswerTheNextIdenticalRequestCallsAgain() throws Exception {
    start();
    ask("first");
    String firstKey = slow.pendingKeys().get(0);
    for (int i = 0; i < 40; i++) {
      ask("other " + i);
      ask("other " + i);
    }
    assertThat(memory.get(firstKey).join()).isEmpty();

    slow.dropAll(); // Redis died before it stored anything: the answer is nowhere now
    ask("first");

    assertThat(callsPerPrompt.get("first")).as("the documented limit").hasValue(2);
  }

  /** A tier whose writes land (become readable) only when the test says so, or fail. */
  private static final class SlowTier implements CacheTier {
    static final String NAME = "slow";
    private final Map<String, CacheEntry> stored = new ConcurrentHashMap<>();
    private final List<Pending> pending = new ArrayList<>();

    private record Pending(String key, CacheEntry entry, CompletableFuture<Void> done) {}

    synchronized List<String> pendingKeys() {
      return pending.stream().map(Pending::key).toList();
    }

    void landAll() {
      for (Pending p : take()) {
        stored.put(p.key, p.entry);
        p.done.complete(null);
      }
    }

    void dropAll() {
      for (Pending p : take()) {
        p.done.completeExceptionally(new IllegalStateException("redis went away"));
      }
    }

    private synchronized List<Pending> take() {
      List<Pending> all = new ArrayList<>(pending);
      pending.clear();
      return all;
    }

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public CompletableFuture<Optional<CacheEntry>> get(String key) {
      return CompletableFuture.completedFuture(Optional.ofNullable(stored.get(key)));
    }

    @Override
    public CompletableFuture<Void> put(String key, String value, Duration ttl) {
      throw new UnsupportedOperationException("the manager stores entries");
    }

    @Override
    public synchronized CompletableFuture<Void> put(String key, CacheEntry entry) {
      Pending p = new Pending(key, entry, new CompletableFuture<>());
      pending.add(p);
      return p.done;
    }

    @Override
    public CompletableFuture<Void> delete(String key) {
      stored.remove(key);
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> clear() {
      stored.clear();
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public TierStats stats() {
      return TierStats.empty(NAME);
    }

    @Override
    public TierHealth health() {
      return TierHealth.up();
    }

    @Override
    public void close() {}
  }
}
