package dev.trinity.api.content;

import dev.trinity.api.CachePolicy;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.internal.Checks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One content generation: a portfolio (a file or text), a theme (by name or as a {@link Theme}),
 * and per-request options that override the engine's. Immutable and thread-safe.
 *
 * <pre>{@code
 * ContentRequest.of(Path.of("portfolio.md"), "brutalist");
 * ContentRequest.builder()
 *     .portfolioText(text, "upload #42")
 *     .theme("hacker")
 *     .timeout(Duration.ofSeconds(30))
 *     .correlationId("build-123")
 *     .fallback(Fallback.offline())
 *     .build();
 * }</pre>
 *
 * <p>The builder checks only the request's shape. The portfolio itself (missing, unreadable, empty,
 * binary, too large) and the theme name are checked by the engine, which fails with an {@link
 * dev.trinity.api.InvalidInputException} naming the input.
 */
public final class ContentRequest {
  private final @Nullable Path portfolioFile;
  private final @Nullable String portfolioText;
  private final String inputName;
  private final @Nullable String themeName;
  private final @Nullable Theme theme;
  private final @Nullable String correlationId;
  private final @Nullable Duration timeout;
  private final CachePolicy cachePolicy;
  private final @Nullable Fallback fallback;

  private ContentRequest(Builder b) {
    this.portfolioFile = b.portfolioFile;
    this.portfolioText = b.portfolioText;
    this.inputName =
        b.inputName != null
            ? b.inputName
            : b.portfolioFile != null ? b.portfolioFile.toString() : "portfolio text";
    this.themeName = b.themeName;
    this.theme = b.theme;
    this.correlationId = b.correlationId;
    this.timeout = b.timeout;
    this.cachePolicy = b.cachePolicy;
    this.fallback = b.fallback;
  }

  /**
   * A request for a portfolio file and a theme by name.
   *
   * @param portfolio the file, UTF-8 text
   * @param theme the theme's name, such as {@code brutalist}
   * @return the request
   */
  public static ContentRequest of(Path portfolio, String theme) {
    return builder().portfolio(portfolio).theme(theme).build();
  }

  /**
   * A request for a portfolio file and a theme.
   *
   * @param portfolio the file, UTF-8 text
   * @param theme the theme
   * @return the request
   */
  public static ContentRequest of(Path portfolio, Theme theme) {
    return builder().portfolio(portfolio).theme(theme).build();
  }

  /**
   * A request for portfolio text and a theme.
   *
   * @param portfolioText the portfolio itself
   * @param theme the theme
   * @return the request
   */
  public static ContentRequest ofText(String portfolioText, Theme theme) {
    return builder().portfolioText(portfolioText).theme(theme).build();
  }

  /**
   * A request for portfolio text and a theme by name.
   *
   * @param portfolioText the portfolio itself
   * @param theme the theme's name
   * @return the request
   */
  public static ContentRequest ofText(String portfolioText, String theme) {
    return builder().portfolioText(portfolioText).theme(theme).build();
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
    Builder b = new Builder();
    b.portfolioFile = portfolioFile;
    b.portfolioText = portfolioText;
    b.inputName = inputName;
    b.themeName = themeName;
    b.theme = theme;
    b.correlationId = correlationId;
    b.timeout = timeout;
    b.cachePolicy = cachePolicy;
    b.fallback = fallback;
    return b;
  }

  /**
   * The portfolio file, when the request names one.
   *
   * @return the file, or empty when the portfolio is given as text
   */
  public Optional<Path> portfolioFile() {
    return Optional.ofNullable(portfolioFile);
  }

  /**
   * The portfolio text, when the request carries it.
   *
   * @return the text, or empty when the portfolio is a file
   */
  public Optional<String> portfolioText() {
    return Optional.ofNullable(portfolioText);
  }

  /**
   * What errors and log lines call the input: the file's path, or the name given with the text.
   *
   * @return the name
   */
  public String inputName() {
    return inputName;
  }

  /**
   * The theme's name, whether it was given by name or as a {@link Theme}.
   *
   * @return the name
   */
  public String themeName() {
    return theme != null ? theme.name() : Objects.requireNonNull(themeName);
  }

  /**
   * The theme, when the request carries one rather than a name.
   *
   * @return the theme, or empty when the engine looks it up by {@link #themeName()}
   */
  public Optional<Theme> theme() {
    return Optional.ofNullable(theme);
  }

  /**
   * The correlation id for every log line and model call of this generation.
   *
   * @return the id, or empty to take the caller's MDC value or a fresh one
   */
  public Optional<String> correlationId() {
    return Optional.ofNullable(correlationId);
  }

  /**
   * The deadline for the whole generation, repairs included.
   *
   * @return the deadline, or empty for {@code llm.timeout} per model call
   */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /**
   * How the model calls use the response cache.
   *
   * @return the policy, {@link CachePolicy#USE} by default
   */
  public CachePolicy cachePolicy() {
    return cachePolicy;
  }

