package dev.trinity.api;

import org.jspecify.annotations.Nullable;

/**
 * Trinity's configuration is invalid: a key is unknown, a value cannot be parsed, or a provider is
 * not available. The message names the key (as written in YAML or the environment variable) and
 * what is accepted.
 */
public final class ConfigurationException extends TrinityException {
  private static final long serialVersionUID = 1L;

  private final String key;

  /**
   * Creates a configuration failure.
   *
   * @param key the configuration key, such as {@code llm.timeout} or {@code LLM_PROVIDER}
   * @param problem what is wrong and what is accepted
   * @param cause the underlying failure, if any
   */
  public ConfigurationException(String key, String problem, @Nullable Throwable cause) {
    super(key + ": " + problem, cause, false);
    this.key = key;
  }

  /**
   * Creates a configuration failure without a cause.
   *
   * @param key the configuration key
   * @param problem what is wrong and what is accepted
   */
  public ConfigurationException(String key, String problem) {
    this(key, problem, null);
  }

  /**
   * The configuration key that is wrong.
   *
   * @return the key as written in YAML, or the environment variable's name
   */
  public String key() {
    return key;
  }
}
