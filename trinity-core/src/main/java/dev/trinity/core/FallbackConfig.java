package dev.trinity.core;

import dev.trinity.api.Secret;
import dev.trinity.api.internal.Checks;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One provider of the fallback chain: an entry of {@code llm.fallbacks}, tried in order when the
 * provider before it fails with a retryable error after its retries, has its circuit breaker open,
 * or has its concurrency queue full. Each entry gets its own circuit breaker, concurrency limit and
 * cache keys; the retry policy, deadline and temperature default are the {@code llm:} section's.
 * Immutable and thread-safe; build with {@link #builder(String)}.
 *
 * <pre>{@code
 * Trinity.builder()
 *     .fallback(FallbackConfig.builder("llamacpp").baseUrl("http://gpu-box:8080").model("qwen2.5").build())
 *     .build();
 * }</pre>
 */
public final class FallbackConfig {
  private final String provider;
  private final @Nullable URI baseUrl;
  private final @Nullable String model;
  private final @Nullable Secret apiKey;
  private final Map<String, String> options;

  private FallbackConfig(Builder b) {
    this.provider = b.provider;
    this.baseUrl = b.baseUrl;
    this.model = b.model;
    this.apiKey = b.apiKey;
    this.options = Map.copyOf(b.options);
  }

  /**
   * A builder for a fallback to the named provider.
   *
   * @param provider a name a registered factory declares, such as {@code llamacpp} or {@code
   *     openai}
   * @return the builder
   * @throws IllegalArgumentException when not a lower-case name
   */
  public static Builder builder(String provider) {
    return new Builder(provider);
  }

  /**
   * A builder holding this entry's values.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(provider);
    b.baseUrl = baseUrl;
    b.model = model;
    b.apiKey = apiKey;
    b.options.putAll(options);
    return b;
  }

  /**
   * The provider's name.
   *
   * @return the name, such as {@code llamacpp}
   */
  public String provider() {
    return provider;
  }

  /**
   * The server's base URL.
   *
   * @return the URL, or empty for the provider's default
   */
  public Optional<URI> baseUrl() {
    return Optional.ofNullable(baseUrl);
  }

  /**
   * The model this provider is asked for. A model named in the request applies to the first
   * provider only: a fallback always asks for its own.
   *
   * @return the model, or empty for the provider's default
   */
  public Optional<String> model() {
    return Optional.ofNullable(model);
  }

  /**
   * The API key.
   *
   * @return the key, or empty
   */
  public Optional<Secret> apiKey() {
    return Optional.ofNullable(apiKey);
  }

  /**
   * Provider-specific options.
   *
   * @return an unmodifiable map
   */
  public Map<String, String> options() {
    return options;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FallbackConfig c
        && provider.equals(c.provider)
        && Objects.equals(baseUrl, c.baseUrl)
        && Objects.equals(model, c.model)
        && Objects.equals(apiKey, c.apiKey)
        && options.equals(c.options);
  }

  @Override
  public int hashCode() {
    return Objects.hash(provider, baseUrl, model, apiKey, options);
  }

  /** Describes the entry; the API key is masked. */
  @Override
  public String toString() {
    return "FallbackConfig[provider="
        + provider
        + ", baseUrl="
        + baseUrl
        + ", model="
        + model
        + ", apiKey="
        + (apiKey == null ? "none" : apiKey)
        + ", options="
        + new TreeMap<>(options)
        + "]";
  }

  /**
   * Builds a {@link FallbackConfig}; setters validate and name what they reject. Not thread-safe.
   */
  public static final class Builder {
    private final String provider;
    private @Nullable URI baseUrl;
    private @Nullable String model;
    private @Nullable Secret apiKey;
    private final Map<String, String> options = new TreeMap<>();

    private Builder(String provider) {
      Objects.requireNonNull(provider, "provider");
      if (!provider.matches("[a-z0-9][a-z0-9_.-]{0,63}")) {
        throw new IllegalArgumentException(
            "provider must be a lower-case name such as 'llamacpp', was '" + provider + "'");
      }
      this.provider = provider;
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
        Checks.requireHttpUrl(baseUrl, "base_url", "api_key");
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
            "base_url must be an absolute http:// or https:// URL, was '" + baseUrl + "'", e);
      }
    }

    /**
     * Sets the model.
     *
     * @param model the model, or null for the provider's default
     * @return this builder
     * @throws IllegalArgumentException when blank
     */
    public Builder model(@Nullable String model) {
      if (model != null) {
        Checks.requireNonBlank(model, "model");
      }
      this.model = model;
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
     * Builds the entry.
     *
     * @return the immutable entry
     */
    public FallbackConfig build() {
      return new FallbackConfig(this);
    }
  }
}
