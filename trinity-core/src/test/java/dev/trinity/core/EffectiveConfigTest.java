package dev.trinity.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trinity.api.ConfigurationException;
import dev.trinity.core.EffectiveConfig.Origin;
import dev.trinity.core.EffectiveConfig.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EffectiveConfigTest {
  @TempDir Path dir;

  @Test
  void everyValueIsADefaultWhenNothingIsConfigured() {
    EffectiveConfig c = EffectiveConfig.load(null, Map.of());

    assertThat(c.config()).isEqualTo(TrinityConfig.ofDefaults());
    assertThat(c.settings()).allSatisfy(s -> assertThat(s.origin()).isEqualTo(Origin.DEFAULT));
    assertThat(c.setting("llm.provider").map(Setting::value)).contains("ollama");
    assertThat(c.setting("llm.timeout").map(Setting::value)).contains("60s");
    assertThat(c.setting("llm.max_response_size").map(Setting::value)).contains("16MiB");
    assertThat(c.setting("cache.tiers").map(Setting::value)).contains("[memory, filesystem]");
    assertThat(c.setting("cache.redis.command_timeout").map(Setting::value)).contains("250ms");
    assertThat(c.setting("logging.profile").map(Setting::value))
        .contains("(not set: Trinity leaves logging to the host)");
    assertThat(c.setting("no.such.key")).isEmpty();
  }

  @Test
  void theEnvironmentWinsOverTheFileAndNamesItsVariable() throws Exception {
    Path file = dir.resolve("trinity.yaml");
    Files.writeString(
        file,
        """
        llm:
          provider: openai
          model: from-file
          options: { keep_alive: 5m }
        cache:
          redis: { port: 6380 }
        """);

    EffectiveConfig c =
        EffectiveConfig.load(file, Map.of("LLM_MODEL", "from-env", "LOG_PROFILE", "production"));

    assertThat(c.setting("llm.provider"))
        .contains(
            new Setting(
                "llm.provider", "openai", Origin.FILE, Optional.of(file.toString()), false));
    assertThat(c.setting("llm.model"))
        .contains(
            new Setting(
                "llm.model", "from-env", Origin.ENVIRONMENT, Optional.of("LLM_MODEL"), false));
    assertThat(c.setting("llm.options.keep_alive").map(Setting::origin)).contains(Origin.FILE);
    assertThat(c.setting("cache.redis.port").map(Setting::value)).contains("6380");
    assertThat(c.setting("cache.redis.host").map(Setting::origin)).contains(Origin.DEFAULT);
    assertThat(c.setting("logging.profile").map(Setting::source))
        .contains(Optional.of("LOG_PROFILE"));
  }

  @Test
  void theLoggingSectionAndTheOneMaxConcurrencyShowWhereTheyCameFrom() throws Exception {
    Path file = dir.resolve("trinity.yaml");
    Files.writeString(
        file,
        """
        concurrency_limit: { max_concurrency: 3 }
        logging: { level: debug, format: json }
        """);

    EffectiveConfig c = EffectiveConfig.load(file, Map.of("LOG_LEVEL", "warn"));

    assertThat(c.setting("llm.max_concurrency"))
        .contains(
            new Setting(
                "llm.max_concurrency", "3", Origin.FILE, Optional.of(file.toString()), false));
    assertThat(c.setting("logging.level"))
        .contains(
            new Setting(
                "logging.level", "warn", Origin.ENVIRONMENT, Optional.of("LOG_LEVEL"), false));
    assertThat(c.setting("logging.format"))
        .contains(
            new Setting(
                "logging.format", "json", Origin.FILE, Optional.of(file.toString()), false));
    assertThat(c.setting("logging.profile").map(Setting::value)).contains("development");
  }

  @Test
  void secretsAreMaskedWherverTheyComeFrom() {
    EffectiveConfig c =
        EffectiveConfig.load(
            null, Map.of("LLM_API_KEY", "sk-very-secret", "CACHE_REDIS_PASSWORD", "hunter2"));

    assertThat(c.setting("llm.api_key").map(Setting::value)).contains("****");
    assertThat(c.setting("llm.api_key").map(Setting::secret)).contains(true);
    assertThat(c.setting("cache.redis.password").map(Setting::value)).contains("****");
    assertThat(c.toString()).doesNotContain("sk-very-secret").doesNotContain("hunter2");
  }

  @Test
  void aBadValueFailsAsLoadingDoes() {
    assertThatThrownBy(() -> EffectiveConfig.load(null, Map.of("LLM_TIMEOUT", "soon")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("LLM_TIMEOUT");
    assertThatThrownBy(() -> EffectiveConfig.load(dir.resolve("missing.yaml"), Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("not found");
  }
}
