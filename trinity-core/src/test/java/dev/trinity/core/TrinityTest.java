package dev.trinity.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trinity.api.ConfigurationException;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.TrinityException;
import org.junit.jupiter.api.Test;

class TrinityTest {
  @Test
  void anUnknownProviderIsAConfigurationErrorListingTheAvailableOnes() {
    assertThatThrownBy(
            () -> Trinity.builder().llm(LlmConfig.builder().provider("nope").build()).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("llm.provider")
        .hasMessageContaining("'nope'")
        .hasMessageContaining("available");
  }

  @Test
  void aClosedInstanceRefusesNewRequests() throws Exception {
    try (PipelineHarness h = new PipelineHarness()) {
      h.trinity.close();

      assertThatThrownBy(() -> h.trinity.llm().generate(LlmRequest.of("hi")))
          .isInstanceOf(TrinityException.class)
          .hasMessageContaining("closed");
      assertThat(h.server.getRequestCount()).isZero();
    }
  }

  @Test
  void aHostProvidedFactoryIsSelectedByName() throws Exception {
    try (PipelineHarness h = new PipelineHarness()) {
      assertThat(h.trinity.provider().name()).isEqualTo(JsonTestProvider.NAME);
      assertThat(h.trinity.config().llm().provider()).isEqualTo(JsonTestProvider.NAME);
    }
  }
}
