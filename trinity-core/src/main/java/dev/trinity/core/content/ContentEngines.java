package dev.trinity.core.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.trinity.api.ConfigurationException;
import dev.trinity.api.LlmProvider;
import dev.trinity.api.content.AsyncContentEngine;
import dev.trinity.api.content.ContentEngine;
import dev.trinity.api.content.Fallback;
import dev.trinity.api.content.SiteContent;
import dev.trinity.api.content.StreamProgress;
import dev.trinity.api.content.Theme;
import dev.trinity.api.internal.Checks;
import dev.trinity.core.Trinity;
import dev.trinity.core.content.internal.AnswerSource;
import dev.trinity.core.content.internal.ContentJson;
import dev.trinity.core.content.internal.DefaultContentEngine;
import dev.trinity.core.content.internal.EngineSettings;
import dev.trinity.core.content.internal.PromptTemplates;
import dev.trinity.core.content.internal.SiteContentValidator;
import dev.trinity.core.content.internal.ThemeCatalog;
import dev.trinity.core.internal.pipeline.Listeners;
import dev.trinity.core.internal.pipeline.LlmPipeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Creates {@link ContentEngine}s and {@link AsyncContentEngine}s over a {@link Trinity} instance:
 * they send every model call through its request pipeline (retries, deadlines, single flight and
 * the stages to come) and its provider.
 *
 * <pre>{@code
 * try (Trinity trinity = Trinity.fromEnvironment()) {
 *   ContentEngine engine = ContentEngines.create(trinity);
 *   GeneratedContent site = engine.generate(Path.of("portfolio.md"), "brutalist");
 *
 *   AsyncContentEngine async = ContentEngines.builder(trinity)
 *       .themes(Path.of("my-themes.yaml"))
 *       .fallback(Fallback.offline())
 *       .buildAsync();
 * }
 * }</pre>
 *
 * <p>Engines are thread-safe, own no threads and need no closing; they stop working when their
 * {@code Trinity} is closed.
 */
public final class ContentEngines {
  /** Default number of times an invalid answer is sent back with its problems: {@value}. */
  public static final int DEFAULT_MAX_REPAIRS = 2;

  /**
   * Default bound on the output tokens a repair of a cut-off answer may ask for: {@value}, meaning
   * that the engine only asks for a shorter answer and never raises the limit (a limit above the
   * model's own makes some servers reject the request).
   */
  public static final int DEFAULT_MAX_OUTPUT_TOKENS = 0;

  /** Highest accepted {@link Builder#maxOutputTokens(int)}: {@value}. */
  public static final int MAX_OUTPUT_TOKENS_LIMIT = 1_000_000;

  /** Default size limit of a portfolio: 1 MiB. */
  public static final long DEFAULT_MAX_INPUT_BYTES = 1L << 20;

  /**
   * Default share of a portfolio sent to the model, in characters: {@value} (the original's budget
   * for a small model's context). Longer portfolios are cut, with a WARN event.
   */
  public static final int DEFAULT_MAX_PORTFOLIO_CHARS = 30_000;

  private ContentEngines() {}

  /**
   * A blocking engine with the defaults: built-in themes, no fallback.
   *
   * @param trinity the instance whose pipeline and provider the engine uses
   * @return the engine
   */
  public static ContentEngine create(Trinity trinity) {
    return builder(trinity).build();
  }

  /**
   * A non-blocking engine with the defaults.
   *
   * @param trinity the instance whose pipeline and provider the engine uses
   * @return the engine
   */
  public static AsyncContentEngine createAsync(Trinity trinity) {
    return builder(trinity).buildAsync();
  }

  /**
   * A builder for an engine over the given instance.
   *
   * @param trinity the instance whose pipeline and provider the engine uses
   * @return the builder
   */
  public static Builder builder(Trinity trinity) {
    return new Builder(Objects.requireNonNull(trinity, "trinity"));
  }

  /**
   * The themes bundled with Trinity: brutalist, editorial, enterprise, hacker, minimalist.
   *
   * @return an unmodifiable list, sorted by name
   */
  public static List<Theme> builtInThemes() {
    return ThemeCatalog.builtIn();
  }

  /**
   * Reads themes from a YAML file shaped like the bundled {@code themes.yaml} (see {@code
   * docs/content.md}).
   *
   * @param file the file
   * @return its themes, sorted by name
   * @throws ConfigurationException naming the file and the key when it is missing or wrong
   */
  public static List<Theme> loadThemes(Path file) {
    return ThemeCatalog.load(Objects.requireNonNull(file, "file"));
  }

