package dev.trinity.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trinity.api.ConfigurationException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoadingTest {
  @TempDir Path dir;

  private Path yaml(String text) throws Exception {
    Path f = dir.resolve("trinity.yaml");
    Files.writeString(f, text);
    return f;
  }

  @Test
  void defaultsApplyWhenNothingIsConfigured() {
    TrinityConfig c = Trinity.loadConfig(null, Map.of());

    assertThat(c).isEqualTo(TrinityConfig.ofDefaults());
    assertThat(c.llm().provider()).isEqualTo("ollama");
    assertThat(c.llm().timeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(c.concurrencyLimit().maxConcurrency()).isEqualTo(8);
    assertThat(c.llm().temperature()).contains(0.7);
    assertThat(c.retry().maxAttempts()).isEqualTo(3);
    assertThat(c.retry().initialBackoff()).isEqualTo(Duration.ofSeconds(1));
    assertThat(c.retry().maxBackoff()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void theDesignDocumentsDefaultFileLoads() throws Exception {
    Path f =
        yaml(
            """
            llm:
              provider: ollama            # ollama | openai | llamacpp | offline
              base_url: http://localhost:11434
              model: llama3.2:3b
              api_key: ${OPENAI_API_KEY:-}
              timeout: 60s
              temperature: 0.7
              max_concurrency: 8
            retry:      { max_attempts: 3, initial_backoff: 1s, multiplier: 2.0, max_backoff: 30s, jitter: 0.2 }
            circuit_breaker: { failure_threshold: 5, open_duration: 60s, half_open_max_calls: 1 }
            cache:
              enabled: true
              tiers: [memory, filesystem]
              ttl: 3600s
              memory:     { max_entries: 100 }
              redis:      { host: localhost, port: 6379, db: 0, password: null, key_prefix: "trinity:llm:", command_timeout: 250ms }
              filesystem: { directory: .cache/llm, max_size_mb: 100 }
            """);

    TrinityConfig c = Trinity.loadConfig(f, Map.of());

    assertThat(c.llm().baseUrl()).contains(URI.create("http://localhost:11434"));
    assertThat(c.llm().model()).contains("llama3.2:3b");
    assertThat(c.llm().apiKey()).isEmpty();
  }

  @Test
  void theEnvironmentWinsOverTheFileWhichWinsOverDefaults() throws Exception {
    Path f =
        yaml(
            """
            llm:
              provider: openai
              model: from-file
              timeout: 90s
            retry:
              max_attempts: 5
            """);

    TrinityConfig c =
        Trinity.loadConfig(
            f,
            Map.of(
                "LLM_MODEL", "from-env",
                "LLM_API_URL", "http://10.0.0.5:8000/v1",
                "LLM_API_KEY", "sk-env"));

    assertThat(c.llm().provider()).isEqualTo("openai");
    assertThat(c.llm().model()).contains("from-env");
    assertThat(c.llm().baseUrl()).contains(URI.create("http://10.0.0.5:8000/v1"));
    assertThat(c.llm().apiKey().orElseThrow().reveal()).isEqualTo("sk-env");
    assertThat(c.llm().timeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(c.retry().maxAttempts()).isEqualTo(5);
    assertThat(c.retry().multiplier()).isEqualTo(2.0);
  }

  @Test
  void variablesAreInterpolatedWithDefaults() throws Exception {
    Path f =
        yaml(
            """
            llm:
              base_url: http://${OLLAMA_HOST:-localhost}:${OLLAMA_PORT:-11434}
              model: ${MODEL}
            """);

    TrinityConfig c = Trinity.loadConfig(f, Map.of("OLLAMA_HOST", "gpu-box", "MODEL", "qwen3:8b"));

    assertThat(c.llm().baseUrl()).contains(URI.create("http://gpu-box:11434"));
    assertThat(c.llm().model()).contains("qwen3:8b");
  }

  @Test
  void aVariableWithoutDefaultThatIsUnsetIsAnErrorNamingIt() throws Exception {
    Path f = yaml("llm:\n  model: ${MODEL}\n");

    assertThatThrownBy(() -> Trinity.loadConfig(f, Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("llm.model")
        .hasMessageContaining("MODEL is not set");
  }

  @Test
  void anUnknownKeyIsNamedWithTheAcceptedKeys() throws Exception {
    Path f = yaml("llm:\n  modle: llama3\n");

    assertThatThrownBy(() -> Trinity.loadConfig(f, Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("llm.modle")
        .hasMessageContaining("unknown key")
        .hasMessageContaining("model")
        .satisfies(e -> assertThat(((ConfigurationException) e).key()).isEqualTo("llm.modle"));
  }

  @Test
  void anUnknownSectionIsRejected() throws Exception {
    Path f = yaml("lmm:\n  model: llama3\n");

    assertThatThrownBy(() -> Trinity.loadConfig(f, Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("lmm")
        .hasMessageContaining("llm");
  }

  @Test
  void aBadDurationNamesTheKeyAndTheAcceptedForms() throws Exception {
    Path f = yaml("llm:\n  timeout: soon\n");

    assertThatThrownBy(() -> Trinity.loadConfig(f, Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("llm.timeout")
        .hasMessageContaining("250ms, 30s");
  }

  @Test
  void anOutOfRangeValueNamesTheKey() throws Exception {
    Path f = yaml("llm:\n  temperature: 3.5\n");

    assertThatThrownBy(() -> Trinity.loadConfig(f, Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("llm.temperature")
        .hasMessageContaining("[0, 2]");
  }

  @Test
  void aBadEnvironmentValueNamesTheVariable() {
    assertThatThrownBy(() -> Trinity.loadConfig(null, Map.of("LLM_MAX_CONCURRENCY", "many")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("LLM_MAX_CONCURRENCY")
        .hasMessageContaining("llm.max_concurrency")
        .hasMessageContaining("whole number");
  }

  @Test
  void aBadUrlFromTheEnvironmentNamesTheVariable() {
    assertThatThrownBy(() -> Trinity.loadConfig(null, Map.of("LLM_API_URL", "localhost:11434")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("LLM_API_URL")
        .hasMessageContaining("http://");
  }

  @Test
  void aNegativeDurationSaysItMustBePositiveAndNamesTheVariable() {
    assertThatThrownBy(() -> Trinity.loadConfig(null, Map.of("CACHE_TTL", "-5s")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("CACHE_TTL (cache.ttl): must be positive, was '-5s'");
  }

  @Test
  void negativeDurationsInTheFileSayTheSameInEveryUnitAndForm() throws Exception {
    for (String value : List.of("-250ms", "- 1.5m", "-PT5S", "PT-5S", "-3")) {
      Path f = yaml("retry: { max_backoff: \"" + value + "\" }\n");

      assertThatThrownBy(() -> Trinity.loadConfig(f, Map.of()))
          .isInstanceOf(ConfigurationException.class)
          .hasMessage("retry.max_backoff: must be positive, was '" + value + "'");
    }
  }

  @Test
  void aMinusSignBeforeSomethingThatIsNoDurationStillSaysWhatADurationLooksLike() {
    assertThatThrownBy(() -> Trinity.loadConfig(null, Map.of("CACHE_TTL", "-soon")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("CACHE_TTL (cache.ttl)")
        .hasMessageContaining("must be a duration such as 250ms");
  }

  @Test
  void durationsAcceptUnitsPlainSecondsAndIso() throws Exception {
    Path f =
        yaml(
            """
            llm: { timeout: 1.5m, connect_timeout: PT2S }
            retry: { initial_backoff: 250ms, max_backoff: 45 }
            """);

    TrinityConfig c = Trinity.loadConfig(f, Map.of());

    assertThat(c.llm().timeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(c.llm().connectTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(c.retry().initialBackoff()).isEqualTo(Duration.ofMillis(250));
    assertThat(c.retry().maxBackoff()).isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void sizesAcceptBinaryUnits() throws Exception {
    Path f = yaml("llm: { max_response_size: 2MiB, options: { keep_alive: 5m } }\n");

    TrinityConfig c = Trinity.loadConfig(f, Map.of());

    assertThat(c.llm().maxResponseBytes()).isEqualTo(2L * 1024 * 1024);
    assertThat(c.llm().options()).containsEntry("keep_alive", "5m");
  }

  @Test
  void aMissingFileIsAConfigurationError() {
    assertThatThrownBy(() -> Trinity.loadConfig(dir.resolve("nope.yaml"), Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("nope.yaml")
        .hasMessageContaining("not found");
  }

  @Test
  void invalidYamlNamesTheFileAndLine() throws Exception {
    Path f = yaml("llm:\n  model: [unclosed\n");

    assertThatThrownBy(() -> Trinity.loadConfig(f, Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("trinity.yaml")
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void theApiKeyNeverAppearsInToString() {
    TrinityConfig c = Trinity.loadConfig(null, Map.of("LLM_API_KEY", "sk-test-SECRET-123"));

    assertThat(c.toString()).doesNotContain("sk-test-SECRET-123").contains("****");
    assertThat(c.llm().toString()).doesNotContain("sk-test-SECRET-123");
  }
}