  /**
   * The fallback for this request, overriding the engine's.
   *
   * @return the fallback, or empty for the engine's
   */
  public Optional<Fallback> fallback() {
    return Optional.ofNullable(fallback);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ContentRequest r
        && Objects.equals(portfolioFile, r.portfolioFile)
        && Objects.equals(portfolioText, r.portfolioText)
        && inputName.equals(r.inputName)
        && Objects.equals(themeName, r.themeName)
        && Objects.equals(theme, r.theme)
        && Objects.equals(correlationId, r.correlationId)
        && Objects.equals(timeout, r.timeout)
        && cachePolicy == r.cachePolicy
        && Objects.equals(fallback, r.fallback);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        portfolioFile,
        portfolioText,
        inputName,
        themeName,
        theme,
        correlationId,
        timeout,
        cachePolicy,
        fallback);
  }

  /** Describes the request without the portfolio text. */
  @Override
  public String toString() {
    return "ContentRequest[input="
        + inputName
        + ", theme="
        + themeName()
        + ", timeout="
        + timeout
        + ", correlationId="
        + correlationId
        + ", cachePolicy="
        + cachePolicy
        + ", fallback="
        + fallback
        + "]";
  }

  /** Builds a {@link ContentRequest}. Setters validate at once and name the field they reject. */
  public static final class Builder {
    private @Nullable Path portfolioFile;
    private @Nullable String portfolioText;
    private @Nullable String inputName;
    private @Nullable String themeName;
    private @Nullable Theme theme;
    private @Nullable String correlationId;
    private @Nullable Duration timeout;
    private CachePolicy cachePolicy = CachePolicy.USE;
    private @Nullable Fallback fallback;

    private Builder() {}

    /**
     * Sets the portfolio to a file, replacing any text.
     *
     * @param file the file, UTF-8 text
     * @return this builder
     */
    public Builder portfolio(Path file) {
      this.portfolioFile = Objects.requireNonNull(file, "portfolio");
      this.portfolioText = null;
      this.inputName = null;
      return this;
    }

    /**
     * Sets the portfolio to text, replacing any file; errors call it {@code portfolio text}.
     *
     * @param text the portfolio itself
     * @return this builder
     */
    public Builder portfolioText(String text) {
      return portfolioText(text, "portfolio text");
    }

    /**
     * Sets the portfolio to text with a name for errors and log lines, replacing any file.
     *
     * @param text the portfolio itself
     * @param name what to call it, such as the name of the upload it came from
     * @return this builder
     * @throws IllegalArgumentException when the name is blank
     */
    public Builder portfolioText(String text, String name) {
      Objects.requireNonNull(text, "portfolioText");
      Checks.requireNonBlank(name, "the portfolio text's name");
      this.portfolioText = text;
      this.portfolioFile = null;
      this.inputName = name;
      return this;
    }

    /**
     * Selects a theme by name, replacing any {@link Theme} set before.
     *
     * @param name the theme's name, such as {@code brutalist}
     * @return this builder
     * @throws IllegalArgumentException when blank
     */
    public Builder theme(String name) {
      Checks.requireNonBlank(name, "theme");
      this.themeName = name;
      this.theme = null;
      return this;
    }

    /**
     * Sets the theme itself, replacing any name set before.
     *
     * @param theme the theme
     * @return this builder
     */
    public Builder theme(Theme theme) {
      this.theme = Objects.requireNonNull(theme, "theme");
      this.themeName = null;
      return this;
    }

    /**
     * Sets the correlation id.
     *
     * @param correlationId 1-128 printable characters without spaces, or null
     * @return this builder
     * @throws IllegalArgumentException when not acceptable as a correlation id
     */
    public Builder correlationId(@Nullable String correlationId) {
      LlmRequest.builder().correlationId(correlationId); // the same rule as the model request
      this.correlationId = correlationId;
      return this;
    }

    /**
     * Sets the deadline for the whole generation, repairs included.
     *
     * @param timeout positive, or null for {@code llm.timeout} per model call
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
     * Sets how the model calls use the response cache.
     *
     * @param cachePolicy the policy
     * @return this builder
     */
    public Builder cachePolicy(CachePolicy cachePolicy) {
      this.cachePolicy = Objects.requireNonNull(cachePolicy, "cachePolicy");
      return this;
    }

    /**
     * Overrides the engine's fallback for this request.
     *
     * @param fallback the fallback, or null for the engine's
     * @return this builder
     */
    public Builder fallback(@Nullable Fallback fallback) {
      this.fallback = fallback;
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the immutable request
     * @throws IllegalStateException when the portfolio or the theme is missing
     */
    public ContentRequest build() {
      if (portfolioFile == null && portfolioText == null) {
        throw new IllegalStateException("a content request needs a portfolio file or text");
      }
      if (themeName == null && theme == null) {
        throw new IllegalStateException("a content request needs a theme");
      }
      return new ContentRequest(this);
    }
  }
}
