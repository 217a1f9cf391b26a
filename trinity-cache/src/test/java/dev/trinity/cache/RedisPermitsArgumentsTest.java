package dev.trinity.cache;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trinity.cache.RedisPermits.Permit;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bad arguments are refused at once, naming the argument; no Redis needed. */
class RedisPermitsArgumentsTest {
  // nothing listens on port 1: the background connect fails, and no call here reaches Redis
  private final RedisPermits permits =
      RedisPermits.create(RedisTierConfig.builder().host("127.0.0.1").port(1).build());

  @AfterEach
  void close() {
    permits.close();
  }

  @Test
  void refusesABlankResource() {
    assertThatThrownBy(() -> permits.tryAcquire(" ", 1, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("resource");
    assertThatThrownBy(() -> permits.inUse(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("resource");
    assertThatThrownBy(() -> new Permit("gpu", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("id");
  }

  @Test
  void refusesMaxPermitsBelowOne() {
    assertThatThrownBy(() -> permits.tryAcquire("gpu", 0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxPermits");
  }

  @Test
  void refusesATtlThatIsNotPositiveTooLongOrUnderAMillisecond() {
    Permit permit = new Permit("gpu", "id-1");
    assertThatThrownBy(() -> permits.tryAcquire("gpu", 1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ttl");
    assertThatThrownBy(() -> permits.renew(permit, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ttl");
    assertThatThrownBy(() -> permits.tryAcquire("gpu", 1, Duration.ofDays(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ttl");
    assertThatThrownBy(() -> permits.tryAcquire("gpu", 1, Duration.ofNanos(10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ttl must be at least 1 ms");
  }

  @Test
  void refusesANegativeWait() {
    assertThatThrownBy(
            () -> permits.acquire("gpu", 1, Duration.ofSeconds(1), Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxWait");
    assertThatThrownBy(
            () -> permits.acquire("gpu", 0, Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxPermits");
  }

  @Test
  void refusesNulls() {
    assertThatThrownBy(() -> permits.release(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> permits.renew(null, Duration.ofSeconds(1)))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> RedisPermits.create(null)).isInstanceOf(NullPointerException.class);
  }
}
