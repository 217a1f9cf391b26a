package dev.trinity.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChecksTest {
  @Test
  void aValueInsideTheRuleIsReturnedUnchanged() {
    assertThat(Checks.requirePositive(1, "n")).isEqualTo(1);
    assertThat(Checks.requireNonNegative(0L, "n")).isZero();
    assertThat(Checks.requireRange(65535, 1, 65535, "port")).isEqualTo(65535);
    assertThat(Checks.requireRange(2.0, 0, 2, "t")).isEqualTo(2.0);
    assertThat(Checks.requireRangeAboveMin(1.0, 0, 1, "p")).isEqualTo(1.0);
    assertThat(Checks.requireRangeBelowMax(0.0, 0, 1, "j")).isZero();
    assertThat(Checks.requirePositive(Duration.ofMillis(1), "d")).hasMillis(1);
    assertThat(Checks.requireNonNegative(Duration.ZERO, "d")).isZero();
    assertThat(Checks.requireAtMost(Duration.ofMinutes(1), Duration.ofMinutes(1), "d"))
        .hasMinutes(1);
    assertThat(Checks.requireNonBlank(" x ", "s")).isEqualTo(" x ");
  }

  @Test
  void everyMessageNamesTheSettingTheRuleAndTheValue() {
    assertThatThrownBy(() -> Checks.requirePositive(0, "retry.max_attempts"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("retry.max_attempts must be >= 1, was 0");
    assertThatThrownBy(() -> Checks.requireNonNegative(-1, "cache.redis.db"))
        .hasMessage("cache.redis.db must be >= 0, was -1");
    assertThatThrownBy(() -> Checks.requireRange(70000, 1, 65535, "cache.redis.port"))
        .hasMessage("cache.redis.port must be in [1, 65535], was 70000");
    assertThatThrownBy(() -> Checks.requireRange(10.5, 1, 10, "multiplier"))
        .hasMessage("multiplier must be in [1, 10], was 10.5");
    assertThatThrownBy(() -> Checks.requireRangeAboveMin(0.0, 0, 100, "failure_rate_threshold"))
        .hasMessage("failure_rate_threshold must be in (0, 100], was 0.0");
    assertThatThrownBy(() -> Checks.requireRangeBelowMax(1.0, 0.1, 1, "backoff_ratio"))
        .hasMessage("backoff_ratio must be in [0.1, 1), was 1.0");
    assertThatThrownBy(() -> Checks.requireAtLeast(0.99, 1, "latency_tolerance"))
        .hasMessage("latency_tolerance must be >= 1, was 0.99");
    assertThatThrownBy(() -> Checks.requirePositive(Duration.ZERO, "cache.ttl"))
        .hasMessage("cache.ttl must be positive, was PT0S");
    assertThatThrownBy(() -> Checks.requireNonNegative(Duration.ofSeconds(-1), "max_backoff"))
        .hasMessage("max_backoff must not be negative, was PT-1S");
    assertThatThrownBy(
            () -> Checks.requireAtMost(Duration.ofMinutes(2), Duration.ofMinutes(1), "timeout"))
        .hasMessage("timeout must be at most 60s, was PT2M");
    assertThatThrownBy(() -> Checks.requireNonBlank(" ", "llm.model"))
        .hasMessage("llm.model must not be blank");
    assertThatThrownBy(() -> Checks.requireArgument(false, () -> "min_limit (5) must not exceed"))
        .hasMessage("min_limit (5) must not exceed");
  }

  @Test
  void notANumberIsOutOfEveryRange() {
    assertThatThrownBy(() -> Checks.requireRange(Double.NaN, 0, 2, "temperature"))
        .hasMessage("temperature must be in [0, 2], was NaN");
    assertThatThrownBy(() -> Checks.requireAtLeast(Double.NaN, 1, "latency_tolerance"))
        .hasMessageContaining("was NaN");
  }

  @Test
  void aUrlMustBeAbsoluteHttpWithoutCredentials() {
    URI ok = URI.create("https://api.example.com/v1");
    assertThat(Checks.requireHttpUrl(ok, "llm.base_url", "llm.api_key")).isSameAs(ok);
    assertThatThrownBy(
            () -> Checks.requireHttpUrl(URI.create("ftp://x"), "llm.base_url", "llm.api_key"))
        .hasMessage("llm.base_url must be an absolute http:// or https:// URL, was 'ftp://x'");
    assertThatThrownBy(
            () ->
                Checks.requireHttpUrl(
                    URI.create("http://user:pw@host"), "llm.base_url", "llm.api_key"))
        .hasMessage("llm.base_url must not carry credentials; set llm.api_key instead")
        .hasMessageNotContaining("pw");
  }
}
