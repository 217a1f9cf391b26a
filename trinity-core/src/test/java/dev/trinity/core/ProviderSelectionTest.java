package dev.trinity.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trinity.api.LlmProviderFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No provider chosen and no Ollama: the offline provider; anything the user chose is kept. */
class ProviderSelectionTest {
  @TempDir Path dir;

  static URI closedPort() throws IOException {
    MockWebServer gone = new MockWebServer();
    gone.start();
    URI url = gone.url("/").uri();
    gone.close();
    return url;
  }

  @Test
  void withNoProviderChosenAndNothingAtOllamasAddressItRunsOffline() throws Exception {
    URI nowhere = closedPort();

    ProviderSelection s =
        ProviderSelection.of(EffectiveConfig.load(null, Map.of("LLM_API_URL", nowhere.toString())));

    assertThat(s.unansweredServer()).contains(nowhere);
    assertThat(s.config().llm().provider()).isEqualTo("offline");
    assertThat(s.config().llm().baseUrl()).isEmpty();
    assertThat(s.config().llm().model()).isEmpty();
    try (Trinity trinity = Trinity.builder().config(s.config()).build()) {
      assertThat(trinity.provider().name()).isEqualTo("offline");
    }
  }

  @Test
  void anOllamaThatAnswersWithAnyStatusIsKept() throws Exception {
    try (MockWebServer ollama = new MockWebServer()) {
      ollama.enqueue(new MockResponse.Builder().code(404).build());
      ollama.start();
      EffectiveConfig effective =
          EffectiveConfig.load(null, Map.of("LLM_API_URL", ollama.url("/").toString()));

      ProviderSelection s = ProviderSelection.of(effective);

      assertThat(s.unansweredServer()).isEmpty();
      assertThat(s.config()).isEqualTo(effective.config());
      assertThat(ollama.takeRequest().getUrl().encodedPath()).isEqualTo("/api/tags");
    }
  }

  @Test
  void aProviderTheUserChoseIsKeptWithoutProbing() throws Exception {
    try (MockWebServer ollama = new MockWebServer()) {
      ollama.start();
      Path file = Files.writeString(dir.resolve("trinity.yaml"), "llm:\n  provider: ollama\n");
      EffectiveConfig fromFile =
          EffectiveConfig.load(file, Map.of("LLM_API_URL", closedPort().toString()));
      EffectiveConfig fromEnvironment =
          EffectiveConfig.load(
              null, Map.of("LLM_PROVIDER", "openai", "LLM_API_URL", ollama.url("/v1").toString()));

      assertThat(ProviderSelection.of(fromFile).config()).isEqualTo(fromFile.config());
      assertThat(ProviderSelection.of(fromEnvironment).unansweredServer()).isEmpty();
      assertThat(ollama.getRequestCount()).isZero();
    }
  }

  @Test
  void aTimeoutThatIsNotPositiveIsRefused() {
    EffectiveConfig effective = EffectiveConfig.load(null, Map.of());

    assertThatThrownBy(() -> ProviderSelection.of(effective, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("probeTimeout must be positive");
  }

  @Test
  void theFactoriesServiceLoaderFindsAreListedByName() {
    Map<String, LlmProviderFactory> all = ProviderFactories.available();

    assertThat(all).containsKeys("ollama", "openai", "llamacpp", "offline");
    assertThat(ProviderFactories.find("offline"))
        .get()
        .extracting(LlmProviderFactory::defaultModel)
        .isEqualTo(java.util.Optional.of("rule-based"));
    assertThat(ProviderFactories.find("no-such-provider")).isEmpty();
  }
}
