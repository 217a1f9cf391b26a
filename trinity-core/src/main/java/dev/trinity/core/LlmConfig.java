package dev.trinity.core;

import dev.trinity.api.Secret;
import dev.trinity.api.internal.Checks;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Which model server Trinity talks to and how: the {@code llm:} section of the configuration.
 * Immutable; build with {@link #builder()}.
 */
public final class LlmConfig {
  /** Default provider: {@value}. */
  public static final String DEFAULT_PROVIDER = "ollama";

  /** Default request deadline, covering every attempt: 60 s. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  /** Default TCP/TLS connect timeout: 10 s. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** Default temperature: {@value}. */
  public static final double DEFAULT_TEMPERATURE = 0.7;

  /** Default cap on a response body: 16 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

  private static final LlmConfig DEFAULTS = builder().build();

  private final String provider;
  private final @Nullable URI baseUrl;
  private final @Nullable String model;
  private final @Nullable Secret apiKey;
  private final Duration timeout;
  private final Duration connectTimeout;
  private final @Nullable Double temperature;
  private final long maxResponseBytes;
  private final boolean http2Cleartext;
  private final Map<String, String> options;
  private final List<FallbackConfig> fallbacks;

  private LlmConfig(Builder b) {
    provider = b.provider;
    baseUrl = b.baseUrl;
    model = b.model;
    apiKey = b.apiKey;
    timeout = b.timeout;
    connectTimeout = b.connectTimeout;
    temperature = b.temperature;
    maxResponseBytes = b.maxResponseBytes;
    http2Cleartext = b.http2Cleartext;
    options = Map.copyOf(b.options);
    fallbacks = List.copyOf(b.fallbacks);
  }

  /**
   * The defaults: Ollama on its default port with {@code llama3.2:3b}.
   *
   * @return the default configuration
   */
  public static LlmConfig ofDefaults() {
    return DEFAULTS;
  }

  /**
   * A builder starting from the defaults.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder starting from this configuration.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.provider = provider;
    b.baseUrl = baseUrl;
    b.model = model;
    b.apiKey = apiKey;
    b.timeout = timeout;
    b.connectTimeout = connectTimeout;
    b.temperature = temperature;
    b.maxResponseBytes = maxResponseBytes;
    b.http2Cleartext = http2Cleartext;
    b.options.putAll(options);
    b.fallbacks.addAll(fallbacks);
    return b;
  }

  /**
   * The provider's name ({@code llm.provider}).
   *
   * @return the name, such as {@code ollama}
   */
  public String provider() {
    return provider;
  }

  /**
   * The server's base URL ({@code llm.base_url}).
   *
   * @return the URL, or empty for the provider's default
   */
  public Optional<URI> baseUrl() {
    return Optional.ofNullable(baseUrl);
  }

  /**
   * The default model ({@code llm.model}).
   *
   * @return the model, or empty for the provider's default
   */
  public Optional<String> model() {
    return Optional.ofNullable(model);
  }

  /**
   * The API key ({@code llm.api_key}).
   *
   * @return the key, or empty
   */
  public Optional<Secret> apiKey() {
    return Optional.ofNullable(apiKey);
  }

  /**
   * The default deadline of a request, covering every attempt and back-off ({@code llm.timeout}).
   *
   * @return the deadline
   */
  public Duration timeout() {
    return timeout;
  }

  /**
   * The connect timeout ({@code llm.connect_timeout}).
   *
   * @return the timeout
   */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /**
   * The default temperature ({@code llm.temperature}).
   *
   * @return the temperature, or empty for the provider's own default
   */
  public Optional<Double> temperature() {
    return Optional.ofNullable(temperature);
  }

  /**
   * The cap on a response body ({@code llm.max_response_size}).
   *
   * @return bytes
   */
  public long maxResponseBytes() {
    return maxResponseBytes;
  }

  /**
   * Whether cleartext {@code http://} requests may upgrade to HTTP/2 (h2c) ({@code
   * llm.http2_cleartext}). Off by default: uvicorn-based servers drop the body of an upgraded
   * request.
   *
   * @return true to allow h2c
   */
  public boolean http2Cleartext() {
    return http2Cleartext;
  }

  /**
   * Provider-specific options ({@code llm.options}).
   *
   * @return an unmodifiable map
   */
  public Map<String, String> options() {
    return options;
  }

  /**
   * The fallback chain ({@code llm.fallbacks}): the providers a request goes to, in order, when the
   * one before fails with a retryable error after its retries, has its circuit breaker open, or has
   * its concurrency queue full. See {@link FallbackConfig}.
   *
   * @return an unmodifiable list, empty when there is no fallback (the default)
   */
  public List<FallbackConfig> fallbacks() {
    return fallbacks;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LlmConfig c
        && provider.equals(c.provider)
        && Objects.equals(baseUrl, c.baseUrl)
        && Objects.equals(model, c.model)
        && Objects.equals(apiKey, c.apiKey)
        && timeout.equals(c.timeout)
        && connectTimeout.equals(c.connectTimeout)
        && Objects.equals(temperature, c.temperature)
        && maxResponseBytes == c.maxResponseBytes
        && http2Cleartext == c.http2Cleartext
        && options.equals(c.options)
        && fallbacks.equals(c.fallbacks);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        provider,
        baseUrl,
        model,
        apiKey,
        timeout,
        connectTimeout,
        temperature,
        maxResponseBytes,
        http2Cleartext,
        options,
        fallbacks);
  }

  /** Describes the configuration; the API key is masked. */
  @Override
  public String toString() {
    return "LlmConfig[provider="
        + provider
        + ", baseUrl="
        + baseUrl
        + ", model="
        + model
        + ", apiKey="
        + (apiKey == null ? "none" : apiKey)
        + ", timeout="
        + timeout
        + ", connectTimeout="
        + connectTimeout
        + ", temperature="
        + temperature
        + ", maxResponseBytes="
        + maxResponseBytes
        + ", http2Cleartext="
        + http2Cleartext
        + ", options="
        + new TreeMap<>(options)
        + (fallbacks.isEmpty() ? "" : ", fallbacks=" + fallbacks)
        + "]";
  }

  /** Builds an {@link LlmConfig}; setters validate and name the key they reject. */
  public static final class Builder {
    private String provider = DEFAULT_PROVIDER;
    private @Nullable URI baseUrl;
    private @Nullable String model;
    private @Nullable Secret apiKey;
    private Duration timeout = DEFAULT_TIMEOUT;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private @Nullable Double temperature = DEFAULT_TEMPERATURE;
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private boolean http2Cleartext;
    private final Map<String, String> options = new TreeMap<>();
    private final List<FallbackConfig> fallbacks = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the provider by name.
     *
     * @param provider a name a registered factory declares, such as {@code ollama}
     * @return this builder
     * @throws IllegalArgumentException when blank or not lower-case letters, digits, {@code -} and
     *     {@code _}
     */
    public Builder provider(String provider) {
      Objects.requireNonNull(provider, "provider");
      if (!provider.matches("[a-z0-9][a-z0-9_.-]{0,63}")) {
        throw new IllegalArgumentException(
            "llm.provider must be a lower-case name such as 'ollama', was '" + provider + "'");
      }
      this.provider = provider;
      return this;
    }

    /**
     * Sets the server's base URL.
     *
     * @param baseUrl an absolute {@code http://} or {@code https://} URL, or null for the
     *     provider's default
     * @return this builder
     * @throws IllegalArgumentException when not an absolute http(s) URL
     */
    public Builder baseUrl(@Nullable URI baseUrl) {
      if (baseUrl != null) {
        Checks.requireHttpUrl(baseUrl, "llm.base_url", "llm.api_key");
      }
      this.baseUrl = baseUrl;
      return this;
    }

    /**
     * Sets the server's base URL from text.
     *
     * @param baseUrl an absolute http(s) URL
     * @return this builder
     * @throws IllegalArgumentException when not an absolute http(s) URL
     */
    public Builder baseUrl(String baseUrl) {
      try {
        return baseUrl(new URI(baseUrl.strip()));
      } catch (java.net.URISyntaxException e) {
        throw new IllegalArgumentException(
            "llm.base_url must be an absolute http:// or https:// URL, was '" + baseUrl + "'", e);
      }
    }

    /**
     * Sets the default model.
     *
     * @param model the model, or null for the provider's default
     * @return this builder
     * @throws IllegalArgumentException when blank
     */
    public Builder model(@Nullable String model) {
      if (model != null) {
        Checks.requireNonBlank(model, "llm.model");
      }
      this.model = model;
      return this;
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
     * Sets the API key from text; an empty string clears it.
     *
     * @param apiKey the key, empty or null for none
     * @return this builder
     */
    public Builder apiKey(@Nullable String apiKey) {
      this.apiKey = apiKey == null || apiKey.isEmpty() ? null : Secret.of(apiKey);
      return this;
    }

    /**
     * Sets the default request deadline.
     *
     * @param timeout positive, at most 1 hour
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder timeout(Duration timeout) {
      this.timeout = positive("llm.timeout", timeout);
      return this;
    }

    /**
     * Sets the connect timeout.
     *
     * @param connectTimeout positive, at most 1 hour
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive("llm.connect_timeout", connectTimeout);
      return this;
    }

    /**
     * Sets the default temperature.
     *
     * @param temperature in [0, 2], or null for the provider's own default
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder temperature(@Nullable Double temperature) {
      if (temperature != null) {
        Checks.requireRange(temperature, 0, 2, "llm.temperature");
      }
      this.temperature = temperature;
      return this;
    }

    /**
     * Sets the cap on a response body.
     *
     * @param maxResponseBytes 1 KiB to 1 GiB
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder maxResponseBytes(long maxResponseBytes) {
      this.maxResponseBytes =
          Checks.requireRange(maxResponseBytes, 1024, 1L << 30, "llm.max_response_size");
      return this;
    }

    /**
     * Allows cleartext HTTP/2 upgrade.
     *
     * @param http2Cleartext true to allow h2c
     * @return this builder
     */
    public Builder http2Cleartext(boolean http2Cleartext) {
      this.http2Cleartext = http2Cleartext;
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
     * Adds a provider at the end of the fallback chain.
     *
     * @param fallback the provider to try after those added before it
     * @return this builder
     */
    public Builder fallback(FallbackConfig fallback) {
      fallbacks.add(Objects.requireNonNull(fallback, "fallback"));
      return this;
    }

    /**
     * Replaces the fallback chain.
     *
     * @param fallbacks the providers to try after the first one, in order; empty for none
     * @return this builder
     */
    public Builder fallbacks(List<FallbackConfig> fallbacks) {
      List<FallbackConfig> copy = List.copyOf(fallbacks);
      this.fallbacks.clear();
      this.fallbacks.addAll(copy);
      return this;
    }

    /**
     * Builds the configuration.
     *
     * @return the immutable configuration
     */
    public LlmConfig build() {
      return new LlmConfig(this);
    }

    private static Duration positive(String key, Duration d) {
      return Checks.requireAtMost(Checks.requirePositive(d, key), Duration.ofHours(1), key);
    }
  }
}
