package dev.trinity.core.content.internal;

import dev.trinity.api.AsyncLlmClient;
import dev.trinity.api.InvalidInputException;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.TrinityException;
import dev.trinity.api.content.AsyncContentEngine;
import dev.trinity.api.content.BatchOptions;
import dev.trinity.api.content.BatchResult;
import dev.trinity.api.content.ContentEngine;
import dev.trinity.api.content.ContentRequest;
import dev.trinity.api.content.GeneratedContent;
import dev.trinity.api.content.Theme;
import dev.trinity.logging.CorrelationContext;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

/**
 * The content engine: checks the request, reads the portfolio (on the file executor), then runs a
 * {@link Generation} over the request pipeline. The one implementation behind both views.
 */
public final class DefaultContentEngine implements AsyncContentEngine {
  private final AnswerSource answers;
  private final EngineSettings settings;
  private final ContentEngine sync = new BlockingContentEngine(this);

  /**
   * Creates an engine whose answers all come from the client's provider.
   *
   * @param client the request pipeline
   * @param settings the checked configuration
   */
  public DefaultContentEngine(AsyncLlmClient client, EngineSettings settings) {
    this(AnswerSource.model(Objects.requireNonNull(client, "client")), settings);
  }

  /**
   * Creates an engine.
   *
   * @param answers where its answers come from
   * @param settings the checked configuration
   */
  public DefaultContentEngine(AnswerSource answers, EngineSettings settings) {
    this.answers = Objects.requireNonNull(answers, "answers");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public CompletableFuture<GeneratedContent> generateAsync(ContentRequest request) {
    Objects.requireNonNull(request, "request");
    Instant start = settings.clock().instant();
    String correlationId = correlationId(request);
    CompletableFuture<GeneratedContent> result = new CompletableFuture<>();
    Theme theme;
    try {
      theme = request.theme().orElseGet(() -> settings.themes().get(request.themeName()));
    } catch (TrinityException e) {
      return CompletableFuture.failedFuture(e);
    }
    read(request)
        .whenComplete(
            (portfolio, failure) -> {
              if (failure != null) {
                result.completeExceptionally(Futures.asTrinityException(failure));
                return;
              }
              if (result.isDone()) {
                return; // cancelled while the file was read
              }
              new Generation(
                      answers, settings, request, theme, portfolio, correlationId, start, result)
                  .start();
            });
    return result;
  }

  /** The checked portfolio: text at once, a file on the file executor. */
  private CompletableFuture<Portfolio> read(ContentRequest request) {
    if (request.portfolioText().isPresent()) {
      try {
        return CompletableFuture.completedFuture(
            Portfolio.of(
                request.inputName(), request.portfolioText().get(), settings.maxInputBytes()));
      } catch (TrinityException e) {
        return CompletableFuture.failedFuture(e);
      }
    }
    Path file = request.portfolioFile().orElseThrow();
    CompletableFuture<Portfolio> out = new CompletableFuture<>();
    try {
      settings
          .fileExecutor()
          .execute(
              () -> {
                try {
                  out.complete(Portfolio.read(file, settings.maxInputBytes()));
                } catch (RuntimeException e) {
                  out.completeExceptionally(e);
                }
              });
    } catch (RejectedExecutionException e) {
      out.completeExceptionally(
          new InvalidInputException(
              request.inputName(), "could not be read: the file executor refused the task", e));
    }
    return out;
  }

  @Override
  public CompletableFuture<BatchResult> generateAllAsync(
      List<ContentRequest> requests, BatchOptions options) {
    Objects.requireNonNull(requests, "requests");
    Objects.requireNonNull(options, "options");
    return new BatchRunner(requests, options, this::generateAsync).run();
  }

  @Override
  public List<Theme> themes() {
    return settings.themes().all();
  }

  @Override
  public Theme theme(String name) {
    return settings.themes().get(Objects.requireNonNull(name, "name"));
  }

  @Override
  public ContentEngine sync() {
    return sync;
  }

  /** The request's id, else the caller's MDC value when it is usable, else a fresh one. */
  private static String correlationId(ContentRequest request) {
    if (request.correlationId().isPresent()) {
      return request.correlationId().get();
    }
    String fromMdc = CorrelationContext.current();
    if (fromMdc != null && !fromMdc.isBlank()) {
      try {
        LlmRequest.builder().correlationId(fromMdc);
        return fromMdc;
      } catch (IllegalArgumentException unusable) {
        return CorrelationContext.newId();
      }
    }
    return CorrelationContext.newId();
  }

  /** The blocking view: the async engine, waited on. */
  private static final class BlockingContentEngine implements ContentEngine {
    private final DefaultContentEngine async;

    BlockingContentEngine(DefaultContentEngine async) {
      this.async = async;
    }

    @Override
    public GeneratedContent generate(ContentRequest request) {
      return Futures.await(async.generateAsync(request));
    }

    @Override
    public BatchResult generateAll(List<ContentRequest> requests, BatchOptions options) {
      return Futures.await(async.generateAllAsync(requests, options));
    }

    @Override
    public List<Theme> themes() {
      return async.themes();
    }

    @Override
    public Theme theme(String name) {
      return async.theme(name);
    }

    @Override
    public AsyncContentEngine async() {
      return async;
    }
  }
}
