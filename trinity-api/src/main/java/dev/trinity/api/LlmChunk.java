package dev.trinity.api;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One piece of a streamed answer: a text delta, or the last chunk of the stream.
 *
 * <p>A stream is zero or more text chunks followed by exactly one last chunk ({@link #isLast()}),
 * which carries the usage and the finish reason; its own text is usually empty. The last chunk a
 * client's stream delivers also carries the whole answer ({@link #response()}), with the latency,
 * attempts and cache source the pipeline measured. Immutable and thread-safe.
 */
public final class LlmChunk {
  private final String text;
  private final boolean last;
  private final @Nullable Usage usage;
  private final @Nullable String finishReason;
  private final @Nullable String model;
  private final @Nullable LlmResponse response;

  private LlmChunk(
      String text,
      boolean last,
      @Nullable Usage usage,
      @Nullable String finishReason,
      @Nullable String model,
      @Nullable LlmResponse response) {
    this.text = Objects.requireNonNull(text, "text");
    this.last = last;
    this.usage = usage;
    this.finishReason = finishReason;
    this.model = model;
    this.response = response;
  }

  /**
   * A text delta.
   *
   * @param text the text produced since the previous chunk; may be empty
   * @return the chunk
   * @throws NullPointerException when {@code text} is null
   */
  public static LlmChunk text(String text) {
    return new LlmChunk(text, false, null, null, null, null);
  }

  /**
   * The last chunk of a provider's stream.
   *
   * @param usage the tokens the whole answer used ({@link Usage#NONE} when the server said nothing)
   * @param finishReason why the model stopped, such as {@code stop} or {@code length}; may be null
   * @param model the model that answered, as the server named it; may be null
   * @return the chunk, with empty text
   */
  public static LlmChunk last(Usage usage, @Nullable String finishReason, @Nullable String model) {
    return new LlmChunk(
        "", true, Objects.requireNonNull(usage, "usage"), finishReason, model, null);
  }

  /**
   * The last chunk of a client's stream: the usage, finish reason and model of the whole answer.
   *
   * @param response the whole answer, as {@link AsyncLlmClient#generate} would have returned it
   * @return the chunk, with empty text
   */
  public static LlmChunk last(LlmResponse response) {
    return new LlmChunk(
        "",
        true,
        response.usage(),
        response.finishReason().orElse(null),
        response.model(),
        response);
  }

  /**
   * The text produced since the previous chunk; empty for most last chunks.
   *
   * @return the delta
   */
  public String text() {
    return text;
  }

  /**
   * Whether this is the stream's last chunk.
   *
   * @return true for the last chunk
   */
  public boolean isLast() {
    return last;
  }

  /**
   * The tokens the whole answer used; present on the last chunk only.
   *
   * @return the usage
   */
  public Optional<Usage> usage() {
    return Optional.ofNullable(usage);
  }

  /**
   * Why the model stopped; on the last chunk only, and only when the server said.
   *
   * @return the finish reason
   */
  public Optional<String> finishReason() {
    return Optional.ofNullable(finishReason);
  }

  /**
   * The model that answered, as the server named it; on the last chunk only.
   *
   * @return the model
   */
  public Optional<String> model() {
    return Optional.ofNullable(model);
  }

  /**
   * The whole answer; present on the last chunk a client's stream delivers (not on a provider's).
   *
   * @return the answer, with latency, attempts, cache source and correlation id
   */
  public Optional<LlmResponse> response() {
    return Optional.ofNullable(response);
  }

  @Override
  public String toString() {
    return last
        ? "LlmChunk[last, usage=" + usage + ", finishReason=" + finishReason + "]"
        : "LlmChunk[" + text.length() + " chars]";
  }
}
