package dev.trinity.api;

import dev.trinity.api.internal.Checks;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A model's answer and how it was obtained. Immutable and thread-safe.
 *
 * <p>Providers build responses with {@link #builder()}; the pipeline adds what it knows (attempts,
 * cache tier, correlation id) through {@link #toBuilder()}.
 */
public final class LlmResponse {
  private final String text;
  private final String model;
  private final String provider;
  private final Usage usage;
  private final Duration latency;
  private final @Nullable String finishReason;
  private final ResponseSource source;
  private final @Nullable String cacheTier;
  private final int attempts;
  private final @Nullable String correlationId;
  private final List<SkippedProvider> skipped;

  private LlmResponse(Builder b) {
    this.text = Objects.requireNonNull(b.text, "text");
    this.model = Objects.requireNonNull(b.model, "model");
    this.provider = Objects.requireNonNull(b.provider, "provider");
    this.usage = b.usage;
    this.latency = b.latency;
    this.finishReason = b.finishReason;
    this.source = b.source;
    this.cacheTier = b.cacheTier;
    this.attempts = b.attempts;
    this.correlationId = b.correlationId;
    this.skipped = List.copyOf(b.skipped);
  }

  /**
   * A new builder; {@code text}, {@code model} and {@code provider} are required.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this response's values.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * The generated text, as the model wrote it.
   *
   * @return the text (may be empty, never null)
   */
  public String text() {
    return text;
  }

  /**
   * The model that answered, as the provider named it.
   *
   * @return the model name
   */
  public String model() {
    return model;
  }

  /**
   * The provider that answered.
   *
   * @return the provider's name
   */
  public String provider() {
    return provider;
  }

  /**
   * Token counts reported by the provider.
   *
   * @return the usage, {@link Usage#NONE} when not reported
   */
  public Usage usage() {
    return usage;
  }

  /**
   * Time from submitting the request to this answer, including retries (near zero for a cache hit).
   *
   * @return the latency
   */
  public Duration latency() {
    return latency;
  }

  /**
   * Why the model stopped, in the provider's words ({@code stop}, {@code length}, …).
   *
   * @return the reason, or empty when not reported
   */
  public Optional<String> finishReason() {
    return Optional.ofNullable(finishReason);
  }

  /**
   * Where this answer came from.
   *
   * @return the source
   */
  public ResponseSource source() {
    return source;
  }

  /**
   * Whether a cache tier served this answer.
   *
   * @return true when {@link #source()} is {@link ResponseSource#CACHE}
   */
  public boolean cached() {
    return source == ResponseSource.CACHE;
  }

  /**
   * The cache tier that served this answer, such as {@code memory}.
   *
   * @return the tier's name, or empty when not served from cache
   */
  public Optional<String> cacheTier() {
    return Optional.ofNullable(cacheTier);
  }

  /**
   * How many provider calls the pipeline made for this answer (0 for a cache hit).
   *
   * @return the attempt count
   */
  public int attempts() {
    return attempts;
  }

  /**
   * The correlation id this request's log lines carry.
   *
   * @return the id, or empty when the response was built outside the pipeline
   */
  public Optional<String> correlationId() {
    return Optional.ofNullable(correlationId);
  }

  /**
   * The providers of the fallback chain ({@code llm.fallbacks}) that this request went past before
   * {@link #provider()} answered, in chain order, each with the reason. Empty when the first
   * provider answered (or served the answer from its cache), and always empty without fallbacks.
   *
   * @return an unmodifiable list
   */
  public List<SkippedProvider> skipped() {
    return skipped;
  }

  /**
   * Whether a fallback provider answered because earlier providers of the chain were skipped.
   *
   * @return true when {@link #skipped()} is not empty
   */
  public boolean fellBack() {
    return !skipped.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LlmResponse r
        && text.equals(r.text)
        && model.equals(r.model)
        && provider.equals(r.provider)
        && usage.equals(r.usage)
        && latency.equals(r.latency)
        && Objects.equals(finishReason, r.finishReason)
        && source == r.source
        && Objects.equals(cacheTier, r.cacheTier)
        && attempts == r.attempts
        && Objects.equals(correlationId, r.correlationId)
        && skipped.equals(r.skipped);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        text,
        model,
        provider,
        usage,
        latency,
        finishReason,
        source,
        cacheTier,
        attempts,
        correlationId,
        skipped);
  }

  /** Describes the response without its text, which is model output and not for logs. */
  @Override
  public String toString() {
    return "LlmResponse[provider="
        + provider
        + ", model="
        + model
        + ", length="
        + text.length()
        + ", usage="
        + usage
        + ", latency="
        + latency
        + ", source="
        + source
        + (cacheTier == null ? "" : ", cacheTier=" + cacheTier)
        + ", attempts="
        + attempts
        + ", finishReason="
        + finishReason
        + ", correlationId="
        + correlationId
        + (skipped.isEmpty() ? "" : ", skipped=" + skipped)
        + "]";
  }

  /** Builds an {@link LlmResponse}. */
  public static final class Builder {
    private @Nullable String text;
    private @Nullable String model;
    private @Nullable String provider;
    private Usage usage = Usage.NONE;
    private Duration latency = Duration.ZERO;
    private @Nullable String finishReason;
    private ResponseSource source = ResponseSource.PROVIDER;
    private @Nullable String cacheTier;
    private int attempts = 1;
    private @Nullable String correlationId;
    private List<SkippedProvider> skipped = List.of();

    private Builder() {}

    private Builder(LlmResponse r) {
      text = r.text;
      model = r.model;
      provider = r.provider;
      usage = r.usage;
      latency = r.latency;
      finishReason = r.finishReason;
      source = r.source;
      cacheTier = r.cacheTier;
      attempts = r.attempts;
      correlationId = r.correlationId;
      skipped = r.skipped;
    }

    /**
     * Sets the generated text.
     *
     * @param text the text
     * @return this builder
     */
    public Builder text(String text) {
      this.text = Objects.requireNonNull(text, "text");
      return this;
    }

    /**
     * Sets the model that answered.
     *
     * @param model the model name
     * @return this builder
     */
    public Builder model(String model) {
      this.model = Objects.requireNonNull(model, "model");
      return this;
    }

    /**
     * Sets the provider that answered.
     *
     * @param provider the provider's name
     * @return this builder
     */
    public Builder provider(String provider) {
      this.provider = Objects.requireNonNull(provider, "provider");
      return this;
    }

    /**
     * Sets the token usage.
     *
     * @param usage the usage
     * @return this builder
     */
    public Builder usage(Usage usage) {
      this.usage = Objects.requireNonNull(usage, "usage");
      return this;
    }

    /**
     * Sets the latency.
     *
     * @param latency zero or positive
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder latency(Duration latency) {
      Checks.requireNonNegative(latency, "latency");
      this.latency = latency;
      return this;
    }

    /**
     * Sets why the model stopped.
     *
     * @param finishReason the provider's reason, or null
     * @return this builder
     */
    public Builder finishReason(@Nullable String finishReason) {
      this.finishReason = finishReason;
      return this;
    }

    /**
     * Sets where the answer came from.
     *
     * @param source the source
     * @param cacheTier the tier's name when {@code source} is {@link ResponseSource#CACHE},
     *     otherwise null
     * @return this builder
     * @throws IllegalArgumentException when a cache source has no tier or another source has one
     */
    public Builder source(ResponseSource source, @Nullable String cacheTier) {
      if ((source == ResponseSource.CACHE) != (cacheTier != null)) {
        throw new IllegalArgumentException("cacheTier is required for CACHE and only for CACHE");
      }
      this.source = source;
      this.cacheTier = cacheTier;
      return this;
    }

    /**
     * Sets the number of provider calls made.
     *
     * @param attempts zero or more
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder attempts(int attempts) {
      Checks.requireNonNegative(attempts, "attempts");
      this.attempts = attempts;
      return this;
    }

    /**
     * Sets the correlation id.
     *
     * @param correlationId the id, or null
     * @return this builder
     */
    public Builder correlationId(@Nullable String correlationId) {
      this.correlationId = correlationId;
      return this;
    }

    /**
     * Sets the providers of the fallback chain skipped before this answer.
     *
     * @param skipped the skipped providers, in chain order
     * @return this builder
     */
    public Builder skipped(List<SkippedProvider> skipped) {
      this.skipped = List.copyOf(skipped);
      return this;
    }

    /**
     * Builds the response.
     *
     * @return the immutable response
     * @throws NullPointerException when text, model or provider is missing
     */
    public LlmResponse build() {
      return new LlmResponse(this);
    }
  }
}
