package dev.trinity.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trinity.api.ConfigurationException;
import dev.trinity.api.LlmProvider;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code llm.fallbacks} in YAML and in the builders, and the errors naming the entry. */
class FallbackConfigTest {
  @TempDir Path dir;

  private Path yaml(String text) throws Exception {
    Path f = dir.resolve("trinity.yaml");
    Files.writeString(f, text);
    return f;
  }

  @Test
  void theFallbacksListIsReadInOrder() throws Exception {
    Path f =
        yaml(
            "llm:\n"
                + "  provider: ollama\n"
                + "  fallbacks:\n"
                + "    - provider: llamacpp\n"
                + "      base_url: http://gpu-box:8080\n"
                + "      model: qwen2.5-7b\n"
                + "    - provider: openai\n"
                + "      base_url: https://api.openai.com/v1\n"
                + "      model: gpt-4o-mini\n"
                + "      api_key: ${OPENAI_KEY}\n"
                + "      options:\n"
                + "        organization: acme\n");

    LlmConfig llm = Trinity.loadConfig(f, Map.of("OPENAI_KEY", "sk-from-env")).llm();

    assertThat(llm.fallbacks())
        .containsExactly(
            FallbackConfig.builder("llamacpp")
                .baseUrl("http://gpu-box:8080")
                .model("qwen2.5-7b")
                .build(),
            FallbackConfig.builder("openai")
                .baseUrl("https://api.openai.com/v1")
                .model("gpt-4o-mini")
                .apiKey("sk-from-env")
                .option("organization", "acme")
                .build());
    assertThat(llm.fallbacks().get(1).apiKey().orElseThrow().reveal()).isEqualTo("sk-from-env");
    assertThat(llm.toString()).doesNotContain("sk-from-env");
    EffectiveConfig shown = EffectiveConfig.load(f, Map.of("OPENAI_KEY", "sk-from-env"));
    assertThat(shown.toString()).doesNotContain("sk-from-env");
    assertThat(shown.settings())
        .filteredOn(s -> s.key().startsWith("llm.fallbacks"))
        .extracting(s -> s.key() + " = " + s.value() + " (" + s.origin() + ")")
        .containsExactly(
            "llm.fallbacks[0] = provider=llamacpp base_url=http://gpu-box:8080 model=qwen2.5-7b"
                + " (FILE)",
            "llm.fallbacks[1] = provider=openai base_url=https://api.openai.com/v1"
                + " model=gpt-4o-mini api_key=**** options=[organization] (FILE)");
  }

  @Test
  void noFallbacksIsTheDefault() {
    assertThat(LlmConfig.ofDefaults().fallbacks()).isEmpty();
    assertThat(Trinity.loadConfig(null, Map.of()).llm().fallbacks()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'    - provider: llamacpp\n      modle: x\n' | llm.fallbacks[0].modle | unknown key",
        "'    - base_url: http://a:1\n' | llm.fallbacks[0].provider | is required",
        "'    - provider: Llama CPP\n' | llm.fallbacks[0].provider | lower-case name",
        "'    - provider: llamacpp\n    - provider: openai\n      base_url: ftp://x\n'"
            + " | llm.fallbacks[1].base_url | http",
        "'    - llamacpp\n' | llm.fallbacks[0] | mapping",
        "'    - provider: llamacpp\n      model: \" \"\n      options: [a]\n'"
            + " | llm.fallbacks[0].options | mapping",
      })
  void aWrongEntryIsNamedByItsIndex(String entries, String key, String problem) throws Exception {
    Path f = yaml("llm:\n  fallbacks:\n" + entries);

    assertThatThrownBy(() -> Trinity.loadConfig(f, Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith(key + ": ")
        .hasMessageContaining(problem)
        .satisfies(e -> assertThat(((ConfigurationException) e).key()).isEqualTo(key));
  }

  @Test
  void fallbacksMustBeAList() throws Exception {
    Path f = yaml("llm:\n  fallbacks:\n    provider: llamacpp\n");

    assertThatThrownBy(() -> Trinity.loadConfig(f, Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("llm.fallbacks: must be a list of mappings");
  }

  @Test
  void anUnknownProviderIsNamedWithTheAvailableOnesWhenTrinityIsBuilt() throws Exception {
    Path f =
        yaml(
            "llm:\n  fallbacks:\n    - provider: llamacpp\n      base_url: http://a:8080\n"
                + "    - provider: x\n");
    TrinityConfig config = Trinity.loadConfig(f, Map.of());

    assertThatThrownBy(() -> Trinity.builder().config(config).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("llm.fallbacks[1].provider: unknown provider 'x'; available: [")
        .hasMessageContaining("llamacpp")
        .hasMessageContaining("openai");
  }

  @Test
  void theOfflineProviderCannotBeAFallbackAndTheErrorSaysWhatToUse() {
    assertThatThrownBy(
            () -> Trinity.builder().fallback(FallbackConfig.builder("offline").build()).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("llm.fallbacks[0].provider: ")
        .hasMessageContaining("Fallback.offline()");
  }

  @Test
  void theBuilderAddsFallbacksAndTrinityCreatesOneProviderEach() {
    try (Trinity trinity =
        Trinity.builder()
            .llm(LlmConfig.builder().provider("ollama").baseUrl("http://127.0.0.1:1").build())
            .fallback(
                FallbackConfig.builder("llamacpp")
                    .baseUrl(URI.create("http://127.0.0.1:2"))
                    .build())
            .fallback(FallbackConfig.builder("ollama").baseUrl("http://127.0.0.1:3").build())
            .build()) {
      assertThat(trinity.providers())
          .extracting(LlmProvider::name)
          .containsExactly("ollama", "llamacpp", "ollama");
      assertThat(trinity.provider()).isSameAs(trinity.providers().get(0));
      assertThat(trinity.config().llm().fallbacks()).hasSize(2);
      assertThat(trinity.concurrencyLimiters()).hasSize(3);
      // a fallback with no model takes its provider's default
      assertThat(trinity.providers().get(2).defaultModel())
          .isEqualTo(trinity.providers().get(0).defaultModel());
    }
  }

  @Test
  void builderSettersNameWhatTheyReject() {
    assertThatThrownBy(() -> FallbackConfig.builder("Open AI"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("provider must be a lower-case name");
    assertThatThrownBy(() -> FallbackConfig.builder("openai").baseUrl("http://user:pw@host/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("base_url must not carry credentials");
    assertThatThrownBy(() -> FallbackConfig.builder("openai").model(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("model");
  }

  @Test
  void entriesAreValuesAndHideTheirKey() {
    FallbackConfig a = FallbackConfig.builder("openai").apiKey("sk-secret-123").build();
    assertThat(a).isEqualTo(a.toBuilder().build()).hasSameHashCodeAs(a.toBuilder().build());
    assertThat(a.toString()).doesNotContain("sk-secret-123");
    assertThat(LlmConfig.builder().fallback(a).build())
        .isEqualTo(LlmConfig.builder().fallbacks(java.util.List.of(a)).build())
        .isNotEqualTo(LlmConfig.ofDefaults());
  }
}