  /**
   * Reads site content from JSON with the content schema's names, checking it against the schema;
   * for a host's {@linkplain Builder#fallbackJson(String) fallback content}.
   *
   * @param json the content as JSON
   * @return the content
   * @throws ConfigurationException listing every problem with its field path, including every link
   *     that {@link dev.trinity.api.content.SafeLinks} refuses
   */
  public static SiteContent parseContent(String json) {
    JsonNode node;
    try {
      node = ContentJson.JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new ConfigurationException("fallback", "is not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new ConfigurationException("fallback", "must be a JSON object");
    }
    SiteContentValidator.Result result = SiteContentValidator.validate(node);
    if (!result.valid() || result.content() == null) {
      throw new ConfigurationException(
          "fallback", "does not match the content schema: " + String.join("; ", result.errors()));
    }
    if (!result.warnings().isEmpty()) {
      // a model's refused project URL or menu item is dropped; the host's own content is not edited
      throw new ConfigurationException(
          "fallback", "has links that are not allowed: " + String.join("; ", result.warnings()));
    }
    return result.content();
  }

  /**
   * Writes site content as indented JSON with the content schema's names, as a site template reads
   * it.
   *
   * @param content the content
   * @return the JSON text
   */
  public static String toJson(SiteContent content) {
    return ContentJson.writePretty(Objects.requireNonNull(content, "content"));
  }

  /**
   * Builds a content engine. Setters validate at once and name what they reject; not thread-safe.
   */
  public static final class Builder {
    private final Trinity trinity;
    private final List<Theme> themes = new ArrayList<>();
    private Fallback fallback = Fallback.none();
    private int maxRepairs = DEFAULT_MAX_REPAIRS;
    private int maxOutputTokens = DEFAULT_MAX_OUTPUT_TOKENS;
    private long maxInputBytes = DEFAULT_MAX_INPUT_BYTES;
    private int maxPortfolioChars = DEFAULT_MAX_PORTFOLIO_CHARS;
    private Executor fileExecutor = Runnable::run;
    private Clock clock = Clock.systemUTC();
    private @Nullable StreamProgress streamProgress;

    private Builder(Trinity trinity) {
      this.trinity = trinity;
    }

    /**
     * Adds a theme; it replaces a built-in theme of the same name.
     *
     * @param theme the theme
     * @return this builder
     */
    public Builder theme(Theme theme) {
      themes.add(Objects.requireNonNull(theme, "theme"));
      return this;
    }

    /**
     * Adds the themes of a YAML file; they replace built-in themes of the same names.
     *
     * @param file a file shaped like the bundled {@code themes.yaml}
     * @return this builder
     * @throws ConfigurationException naming the file and the key when it is missing or wrong
     */
    public Builder themes(Path file) {
      themes.addAll(loadThemes(file));
      return this;
    }

    /**
     * Sets what answers when the model path fails; {@link Fallback#none()} by default. A request
     * can override it.
     *
     * @param fallback the fallback
     * @return this builder
     * @throws ConfigurationException when static content does not match the content schema
     */
    public Builder fallback(Fallback fallback) {
      Objects.requireNonNull(fallback, "fallback");
      fallback.content().ifPresent(c -> parseContent(ContentJson.write(c)));
      this.fallback = fallback;
      return this;
    }

    /**
     * Falls back to fixed content given as JSON with the content schema's names.
     *
     * @param json the content
     * @return this builder
     * @throws ConfigurationException when it is not JSON or does not match the content schema
     */
    public Builder fallbackJson(String json) {
      this.fallback = Fallback.of(parseContent(Objects.requireNonNull(json, "json")));
      return this;
    }

    /**
     * Falls back to fixed content read from a JSON file.
     *
     * @param file the file
     * @return this builder
     * @throws ConfigurationException when it cannot be read, is not JSON or does not match the
     *     content schema
     */
    public Builder fallbackJson(Path file) {
      try {
        return fallbackJson(Files.readString(file, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new ConfigurationException(
            "fallback", "fallback content " + file + " could not be read: " + e, e);
      }
    }

    /**
     * Sets how many times an invalid answer is sent back to the model with its problems.
     *
     * @param maxRepairs 0 to 5
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder maxRepairs(int maxRepairs) {
      this.maxRepairs = Checks.requireRange(maxRepairs, 0, 5, "maxRepairs");
      return this;
    }

    /**
     * Lets the repair of a cut-off answer raise the output token limit ({@code num_predict} for
     * Ollama, {@code max_tokens} for OpenAI-compatible servers, {@code n_predict} for llama.cpp) up
     * to this bound. Each such repair doubles the limit the cut-off answer ran into (the request's
     * own, else the completion tokens the provider reported; the bound when it reported none),
     * never above the bound. Every repair of a cut-off answer also asks for a shorter answer,
     * whether or not the limit is raised.
     *
     * @param maxOutputTokens 1 to {@value #MAX_OUTPUT_TOKENS_LIMIT}, or 0 (the default) never to
     *     raise the limit; keep it within what the model can produce
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder maxOutputTokens(int maxOutputTokens) {
      if (maxOutputTokens < 0 || maxOutputTokens > MAX_OUTPUT_TOKENS_LIMIT) {
        throw new IllegalArgumentException(
            "maxOutputTokens must be in [0, "
                + MAX_OUTPUT_TOKENS_LIMIT
                + "] (0: never raise the limit), was "
                + maxOutputTokens);
      }
      this.maxOutputTokens = maxOutputTokens;
      return this;
    }

    /**
     * Sets the size limit of a portfolio; larger ones fail with an {@link
     * dev.trinity.api.InvalidInputException}.
     *
     * @param maxInputBytes 1 KiB to 64 MiB
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder maxInputBytes(long maxInputBytes) {
      if (maxInputBytes < 1024 || maxInputBytes > (64L << 20)) {
        throw new IllegalArgumentException(
            "maxInputBytes must be between 1 KiB and 64 MiB, was " + maxInputBytes);
      }
      this.maxInputBytes = maxInputBytes;
      return this;
    }

    /**
     * Sets how much of a portfolio is sent to the model; longer ones are cut with a WARN event and
     * a warning in the result.
     *
     * @param maxPortfolioChars 1,000 to 1,000,000 characters
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder maxPortfolioChars(int maxPortfolioChars) {
      Checks.requireRange(maxPortfolioChars, 1_000, 1_000_000, "maxPortfolioChars");
      this.maxPortfolioChars = maxPortfolioChars;
      return this;
    }

    /**
     * Sets where portfolio files are read. By default on the calling thread, before the future is
     * returned (at most {@code maxInputBytes} are read); pass a bounded executor to keep file I/O
     * off the caller's thread.
     *
     * @param fileExecutor the executor; the host keeps ownership
     * @return this builder
     */
    public Builder fileExecutor(Executor fileExecutor) {
      this.fileExecutor = Objects.requireNonNull(fileExecutor, "fileExecutor");
      return this;
    }

    /**
     * Sets the clock durations and per-request deadlines are measured with (a fake one in tests;
     * use the same one as the {@code Trinity} instance). Defaults to the UTC system clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Streams the model's answers and reports the text received so far to {@code progress}, for a
     * progress bar during long generations. Only when the provider declares {@link
     * dev.trinity.api.Capability#STREAMING}; otherwise answers are fetched whole and {@code
     * progress} is never called. Streamed answers follow the streaming semantics of {@link
     * dev.trinity.api.AsyncLlmClient#stream(dev.trinity.api.LlmRequest,
     * dev.trinity.api.ResponseValidator)} (identical requests in flight are not coalesced). Off by
     * default.
     *
     * @param progress hears each generation's progress; shared by all generations of the engine
     * @return this builder
     */
    public Builder streamProgress(StreamProgress progress) {
      this.streamProgress = Objects.requireNonNull(progress, "progress");
      return this;
    }

    /**
     * Builds a blocking engine.
     *
     * @return the engine
     */
    public ContentEngine build() {
      return buildAsync().sync();
    }

    /**
     * Builds a non-blocking engine.
     *
     * @return the engine
     */
    public AsyncContentEngine buildAsync() {
      LlmProvider provider = trinity.provider();
      EngineSettings settings =
          new EngineSettings(
              provider.name(),
              provider.capabilities(),
              ThemeCatalog.of(themes),
              PromptTemplates.bundled(),
              fallback,
              maxRepairs,
              maxOutputTokens,
              maxInputBytes,
              maxPortfolioChars,
              fileExecutor,
              clock,
              trinity.llmAsync() instanceof LlmPipeline pipeline
                  ? pipeline.listeners()
                  : Listeners.NONE);
      return new DefaultContentEngine(
          AnswerSource.of(trinity.llmAsync(), provider, clock, streamProgress), settings);
    }
  }
}
