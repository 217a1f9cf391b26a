package dev.trinity.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CacheConfigTest {

  @Test
  void defaultsMatchTheDocumentedYaml() {
    CacheConfig c = CacheConfig.ofDefaults();

    assertThat(c.enabled()).isTrue();
    assertThat(c.tiers()).containsExactly(TierType.MEMORY, TierType.FILESYSTEM);
    assertThat(c.ttl()).isEqualTo(Duration.ofSeconds(3600));
    assertThat(c.memory().maxEntries()).isEqualTo(100);
    assertThat(c.redis().host()).isEqualTo("localhost");
    assertThat(c.redis().port()).isEqualTo(6379);
    assertThat(c.redis().db()).isZero();
    assertThat(c.redis().password()).isNull();
    assertThat(c.redis().keyPrefix()).isEqualTo("trinity:llm:");
    assertThat(c.redis().commandTimeout()).isEqualTo(Duration.ofMillis(250));
    assertThat(c.redis().tls()).isFalse();
    assertThat(c.filesystem().directory()).isEqualTo(Path.of(".cache/llm"));
    assertThat(c.filesystem().maxSizeMb()).isEqualTo(100);
  }

  @Test
  void toBuilderRebuildsAnEqualConfig() {
    CacheConfig c =
        CacheConfig.builder()
            .tiers(TierType.REDIS)
            .ttl(Duration.ofMinutes(5))
            .redis(r -> r.host("cache.internal").password("hunter2").db(3).tls(true))
            .build();

    assertThat(c.toBuilder().build()).isEqualTo(c).hasSameHashCodeAs(c);
    assertThat(c.toBuilder().redis(r -> r.db(4)).build()).isNotEqualTo(c);
  }

  @Test
  void tiersAreConsultedFastestFirstWhateverTheGivenOrder() {
    CacheConfig c =
        CacheConfig.builder()
            .tiers(List.of(TierType.FILESYSTEM, TierType.MEMORY, TierType.REDIS))
            .build();

    assertThat(c.tiers()).containsExactly(TierType.MEMORY, TierType.REDIS, TierType.FILESYSTEM);
  }

  @Test
  void yamlTierNamesParseIgnoringCase() {
    assertThat(TierType.fromYaml(" Redis ")).isEqualTo(TierType.REDIS);
    assertThat(TierType.FILESYSTEM.yamlName()).isEqualTo("filesystem");
    assertThatThrownBy(() -> TierType.fromYaml("disk"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cache.tiers")
        .hasMessageContaining("disk");
  }

  @Test
  void theRedisPasswordNeverAppearsInToString() {
    CacheConfig c = CacheConfig.builder().redis(r -> r.password("hunter2")).build();

    assertThat(c.toString()).doesNotContain("hunter2").contains("password=****");
    assertThat(c.redis().password()).isEqualTo("hunter2");
  }

  @Test
  void anEmptyPasswordMeansNone() {
    assertThat(CacheConfig.builder().redis(r -> r.password("")).build().redis().password())
        .isNull();
  }

  static Stream<Arguments> invalidSettings() {
    return Stream.of(
        invalid("cache.ttl", b -> b.ttl(Duration.ZERO)),
        invalid("cache.memory.max_entries", b -> b.memory(m -> m.maxEntries(0))),
        invalid("cache.redis.host", b -> b.redis(r -> r.host(" "))),
        invalid("cache.redis.port", b -> b.redis(r -> r.port(70000))),
        invalid("cache.redis.db", b -> b.redis(r -> r.db(-1))),
        invalid(
            "cache.redis.command_timeout",
            b -> b.redis(r -> r.commandTimeout(Duration.ofMillis(-1)))),
        invalid(
            "cache.redis.command_timeout",
            b -> b.redis(r -> r.commandTimeout(Duration.ofMinutes(2)))),
        invalid("cache.filesystem.max_size_mb", b -> b.filesystem(f -> f.maxSizeMb(0))),
        invalid("cache.filesystem.directory", b -> b.filesystem(f -> f.directory(Path.of("")))),
        invalid("cache.tiers", b -> b.tiers(TierType.MEMORY, TierType.MEMORY)));
  }

  private static Arguments invalid(String key, Consumer<CacheConfig.Builder> setter) {
    return Arguments.of(key, setter);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidSettings")
  void anInvalidSettingIsRejectedNamingItsYamlKey(
      String key, Consumer<CacheConfig.Builder> setter) {
    assertThatThrownBy(() -> setter.accept(CacheConfig.builder()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(key);
  }
}
