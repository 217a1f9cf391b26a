package dev.trinity.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.cache.CacheConfig;
import dev.trinity.cache.TierType;
import dev.trinity.core.testing.RecordingProvider;
import dev.trinity.core.testing.VirtualScheduler;
import dev.trinity.test.VirtualTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The model and temperature defaults are resolved once, by the pipeline, before the request key:
 * the provider receives a complete request and the cache sees the values that were sent.
 */
class RequestDefaultsTest {
  private final VirtualTime time = new VirtualTime();
  private final RecordingProvider provider = new RecordingProvider("recording", "llama3.2");
  private Trinity trinity;

  @AfterEach
  void stop() {
    if (trinity != null) {
      trinity.close();
    }
  }

  private Trinity start(CacheConfig cache) {
    trinity =
        Trinity.builder()
            .config(
                TrinityConfig.builder()
                    .llm(LlmConfig.builder().provider("recording").temperature(0.3).build())
                    .cache(cache)
                    .build())
            .provider(provider)
            .clock(time.clock())
            .scheduler(VirtualScheduler.of(time))
            .build();
    return trinity;
  }

  @Test
  void theProviderReceivesTheResolvedModelAndTemperature() {
    Trinity t = start(CacheConfig.builder().enabled(false).build());

    t.llm().generate("defaults");
    t.llm().generate(LlmRequest.builder().prompt("own").model("qwen3:8b").temperature(0.9).build());

    List<LlmRequest> sent = provider.received();
    assertThat(sent).hasSize(2);
    assertThat(sent.get(0).model()).contains("llama3.2");
    assertThat(sent.get(0).temperature()).contains(0.3);
    assertThat(sent.get(1).model()).contains("qwen3:8b");
    assertThat(sent.get(1).temperature()).contains(0.9);
  }

  @Test
  void aRequestThatSpellsOutTheDefaultsHasTheSameKeyAsOneThatLeavesThemOut() {
    Trinity t = start(CacheConfig.builder().tiers(TierType.MEMORY).build());

    LlmResponse first = t.llm().generate("same");
    LlmResponse second =
        t.llm()
            .generate(
                LlmRequest.builder().prompt("same").model("llama3.2").temperature(0.3).build());
    LlmResponse other =
        t.llm()
            .generate(
                LlmRequest.builder().prompt("same").model("llama3.2").temperature(0.4).build());

    assertThat(first.cached()).isFalse();
    assertThat(second.cached()).isTrue();
    assertThat(second.text()).isEqualTo(first.text());
    assertThat(other.cached()).isFalse();
    assertThat(provider.received()).hasSize(2);
  }
}
