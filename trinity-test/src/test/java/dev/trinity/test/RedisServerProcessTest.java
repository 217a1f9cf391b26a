package dev.trinity.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RedisServerProcessTest {
  @Test
  void eachServerGetsAFreePortOfItsOwn() {
    assertThat(RedisServerProcess.create().port())
        .isPositive()
        .isNotEqualTo(RedisServerProcess.create().port());
  }

  @Test
  void anEmptyOrMissingPasswordIsRefused() {
    assertThatThrownBy(() -> RedisServerProcess.withPassword(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("password");
    assertThatThrownBy(() -> RedisServerProcess.withPassword(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("password");
  }

  @Test
  void closingAServerThatNeverStartedDoesNothing() throws Exception {
    RedisServerProcess redis = RedisServerProcess.create();
    redis.kill();
    redis.close();
  }
}
