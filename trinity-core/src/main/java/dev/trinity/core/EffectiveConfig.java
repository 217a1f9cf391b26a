package dev.trinity.core;

import dev.trinity.api.ConfigurationException;
import dev.trinity.core.internal.config.ConfigLoader;
import dev.trinity.core.internal.config.SettingsDescriber;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The configuration in force together with where each value came from: a default, the YAML file or
 * an environment variable. For tools that show the configuration to a person ({@code trinity config
 * show}); a host that only needs the values uses {@link Trinity#loadConfig(Path, Map)}.
 *
 * <p>Immutable and thread-safe.
 */
public final class EffectiveConfig {
  /** Where a value came from, in increasing order of precedence. */
  public enum Origin {
    /** Nothing set it: Trinity's (or the provider's) default. */
    DEFAULT,
    /** The YAML file set it (possibly through {@code ${VAR}} interpolation). */
    FILE,
    /** An environment variable set it; {@link Setting#source()} names the variable. */
    ENVIRONMENT
  }

  /**
   * One value of the configuration.
   *
   * @param key the YAML path, such as {@code llm.base_url}
   * @param value the value as text; a secret is shown as {@code ****} when set, empty when not
   * @param origin where it came from
   * @param source the environment variable or file that set it; empty for a default
   * @param secret whether the value is a secret (masked)
   */
  public record Setting(
      String key, String value, Origin origin, Optional<String> source, boolean secret) {
    /** Checks the arguments. */
    public Setting {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(source, "source");
    }
  }

  private final TrinityConfig config;
  private final List<Setting> settings;

  private EffectiveConfig(TrinityConfig config, List<Setting> settings) {
    this.config = config;
    this.settings = List.copyOf(settings);
  }

  /**
   * Loads the configuration the way {@link Trinity#loadConfig(Path, Map)} does and records the
   * origin of every value.
   *
   * @param yaml the YAML file, or null for defaults and environment only
   * @param env the environment variables to apply
   * @return the configuration and its origins
   * @throws ConfigurationException when the file is missing or a key or value is wrong
   */
  public static EffectiveConfig load(@Nullable Path yaml, Map<String, String> env) {
    TrinityConfig config = ConfigLoader.load(yaml, env);
    return new EffectiveConfig(config, SettingsDescriber.describe(config, yaml, env));
  }

  /**
   * The environment variables Trinity reads and the keys they set, such as {@code LLM_API_URL ->
   * llm.base_url}.
   *
   * @return an unmodifiable map
   */
  public static Map<String, String> environmentVariables() {
    return ConfigLoader.ENVIRONMENT_KEYS;
  }

  /**
   * The configuration in force.
   *
   * @return the configuration
   */
  public TrinityConfig config() {
    return config;
  }

  /**
   * Every value, section by section in the order of the YAML reference, secrets masked.
   *
   * @return an unmodifiable list
   */
  public List<Setting> settings() {
    return settings;
  }

  /**
   * The value of one key.
   *
   * @param key the YAML path, such as {@code llm.provider}
   * @return the setting, or empty when there is no such key
   */
  public Optional<Setting> setting(String key) {
    return settings.stream().filter(s -> s.key().equals(key)).findFirst();
  }

  /** Lists the keys with their origins; secrets are masked. */
  @Override
  public String toString() {
    return "EffectiveConfig" + settings;
  }
}
