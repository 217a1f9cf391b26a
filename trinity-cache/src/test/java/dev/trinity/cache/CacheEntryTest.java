package dev.trinity.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CacheEntryTest {
  private final Instant now = Instant.parse("2026-01-01T00:00:00.123456Z");

  @Test
  void anEntryKeepsItsInstantsToTheMillisecond() {
    CacheEntry e = CacheEntry.of("v", now, Duration.ofSeconds(10));

    assertThat(e.createdAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00.123Z"));
    assertThat(e.expiresAt()).isEqualTo(Instant.parse("2026-01-01T00:00:10.123Z"));
  }

  @Test
  void theRemainingTtlShrinksAndStopsAtZero() {
    CacheEntry e = CacheEntry.of("v", now, Duration.ofSeconds(10));

    assertThat(e.remainingTtl(e.createdAt().plusSeconds(4))).isEqualTo(Duration.ofSeconds(6));
    assertThat(e.isExpiredAt(e.expiresAt().minusMillis(1))).isFalse();
    assertThat(e.isExpiredAt(e.expiresAt())).isTrue();
    assertThat(e.remainingTtl(e.expiresAt().plusSeconds(5))).isEqualTo(Duration.ZERO);
  }

  @Test
  void aNonPositiveTtlIsRejected() {
    assertThatThrownBy(() -> CacheEntry.of("v", now, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ttl");
  }

  @Test
  void anEntryCannotExpireBeforeItWasCreated() {
    assertThatThrownBy(() -> new CacheEntry("v", now, now.minusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toStringShowsTheValuesLengthNotTheValue() {
    assertThat(CacheEntry.of("secret answer", now, Duration.ofSeconds(1)).toString())
        .contains("13 chars")
        .doesNotContain("secret");
  }
}
