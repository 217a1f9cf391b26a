package dev.trinity.api;

import dev.trinity.api.internal.Checks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One request to a language model. Immutable and thread-safe; build with {@link #builder()} or
 * {@link #of(String)}, derive variants with {@link #toBuilder()}.
 *
 * <p>Unset sampling options ({@code temperature}, {@code topP}, …) fall back to the client's
 * configuration, then to the provider's own defaults. Per-request overrides of client-wide
 * behaviour (deadline, cache policy, correlation id) live here too.
 */
public final class LlmRequest {
  /** Longest accepted correlation id. */
  public static final int MAX_CORRELATION_ID_LENGTH = 128;

  private final @Nullable String systemPrompt;
  private final List<Message> messages;
  private final @Nullable String model;
  private final @Nullable Double temperature;
  private final @Nullable Double topP;
  private final @Nullable Integer maxTokens;
  private final @Nullable Long seed;
  private final ResponseFormat responseFormat;
  private final @Nullable Duration timeout;
  private final @Nullable String correlationId;
  private final CachePolicy cachePolicy;
  private final @Nullable String promptVersion;

  private LlmRequest(Builder b) {
    this.systemPrompt = b.systemPrompt;
    this.messages = b.messagesForBuild();
    this.model = b.model;
    this.temperature = b.temperature;
    this.topP = b.topP;
    this.maxTokens = b.maxTokens;
    this.seed = b.seed;
    this.responseFormat = b.responseFormat;
    this.timeout = b.timeout;
    this.correlationId = b.correlationId;
    this.cachePolicy = b.cachePolicy;
    this.promptVersion = b.promptVersion;
  }

  /**
   * A request with a single user message and every other option at its default.
   *
   * @param prompt the user message
   * @return the request
   * @throws IllegalArgumentException when the prompt is blank
   */
  public static LlmRequest of(String prompt) {
    return builder().prompt(prompt).build();
  }

  /**
   * A new, empty builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this request's values.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * The system prompt, sent before the messages.
   *
   * @return the system prompt, or empty
   */
  public Optional<String> systemPrompt() {
    return Optional.ofNullable(systemPrompt);
  }

  /**
   * The conversation, oldest first; never empty.
   *
   * @return an unmodifiable list
   */
  public List<Message> messages() {
    return messages;
  }

  /**
   * The model, overriding the configured one.
   *
   * @return the model name, or empty to use the configured model
   */
  public Optional<String> model() {
    return Optional.ofNullable(model);
  }

  /**
   * Sampling temperature in [0, 2].
   *
   * @return the temperature, or empty for the configured default
   */
  public Optional<Double> temperature() {
    return Optional.ofNullable(temperature);
  }

  /**
   * Nucleus sampling mass in (0, 1].
   *
   * @return top_p, or empty for the provider's default
   */
  public Optional<Double> topP() {
    return Optional.ofNullable(topP);
  }

  /**
   * Most tokens to generate.
   *
   * @return the cap, or empty for the provider's default
   */
  public Optional<Integer> maxTokens() {
    return Optional.ofNullable(maxTokens);
  }

  /**
   * Sampling seed, for providers that support reproducible output.
   *
   * @return the seed, or empty
   */
  public Optional<Long> seed() {
    return Optional.ofNullable(seed);
  }

  /**
   * The shape the answer should take.
   *
   * @return the response format, {@link ResponseFormat#text()} by default
   */
  public ResponseFormat responseFormat() {
    return responseFormat;
  }

  /**
   * The deadline for this request, covering every attempt and back-off.
   *
   * @return the deadline, or empty for the configured {@code llm.timeout}
   */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /**
   * The correlation id every log line of this request carries.
   *
   * @return the id, or empty to take the caller's MDC value or a fresh one
   */
  public Optional<String> correlationId() {
    return Optional.ofNullable(correlationId);
  }

  /**
   * How this request uses the response cache.
   *
   * @return the policy, {@link CachePolicy#USE} by default
   */
  public CachePolicy cachePolicy() {
    return cachePolicy;
  }

  /**
   * The version of the prompt template this request was built from; part of the cache key, so that
   * changing a template never serves answers to the old one.
   *
   * @return the version, or empty
   */
  public Optional<String> promptVersion() {
    return Optional.ofNullable(promptVersion);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LlmRequest r
        && Objects.equals(systemPrompt, r.systemPrompt)
        && messages.equals(r.messages)
        && Objects.equals(model, r.model)
        && Objects.equals(temperature, r.temperature)
        && Objects.equals(topP, r.topP)
        && Objects.equals(maxTokens, r.maxTokens)
        && Objects.equals(seed, r.seed)
        && responseFormat.equals(r.responseFormat)
        && Objects.equals(timeout, r.timeout)
        && Objects.equals(correlationId, r.correlationId)
        && cachePolicy == r.cachePolicy
        && Objects.equals(promptVersion, r.promptVersion);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        systemPrompt,
        messages,
        model,
        temperature,
        topP,
        maxTokens,
        seed,
        responseFormat,
        timeout,
        correlationId,
        cachePolicy,
        promptVersion);
  }

  /** Describes the request without its prompt text, which is not for logs. */
  @Override
  public String toString() {
    return "LlmRequest[messages="
        + messages.size()
        + ", model="
        + model
        + ", temperature="
        + temperature
        + ", topP="
        + topP
        + ", maxTokens="
        + maxTokens
        + ", seed="
        + seed
        + ", promptVersion="
        + promptVersion
        + ", format="
        + responseFormat
        + ", timeout="
        + timeout
        + ", correlationId="
        + correlationId
        + ", cachePolicy="
        + cachePolicy
        + "]";
  }

  /** Builds an {@link LlmRequest}. Setters validate at once and name the field they reject. */
  public static final class Builder {
    private @Nullable String systemPrompt;
    // the request's own (immutable) list until a setter changes it: toBuilder().model(m).build()
    // then copies no messages
    private List<Message> messages = List.of();
    private boolean messagesShared = true;
    private @Nullable String model;
    private @Nullable Double temperature;
    private @Nullable Double topP;
    private @Nullable Integer maxTokens;
    private @Nullable Long seed;
    private ResponseFormat responseFormat = ResponseFormat.text();
    private @Nullable Duration timeout;
    private @Nullable String correlationId;
    private CachePolicy cachePolicy = CachePolicy.USE;
    private @Nullable String promptVersion;

    private Builder() {}

    private Builder(LlmRequest r) {
      systemPrompt = r.systemPrompt;
      messages = r.messages;
      messagesShared = true;
      model = r.model;
      temperature = r.temperature;
      topP = r.topP;
      maxTokens = r.maxTokens;
      seed = r.seed;
      responseFormat = r.responseFormat;
      timeout = r.timeout;
      correlationId = r.correlationId;
      cachePolicy = r.cachePolicy;
      promptVersion = r.promptVersion;
    }

    /**
     * Sets the system prompt.
     *
     * @param systemPrompt the text, or null to clear it
     * @return this builder
     * @throws IllegalArgumentException when blank
     */
    public Builder systemPrompt(@Nullable String systemPrompt) {
      if (systemPrompt != null) {
        Checks.requireNonBlank(systemPrompt, "systemPrompt");
      }
      this.systemPrompt = systemPrompt;
      return this;
    }

    /**
     * Replaces the conversation with one user message.
     *
     * @param prompt the user message
     * @return this builder
     * @throws IllegalArgumentException when blank
     */
    public Builder prompt(String prompt) {
      Message m = Message.user(Objects.requireNonNull(prompt, "prompt"));
      ownMessages().clear();
      messages.add(m);
      return this;
    }

    /**
     * Appends a message to the conversation.
     *
     * @param message the message
     * @return this builder
     */
    public Builder addMessage(Message message) {
      Objects.requireNonNull(message, "message");
      ownMessages().add(message);
      return this;
    }

    /**
     * Replaces the conversation.
     *
     * @param messages the messages, oldest first
     * @return this builder
     */
    public Builder messages(List<Message> messages) {
      List<Message> copy = List.copyOf(messages);
      ownMessages().clear();
      this.messages.addAll(copy);
      return this;
    }

    /**
     * Overrides the configured model.
     *
     * @param model the model name, or null to use the configured one
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
     * Sets the sampling temperature.
     *
     * @param temperature in [0, 2], or null for the default
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
     * Sets nucleus sampling.
     *
     * @param topP in (0, 1], or null for the default
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder topP(@Nullable Double topP) {
      if (topP != null) {
        Checks.requireRangeAboveMin(topP, 0, 1, "topP");
      }
      this.topP = topP;
      return this;
    }

    /**
     * Caps the number of generated tokens.
     *
     * @param maxTokens at least 1, or null for the default
     * @return this builder
     * @throws IllegalArgumentException when below 1
     */
    public Builder maxTokens(@Nullable Integer maxTokens) {
      if (maxTokens != null) {
        Checks.requirePositive(maxTokens, "maxTokens");
      }
      this.maxTokens = maxTokens;
      return this;
    }

    /**
     * Sets the sampling seed.
     *
     * @param seed the seed, or null for none
     * @return this builder
     */
    public Builder seed(@Nullable Long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Sets the response format.
     *
     * @param responseFormat the format
     * @return this builder
     */
    public Builder responseFormat(ResponseFormat responseFormat) {
      this.responseFormat = Objects.requireNonNull(responseFormat, "responseFormat");
      return this;
    }

    /**
     * Sets this request's deadline, covering all attempts and back-off.
     *
     * @param timeout positive, or null for the configured {@code llm.timeout}
     * @return this builder
     * @throws IllegalArgumentException when zero or negative
     */
    public Builder timeout(@Nullable Duration timeout) {
      if (timeout != null) {
        Checks.requirePositive(timeout, "timeout");
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Sets the correlation id for this request's log lines.
     *
     * @param correlationId 1-128 printable characters without spaces, or null
     * @return this builder
     * @throws IllegalArgumentException when empty, too long or containing spaces or control
     *     characters
     */
    public Builder correlationId(@Nullable String correlationId) {
      if (correlationId != null) {
        if (correlationId.isEmpty() || correlationId.length() > MAX_CORRELATION_ID_LENGTH) {
          throw new IllegalArgumentException(
              "correlationId must be 1-" + MAX_CORRELATION_ID_LENGTH + " characters");
        }
        for (int i = 0; i < correlationId.length(); i++) {
          char c = correlationId.charAt(i);
          if (c <= ' ' || c == 0x7f) {
            throw new IllegalArgumentException(
                "correlationId must not contain spaces or control characters");
          }
        }
      }
      this.correlationId = correlationId;
      return this;
    }

    /**
     * Sets how this request uses the cache.
     *
     * @param cachePolicy the policy
     * @return this builder
     */
    public Builder cachePolicy(CachePolicy cachePolicy) {
      this.cachePolicy = Objects.requireNonNull(cachePolicy, "cachePolicy");
      return this;
    }

    /**
     * Sets the prompt-template version (part of the cache key).
     *
     * @param promptVersion the version, or null
     * @return this builder
     */
    public Builder promptVersion(@Nullable String promptVersion) {
      this.promptVersion = promptVersion;
      return this;
    }

    private List<Message> ownMessages() {
      if (messagesShared) {
        messages = new ArrayList<>(messages);
        messagesShared = false;
      }
      return messages;
    }

    private List<Message> messagesForBuild() {
      return messagesShared ? messages : List.copyOf(messages);
    }

    /**
     * Builds the request.
     *
     * @return the immutable request
     * @throws IllegalArgumentException when there are no messages
     */
    public LlmRequest build() {
      if (messages.isEmpty()) {
        throw new IllegalArgumentException("a request needs a prompt or at least one message");
      }
      return new LlmRequest(this);
    }
  }
}
