package dev.trinity.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.test.VirtualTime;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MemoryTierTest {
  private final VirtualTime time = new VirtualTime();
  private final Clock clock = time.clock();

  private SyncCacheTier memory(int maxEntries) {
    return CacheTiers.memory(
            CacheConfig.builder().memory(m -> m.maxEntries(maxEntries)).build(), clock)
        .sync();
  }

  @Test
  void aStoredValueIsServedUntilItsTtlEnds() {
    SyncCacheTier tier = memory(10);
    tier.put("k", "v", Duration.ofSeconds(10));

    time.advance(Duration.ofSeconds(9));
    assertThat(tier.get("k")).hasValueSatisfying(e -> assertThat(e.value()).isEqualTo("v"));
    assertThat(tier.get("k").orElseThrow().remainingTtl(clock.instant()))
        .isEqualTo(Duration.ofSeconds(1));

    time.advance(Duration.ofSeconds(1));
    assertThat(tier.get("k")).isEmpty();
  }

  @Test
  void eachEntryExpiresOnItsOwnSchedule() {
    SyncCacheTier tier = memory(10);
    tier.put("short", "a", Duration.ofSeconds(5));
    tier.put("long", "b", Duration.ofSeconds(50));

    time.advance(Duration.ofSeconds(6));

    assertThat(tier.get("short")).isEmpty();
    assertThat(tier.get("long")).isPresent();
  }

  @Test
  void theTierNeverHoldsMoreThanMaxEntries() {
    SyncCacheTier tier = memory(10);

    IntStream.range(0, 50).forEach(i -> tier.put("k" + i, "v" + i, Duration.ofMinutes(1)));

    long present = IntStream.range(0, 50).filter(i -> tier.get("k" + i).isPresent()).count();
    assertThat(present).isLessThanOrEqualTo(10).isPositive();
    assertThat(tier.asyncTier().stats().evictions()).isGreaterThanOrEqualTo(40);
  }

  @Test
  void anEntryPutWithAnAbsoluteExpiryKeepsIt() {
    SyncCacheTier tier = memory(10);
    CacheEntry entry =
        CacheEntry.of("v", clock.instant().minusSeconds(40), Duration.ofSeconds(100));

    tier.put("k", entry);

    assertThat(tier.get("k")).contains(entry);
    assertThat(entry.remainingTtl(clock.instant())).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void anAlreadyExpiredEntryIsNotStored() {
    SyncCacheTier tier = memory(10);

    tier.put("k", CacheEntry.of("v", clock.instant().minusSeconds(10), Duration.ofSeconds(5)));

    assertThat(tier.get("k")).isEmpty();
  }

  @Test
  void deleteAndClearRemoveEntries() {
    SyncCacheTier tier = memory(10);
    tier.put("a", "1", Duration.ofMinutes(1));
    tier.put("b", "2", Duration.ofMinutes(1));

    tier.delete("a");
    assertThat(tier.get("a")).isEmpty();
    assertThat(tier.get("b")).isPresent();

    tier.clear();
    assertThat(tier.get("b")).isEmpty();
  }

  @Test
  void statsCountHitsMissesAndPuts() {
    SyncCacheTier tier = memory(10);
    tier.put("a", "1", Duration.ofMinutes(1));
    tier.get("a");
    tier.get("a");
    tier.get("missing");

    TierStats stats = tier.asyncTier().stats();

    assertThat(stats.tier()).isEqualTo("memory");
    assertThat(stats.hits()).isEqualTo(2);
    assertThat(stats.misses()).isEqualTo(1);
    assertThat(stats.puts()).isEqualTo(1);
    assertThat(stats.hitRatio()).isEqualTo(2.0 / 3.0);
    assertThat(stats.p99Latency()).isGreaterThanOrEqualTo(stats.averageLatency());
  }

  @Test
  void aClosedTierIsDisabledAndMisses() {
    CacheTier tier = CacheTiers.memory(CacheConfig.ofDefaults(), clock);
    tier.sync().put("k", "v", Duration.ofMinutes(1));

    tier.close();

    assertThat(tier.health().status()).isEqualTo(TierHealth.Status.DISABLED);
    assertThat(tier.sync().get("k")).isEmpty();
  }
}
