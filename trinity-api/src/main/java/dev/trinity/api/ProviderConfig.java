package dev.trinity.api;

import dev.trinity.api.internal.Checks;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a provider needs to know to reach its model server: its endpoint, default model, credentials
 * and provider-specific options. Immutable.
 *
 * <p>Provider-specific options come from the {@code llm.options} map in YAML; built-in providers
 * document the keys they read (for example Ollama's {@code keep_alive} and {@code api}).
 */
public final class ProviderConfig {
  private final String provider;
  private final URI baseUrl;
  private final String model;
  private final @Nullable Secret apiKey;
  private final @Nullable Double temperature;
  private final Map<String, String> options;

  private ProviderConfig(Builder b) {
    this.provider = b.provider;
    this.baseUrl = b.baseUrl;
    this.model = b.model;
    this.apiKey = b.apiKey;
    this.temperature = b.temperature;
    this.options = Map.copyOf(b.options);
  }

  /**
   * A new builder.
   *
   * @param provider the provider's name, as its factory declares it
   * @param baseUrl the server's base URL, such as {@code http://localhost:11434}
   * @param model the default model
   * @return the builder
   */
  public static Builder builder(String provider, URI baseUrl, String model) {
    return new Builder(provider, baseUrl, model);
  }

  /**
   * A builder holding this configuration.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(provider, baseUrl, model);
    b.apiKey = apiKey;
    b.temperature = temperature;
    b.options.putAll(options);
    return b;
  }

  /**
   * The provider's name.
   *
   * @return the name, such as {@code ollama}
   */
  public String provider() {
    return provider;
  }

  /**
   * The server's base URL.
   *
   * @return the URL, without a trailing slash
   */
  public URI baseUrl() {
    return baseUrl;
  }

  /**
   * The model used when a request names none: a provider reports it as {@link
   * LlmProvider#defaultModel()}, and the pipeline puts it in such requests before they reach the
   * provider.
   *
   * @return the model name
   */
  public String model() {
    return model;
  }

  /**
   * The API key, sent as a bearer token by providers that need one.
   *
   * @return the key, or empty
   */
  public Optional<Secret> apiKey() {
    return Optional.ofNullable(apiKey);
  }

  /**
   * The configured temperature ({@code llm.temperature}), for information. Trinity's pipeline
   * already puts it in every request that sets none, so a provider sends {@link
   * LlmRequest#temperature()} as it is and does not apply this itself (see {@link
   * LlmProvider#generate(LlmRequest)}).
   *
   * @return the temperature, or empty for the provider's own default
   */
  public Optional<Double> temperature() {
    return Optional.ofNullable(temperature);
  }

  /**
   * Provider-specific options.
   *
   * @return an unmodifiable map
   */
  public Map<String, String> options() {
    return options;
  }

  /**
   * One provider-specific option.
   *
   * @param key the option's key
   * @return the value, or empty
   */
  public Optional<String> option(String key) {
    return Optional.ofNullable(options.get(key));
  }

  /**
   * Compares every setting, the API key included.
   *
   * @param o another object
   * @return true when {@code o} is a provider configuration with the same settings
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof ProviderConfig c
        && provider.equals(c.provider)
        && baseUrl.equals(c.baseUrl)
        && model.equals(c.model)
        && Objects.equals(apiKey, c.apiKey)
        && Objects.equals(temperature, c.temperature)
        && options.equals(c.options);
  }

  @Override
  public int hashCode() {
    return Objects.hash(provider, baseUrl, model, apiKey, temperature, options);
  }

  /** Describes the configuration; the API key is masked. */
  @Override
  public String toString() {
    return "ProviderConfig[provider="
        + provider
        + ", baseUrl="
        + baseUrl
        + ", model="
        + model
        + ", apiKey="
        + (apiKey == null ? "none" : apiKey)
        + ", temperature="
        + temperature
        + ", options="
        + new TreeMap<>(options)
        + "]";
  }

  /** Builds a {@link ProviderConfig}. */
  public static final class Builder {
    private final String provider;
    private final URI baseUrl;
    private final String model;
    private @Nullable Secret apiKey;
    private @Nullable Double temperature;
    private final Map<String, String> options = new TreeMap<>();

    private Builder(String provider, URI baseUrl, String model) {
      Objects.requireNonNull(provider, "provider");
      Objects.requireNonNull(baseUrl, "baseUrl");
      Objects.requireNonNull(model, "model");
      Checks.requireNonBlank(provider, "provider");
      Checks.requireNonBlank(model, "model");
      Checks.requireHttpUrl(baseUrl, "baseUrl", "the API key");
      String s = baseUrl.toString();
      this.provider = provider;
      this.baseUrl = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
      this.model = model;
    }

    /**
     * Sets the API key.
     *
     * @param apiKey the key, or null for none
     * @return this builder
     */
    public Builder apiKey(@Nullable Secret apiKey) {
      this.apiKey = apiKey;
      return this;
    }

    /**
     * Sets the default temperature.
     *
     * @param temperature in [0, 2], or null
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder temperature(@Nullable Double temperature) {
      if (temperature != null) {
        Checks.requireRange(temperature, 0, 2, "temperature");
      }
      this.temperature = temperature;
      return this;
    }

    /**
     * Sets a provider-specific option.
     *
     * @param key the option's key
     * @param value its value
     * @return this builder
     */
    public Builder option(String key, String value) {
      options.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Builds the configuration.
     *
     * @return the immutable configuration
     */
    public ProviderConfig build() {
      return new ProviderConfig(this);
    }
  }
}
