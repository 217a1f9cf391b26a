package dev.trinity.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trinity.api.ConfigurationException;
import dev.trinity.core.resilience.ConcurrencyLimitConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The most calls in flight to an endpoint lives in one place, {@link
 * ConcurrencyLimitConfig#maxConcurrency()}; {@code llm.max_concurrency} and {@code
 * concurrency_limit.max_concurrency} are two spellings of it that must agree.
 */
class MaxConcurrencyHomeTest {
  @TempDir Path dir;

  private TrinityConfig load(String yaml, Map<String, String> env) throws Exception {
    Path file = dir.resolve("trinity.yaml");
    Files.writeString(file, yaml);
    return Trinity.loadConfig(file, env);
  }

  @Test
  void llmMaxConcurrencySetsTheLimitersValue() throws Exception {
    assertThat(load("llm: { max_concurrency: 3 }\n", Map.of()).concurrencyLimit().maxConcurrency())
        .isEqualTo(3);
    assertThat(
            Trinity.loadConfig(null, Map.of("LLM_MAX_CONCURRENCY", "5"))
                .concurrencyLimit()
                .maxConcurrency())
        .isEqualTo(5);
  }

  @Test
  void theConcurrencyLimitSectionMayCarryItInstead() throws Exception {
    TrinityConfig c =
        load("concurrency_limit: { max_concurrency: 4, queue_capacity: 9 }\n", Map.of());

    assertThat(c.concurrencyLimit().maxConcurrency()).isEqualTo(4);
    assertThat(c.concurrencyLimit().queueCapacity()).isEqualTo(9);
  }

  @Test
  void bothSpellingsAreAcceptedWhenTheyAgree() throws Exception {
    TrinityConfig c =
        load("llm: { max_concurrency: 6 }\nconcurrency_limit: { max_concurrency: 6 }\n", Map.of());

    assertThat(c.concurrencyLimit().maxConcurrency()).isEqualTo(6);
  }

  @Test
  void conflictingValuesAreRefusedNamingBothSettings() {
    assertThatThrownBy(
            () ->
                load(
                    "llm: { max_concurrency: 3 }\nconcurrency_limit: { max_concurrency: 5 }\n",
                    Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("llm.max_concurrency and concurrency_limit.max_concurrency:")
        .hasMessageContaining("were 3 and 5");
  }

  @Test
  void aConflictSetByTheEnvironmentNamesTheVariable() {
    assertThatThrownBy(
            () ->
                load(
                    "concurrency_limit: { max_concurrency: 5 }\n",
                    Map.of("LLM_MAX_CONCURRENCY", "12")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("LLM_MAX_CONCURRENCY (llm.max_concurrency)")
        .hasMessageContaining("concurrency_limit.max_concurrency")
        .hasMessageContaining("were 12 and 5");
  }

  @Test
  void anOutOfRangeValueNamesTheSpellingThatCarriedIt() {
    assertThatThrownBy(() -> load("llm: { max_concurrency: 0 }\n", Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("llm.max_concurrency")
        .hasMessageContaining("must be in [1, 1024], was 0");
    assertThatThrownBy(() -> load("concurrency_limit: { max_concurrency: 2000 }\n", Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("concurrency_limit.max_concurrency")
        .hasMessageContaining("was 2000");
  }

  @Test
  void theBuilderHasOneHomeAndTrinityUsesItAsGiven() {
    TrinityConfig config =
        TrinityConfig.builder()
            .llm(LlmConfig.builder().provider("offline").build())
            .concurrencyLimit(ConcurrencyLimitConfig.builder().maxConcurrency(2).build())
            .build();

    try (Trinity trinity = Trinity.builder().config(config).build()) {
      assertThat(trinity.config().concurrencyLimit().maxConcurrency()).isEqualTo(2);
    }
  }
}
