package dev.trinity.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trinity.test.LogCapture;
import dev.trinity.test.VirtualTime;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CacheManagerTest {
  private static final Duration HOUR = Duration.ofHours(1);

  @RegisterExtension final LogCapture logs = LogCapture.of("dev.trinity.cache");
  @TempDir Path dir;
  private final VirtualTime time = new VirtualTime();
  private final Clock clock = time.clock();

  private CacheTier memory() {
    return CacheTiers.memory(CacheConfig.ofDefaults(), clock);
  }

  private CacheTier filesystem() {
    return CacheTiers.filesystem(
        CacheConfig.builder().filesystem(f -> f.directory(dir)).build(), clock, Runnable::run);
  }

  private CacheManager manager(CacheTier... tiers) {
    CacheManager.Builder b = CacheManager.builder().clock(clock);
    for (CacheTier t : tiers) {
      b.tier(t);
    }
    return b.build();
  }

  @Test
  void aHitInASlowerTierIsPromotedWithItsRemainingTtl() {
    CacheTier memory = memory();
    CacheTier filesystem = filesystem();
    CacheManager cache = manager(memory, filesystem);
    filesystem.sync().put("k", "v", Duration.ofSeconds(100));

    time.advance(Duration.ofSeconds(40));
    CacheResult first = cache.get("k").join();

    assertThat(first.tier()).contains("filesystem");
    assertThat(first.value()).contains("v");
    Optional<CacheEntry> promoted = memory.sync().get("k");
    assertThat(promoted).isPresent();
    assertThat(promoted.orElseThrow().remainingTtl(clock.instant()))
        .isEqualTo(Duration.ofSeconds(60));
    assertThat(cache.get("k").join().tier()).contains("memory");

    time.advance(Duration.ofSeconds(60));
    assertThat(cache.get("k").join().isHit()).isFalse();
  }

  @Test
  void aPutReachesEveryTier() {
    CacheTier memory = memory();
    CacheTier filesystem = filesystem();
    CacheManager cache = manager(memory, filesystem);

    cache.put("k", "v", Duration.ofMinutes(5)).join();

    assertThat(memory.sync().get("k").map(CacheEntry::value)).contains("v");
    assertThat(filesystem.sync().get("k").map(CacheEntry::value)).contains("v");
    assertThat(memory.sync().get("k")).isEqualTo(filesystem.sync().get("k"));
  }

  @Test
  void putWithoutTtlUsesTheConfiguredTtl() {
    CacheTier memory = memory();
    CacheManager cache =
        CacheManager.builder()
            .config(CacheConfig.builder().ttl(Duration.ofMinutes(7)).build())
            .clock(clock)
            .tier(memory)
            .build();

    cache.put("k", "v").join();

    assertThat(memory.sync().get("k").orElseThrow().remainingTtl(clock.instant()))
        .isEqualTo(Duration.ofMinutes(7));
  }

  @Test
  void deleteAndClearAllReachEveryTier() {
    CacheTier memory = memory();
    CacheTier filesystem = filesystem();
    CacheManager cache = manager(memory, filesystem);
    cache.put("a", "1", HOUR).join();
    cache.put("b", "2", HOUR).join();

    cache.delete("a").join();
    assertThat(memory.sync().get("a")).isEmpty();
    assertThat(filesystem.sync().get("a")).isEmpty();

    cache.clearAll().join();
    assertThat(cache.get("b").join().isHit()).isFalse();
    assertThat(filesystem.sync().get("b")).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(
      value = FlakyTier.Mode.class,
      names = {"THROWING", "FAILING_FUTURES"})
  void aFailingTierIsSkippedAndTheRequestStillSucceeds(FlakyTier.Mode failure) {
    FlakyTier flaky = new FlakyTier("flaky", clock);
    CacheTier filesystem = filesystem();
    CacheManager cache = manager(flaky, filesystem);
    flaky.mode(failure);

    CompletableFuture<Void> put = cache.put("k", "v", HOUR);
    CompletableFuture<CacheResult> get = cache.get("k");

    assertThat(put).isCompletedWithValue(null);
    assertThat(get.join().tier()).contains("filesystem");
    assertThat(cache.delete("k")).isCompletedWithValue(null);
    assertThat(cache.clearAll()).isCompletedWithValue(null);
    // put, get, the get's promotion into the flaky tier, delete, clear
    assertThat(cache.stats().tier("flaky").orElseThrow().errors()).isEqualTo(5);
    assertThat(cache.health().get("flaky").status()).isEqualTo(TierHealth.Status.DOWN);
  }

  @Test
  void aFailingTierIsLoggedOncePerChangeOfState() {
    FlakyTier flaky = new FlakyTier("flaky", clock);
    CacheManager cache = manager(flaky, memory());

    flaky.mode(FlakyTier.Mode.FAILING_FUTURES);
    for (int i = 0; i < 5; i++) {
      cache.get("k" + i).join();
    }
    flaky.mode(FlakyTier.Mode.WORKING);
    cache.get("k").join();
    cache.get("k").join();
    flaky.mode(FlakyTier.Mode.THROWING);
    cache.get("k").join();

    List<Map<String, String>> down = logs.keyValues("cache_tier_unavailable");
    assertThat(down).hasSize(2);
    assertThat(down.get(0))
        .containsEntry("cache_tier", "flaky")
        .containsEntry("error", "IllegalStateException: flaky is broken");
    assertThat(logs.keyValues("cache_tier_available"))
        .containsExactly(Map.of("cache_tier", "flaky"));
    assertThat(cache.stats().tier("flaky").orElseThrow().errors()).isEqualTo(6);
  }

  @Test
  void statsCountHitsAndMissesPerTierAndOverall() {
    CacheTier memory = memory();
    CacheTier filesystem = filesystem();
    CacheManager cache = manager(memory, filesystem);
    cache.put("a", "1", HOUR).join();
    filesystem.sync().put("c", "3", HOUR);

    cache.get("a").join(); // memory hit
    cache.get("b").join(); // a miss everywhere
    cache.get("c").join(); // memory miss, filesystem hit, promoted

    CacheStats stats = cache.stats();
    assertThat(stats.hits()).isEqualTo(2);
    assertThat(stats.misses()).isEqualTo(1);
    assertThat(stats.hitRatio()).isEqualTo(2.0 / 3.0);
    assertThat(stats.puts()).isEqualTo(1);
    assertThat(stats.errors()).isZero();
    assertThat(stats.tiers()).extracting(TierStats::tier).containsExactly("memory", "filesystem");
    TierStats m = stats.tier("memory").orElseThrow();
    assertThat(m.hits()).isEqualTo(1);
    assertThat(m.misses()).isEqualTo(2);
    assertThat(m.puts()).isEqualTo(2); // the put and the promotion
    TierStats f = stats.tier("filesystem").orElseThrow();
    assertThat(f.hits()).isEqualTo(1);
    assertThat(f.misses()).isEqualTo(1);
  }

  @Test
  void anExpiredEntryFromATierIsNotServed() {
    CacheEntry stale =
        CacheEntry.of("old", clock.instant().minusSeconds(20), Duration.ofSeconds(10));
    CacheTier careless =
        new FlakyTier("careless", clock) {
          @Override
          public CompletableFuture<Optional<CacheEntry>> get(String key) {
            return CompletableFuture.completedFuture(Optional.of(stale));
          }
        };

    assertThat(manager(careless).get("k").join().isHit()).isFalse();
  }

  @Test
  void aManagerBuiltFromConfigHasTheConfiguredTiers() {
    CacheConfig config = CacheConfig.builder().filesystem(f -> f.directory(dir)).build();
    try (CacheManager cache =
        CacheManager.builder().config(config).clock(clock).fileExecutor(Runnable::run).build()) {

      cache.put("k", "v").join();

      assertThat(cache.isEnabled()).isTrue();
      assertThat(cache.health().keySet()).containsExactly("memory", "filesystem");
      assertThat(cache.health().values()).allMatch(TierHealth::isUp);
      assertThat(cache.get("k").join().value()).contains("v");
      assertThat(cache.defaultTtl()).isEqualTo(Duration.ofHours(1));
    }
  }

  @Test
  void aDisabledManagerMissesAndStoresNothing() {
    for (CacheManager cache :
        List.of(
            CacheManager.disabled(),
            CacheManager.create(CacheConfig.builder().enabled(false).build()),
            CacheManager.create(CacheConfig.builder().tiers(List.of()).build()))) {
      cache.put("k", "v").join();

      assertThat(cache.isEnabled()).isFalse();
      assertThat(cache.get("k").join()).isEqualTo(CacheResult.miss());
      assertThat(cache.health()).isEmpty();
    }
  }

  @Test
  void closingTheManagerClosesItsTiers() {
    CacheTier memory = memory();
    CacheManager cache = manager(memory);
    cache.put("k", "v", HOUR).join();

    cache.close();

    assertThat(memory.health().status()).isEqualTo(TierHealth.Status.DISABLED);
    assertThat(cache.get("k").join().isHit()).isFalse();
  }

  @Test
  void twoTiersWithTheSameNameAreRejected() {
    assertThatThrownBy(() -> manager(memory(), memory()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("memory");
  }

  @Test
  void aNonPositiveTtlIsAProgrammingError() {
    CacheManager cache = manager(memory());

    assertThatThrownBy(() -> cache.put("k", "v", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
