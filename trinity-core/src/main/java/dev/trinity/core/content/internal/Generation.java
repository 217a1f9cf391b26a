package dev.trinity.core.content.internal;

import dev.trinity.api.Capability;
import dev.trinity.api.ContentValidationException;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.Message;
import dev.trinity.api.RequestTimeoutException;
import dev.trinity.api.ResponseFormat;
import dev.trinity.api.TrinityException;
import dev.trinity.api.Usage;
import dev.trinity.api.content.ContentRequest;
import dev.trinity.api.content.ContentSource;
import dev.trinity.api.content.Fallback;
import dev.trinity.api.content.GeneratedContent;
import dev.trinity.api.content.SiteContent;
import dev.trinity.api.content.Theme;
import dev.trinity.api.internal.Throwables;
import dev.trinity.core.content.internal.offline.OfflineExtractor;
import dev.trinity.core.observe.ContentEvent;
import dev.trinity.logging.CorrelationContext;
import dev.trinity.logging.LogEvents;
import dev.trinity.logging.LogEvents.Keys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One content generation, from a checked portfolio to the result: ask the model, re-ask with the
 * problems while the answer is invalid (at most {@code maxRepairs} times), style the accepted
 * content with the theme, or fall back. Each step is a callback on the previous call's future;
 * nothing blocks.
 *
 * <p>A cut-off answer is re-asked for shorter (and, within {@code maxOutputTokens}, with a higher
 * output token limit) rather than echoed whole. A repair request equal to one already sent would
 * get the same answer, so the generation stops there instead of sending it.
 */
final class Generation {
  private static final Logger log = LoggerFactory.getLogger(Generation.class);

  /** The longest rejected answer sent back to the model in a repair round. */
  static final int MAX_ECHOED_ANSWER_CHARS = 8_000;

  /**
   * How much of a cut-off answer is sent back: enough to show its start, not to fill the context.
   */
  static final int MAX_ECHOED_CUT_OFF_CHARS = 1_000;

  /** The shortest description a repair of a cut-off answer asks for. */
  static final int MIN_REPAIR_DESCRIPTION_LENGTH = 40;

  private final AnswerSource answers;
  private final EngineSettings settings;
  private final ContentRequest request;
  private final Theme theme;
  private final Portfolio portfolio;

  /** The portfolio as sent: cut to the model's budget. */
  private final Portfolio sentPortfolio;

  private final String correlationId;
  private final Instant start;
  private final CompletableFuture<GeneratedContent> result;
  private final AtomicReference<Usage> usage = new AtomicReference<>(Usage.NONE);
  private final AtomicReference<CompletableFuture<?>> inFlight = new AtomicReference<>();
  private final AtomicInteger calls = new AtomicInteger();
  private final List<String> warnings = new ArrayList<>();
  private final List<LlmRequest> asked = new ArrayList<>();
  private int cutOffRepairs;

  Generation(
      AnswerSource answers,
      EngineSettings settings,
      ContentRequest request,
      Theme theme,
      Portfolio portfolio,
      String correlationId,
      Instant start,
      CompletableFuture<GeneratedContent> result) {
    this.answers = answers;
    this.settings = settings;
    this.request = request;
    this.theme = theme;
    this.portfolio = portfolio;
    this.sentPortfolio = portfolio.trimmedTo(settings.maxPortfolioChars());
    this.correlationId = correlationId;
    this.start = start;
    this.result = result;
    result.whenComplete(
        (r, e) -> {
          CompletableFuture<?> call = inFlight.get();
          if (result.isCancelled() && call != null) {
            call.cancel(true);
          }
        });
  }

  /** Sends the first request. */
  void start() {
    Portfolio sent = sentPortfolio;
    if (sent.trimmed()) {
      warnings.add(
          "input trimmed from "
              + portfolio.length()
              + " to "
              + sent.length()
              + " characters to fit the model's budget");
      try (CorrelationContext scope = CorrelationContext.open(correlationId)) {
        log.atWarn()
            .setMessage(LogEvents.CONTENT_INPUT_TRIMMED)
            .addKeyValue(Keys.INPUT, portfolio.name())
            .addKeyValue(Keys.ORIGINAL_CHARS, portfolio.length())
            .addKeyValue(Keys.KEPT_CHARS, sent.length())
            .log();
      }
    }
    PromptTemplates prompts = settings.prompts();
    LlmRequest first =
        LlmRequest.builder()
            .systemPrompt(prompts.system(theme))
            .prompt(prompts.user(theme, sent.text().strip()))
            .responseFormat(format())
            .promptVersion(prompts.version())
            .correlationId(correlationId)
            .cachePolicy(request.cachePolicy())
            .build();
    ask(first, first, 1, null);
  }

  private ResponseFormat format() {
    if (settings.capabilities().contains(Capability.JSON_SCHEMA)) {
      return ResponseFormat.jsonSchema(PromptTemplates.SCHEMA_NAME, settings.prompts().schema());
    }
    if (settings.capabilities().contains(Capability.JSON_MODE)) {
      return ResponseFormat.json();
    }
    return ResponseFormat.text();
  }

  private void ask(
      LlmRequest first, LlmRequest current, int attempt, @Nullable TrinityException previous) {
    if (result.isDone()) {
      return;
    }
    LlmRequest sent = current;
    if (request.timeout().isPresent()) {
      Duration left = request.timeout().get().minus(elapsed());
      if (left.isZero() || left.isNegative()) {
        fail(
            new RequestTimeoutException(
                settings.providerName(),
                "content generation deadline of "
                    + request.timeout().get().toMillis()
                    + " ms passed before answer "
                    + attempt
                    + " was asked for",
                request.timeout().get(),
                true,
                previous),
            attempt - 1);
        return;
      }
      sent = current.toBuilder().timeout(left).build();
    }
    ContentAnswerValidator validator = new ContentAnswerValidator(usage);
    asked.add(current);
    CompletableFuture<LlmResponse> call;
    try {
      call = answers.answer(sent, validator, sentPortfolio, theme);
    } catch (RuntimeException e) {
      call = CompletableFuture.failedFuture(e);
    }
    inFlight.set(call);
    if (result.isCancelled()) {
      call.cancel(true);
      return;
    }
    call.whenComplete(
        (response, failure) -> {
          if (failure == null) {
            calls.addAndGet(validator.last() != null ? validator.calls() : response.attempts());
            succeed(response, validator, attempt);
            return;
          }
          Throwable cause = Throwables.unwrap(failure);
          if (cause instanceof CancellationException) {
            result.cancel(false);
            return;
          }
          calls.addAndGet(validator.calls());
          if (cause instanceof ContentValidationException invalid) {
            rejected(first, current, invalid, validator, attempt);
            return;
          }
          TrinityException error = Futures.asTrinityException(cause);
          calls.addAndGet(error.attempts());
          fail(error, attempt);
        });
  }

  /** Re-asks with the problems, or fails when the repairs are used up or would repeat a request. */
  private void rejected(
      LlmRequest first,
      LlmRequest current,
      ContentValidationException invalid,
      ContentAnswerValidator validator,
      int attempt) {
    if (attempt > settings.maxRepairs()) {
      logRejected(invalid, attempt, false);
      fail(invalid, attempt);
      return;
    }
    LlmRequest repair = repairOf(first, current, invalid, validator.last());
    if (asked.contains(repair)) {
      logRejected(invalid, attempt, false);
      fail(
          new ContentValidationException(
              "the model gave the same rejected answer again, and a repair would repeat a request"
                  + " already sent; stopped after "
                  + attempt
                  + " answers",
              invalid.errors(),
              invalid.rawOutput(),
              invalid),
          attempt);
      return;
    }
    logRejected(invalid, attempt, true);
    if (!settings.listeners().isEmpty()) {
      try (CorrelationContext scope = CorrelationContext.open(correlationId)) {
        settings.listeners().contentRepair(new ContentEvent(correlationId, theme.name(), "repair"));
      }
    }
    ask(first, repair, attempt + 1, invalid);
  }

  /**
   * The first request's conversation, the rejected answer and the problems found in it; for a
   * cut-off answer, its start and a request for a shorter answer, with a higher token limit when
   * allowed. Keeps a token limit raised by an earlier repair.
   */
  private LlmRequest repairOf(
      LlmRequest first,
      LlmRequest current,
      ContentValidationException invalid,
      @Nullable LlmResponse rejected) {
    List<Message> messages = new ArrayList<>(first.messages());
    LlmRequest.Builder repair = first.toBuilder().maxTokens(current.maxTokens().orElse(null));
    OptionalInt cutOff = JsonExtractor.cutOff(invalid.rawOutput());
    if (cutOff.isPresent()) {
      cutOffRepairs++;
      String start = clip(invalid.rawOutput().strip(), MAX_ECHOED_CUT_OFF_CHARS);
      messages.add(
          Message.assistant(start + "\n[… cut off after " + cutOff.getAsInt() + " characters]"));
      int shrink = Math.min(cutOffRepairs, 8);
      messages.add(
          Message.user(
              settings
                  .prompts()
                  .repairTruncated(
                      cutOff.getAsInt(),
                      Math.max(1, theme.rules().maxRepos() >> shrink),
                      Math.max(
                          MIN_REPAIR_DESCRIPTION_LENGTH,
                          theme.rules().maxDescriptionLength() >> shrink))));
      raisedTokenLimit(current, rejected).ifPresent(repair::maxTokens);
      return repair.messages(messages).build();
    }
    String answer = JsonExtractor.withoutReasoning(invalid.rawOutput());
    if (answer.length() > MAX_ECHOED_ANSWER_CHARS) {
      answer = clip(answer, MAX_ECHOED_ANSWER_CHARS) + "\n[…]";
    }
    messages.add(Message.assistant(answer.isBlank() ? "(an empty answer)" : answer));
    messages.add(Message.user(settings.prompts().repair(invalid.errors())));
    return repair.messages(messages).build();
  }

  /** The text's first {@code max} characters, without splitting a surrogate pair. */
  private static String clip(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end);
  }

  /**
   * Twice the limit the cut-off answer ran into (the request's own, else the completion tokens the
   * provider reported), capped by {@code maxOutputTokens}; the cap itself when neither is known;
   * empty when raising is off or the limit is already at the cap.
   */
  private Optional<Integer> raisedTokenLimit(LlmRequest current, @Nullable LlmResponse rejected) {
    int bound = settings.maxOutputTokens();
    if (bound <= 0) {
      return Optional.empty();
    }
    int reported = rejected == null ? 0 : rejected.usage().completionTokens();
    int reached = current.maxTokens().orElse(reported);
    long raised = reached > 0 ? Math.min((long) bound, 2L * reached) : bound;
    return raised > current.maxTokens().orElse(0) ? Optional.of((int) raised) : Optional.empty();
  }

  private void succeed(LlmResponse response, ContentAnswerValidator validator, int attempt) {
    ContentAnswerValidator.Accepted accepted;
    try {
      ContentAnswerValidator.Accepted seen = validator.accepted();
      accepted =
          seen != null
              ? seen
              : ContentAnswerValidator.check(
                  response.text(), ContentAnswerValidator.stoppedAtLimit(response));
    } catch (ContentValidationException e) {
      logRejected(e, attempt, false);
      fail(e, attempt);
      return;
    }
    warnings.addAll(accepted.warnings());
    ContentSource writer =
        OfflineExtractor.NAME.equals(response.provider())
            ? ContentSource.OFFLINE
            : ContentSource.LLM;
    complete(
        ThemeStyler.apply(accepted.content(), theme.rules()),
        response.cached() ? ContentSource.CACHE : writer,
        writer,
        response.provider(),
        response.model(),
        attempt - 1);
  }

  /**
   * Completes with the fallback's content, or with the error when there is none. The error's
   * attempt count becomes every provider call of this generation when repairs came before it.
   */
  private void fail(TrinityException error, int answers) {
    int made = calls.get();
    if (error instanceof ContentValidationException || made > error.attempts()) {
      error.withAttempts(Math.max(1, made));
    }
    Fallback fallback = request.fallback().orElse(settings.fallback());
    Optional<SiteContent> content;
    String provider;
    String model;
    switch (fallback.kind()) {
      case OFFLINE:
        content =
            OfflineExtractor.content(sentPortfolio.text(), theme.rules().maxRepos())
                .map(c -> SiteContentValidator.withSafeLinks(c, warnings))
                .map(c -> ThemeStyler.apply(c, theme.rules()));
        provider = OfflineExtractor.NAME;
        model = OfflineExtractor.MODEL;
        break;
      case STATIC:
        content = fallback.content();
        provider = Fallback.HOST_PROVIDER;
        model = Fallback.NO_MODEL;
        break;
      case NONE:
      default:
        result.completeExceptionally(error);
        return;
    }
    if (content.isEmpty()) {
      error.addSuppressed(
          new TrinityException("the offline fallback found no projects in " + portfolio.name()));
      result.completeExceptionally(error);
      return;
    }
    String kind = fallback.kind().name().toLowerCase(Locale.ROOT);
    warnings.add(
        "fallback (" + kind + ") used because the model path failed: " + error.getMessage());
    try (CorrelationContext scope = CorrelationContext.open(correlationId)) {
      log.atWarn()
          .setMessage(LogEvents.CONTENT_FALLBACK_USED)
          .addKeyValue(Keys.THEME, theme.name())
          .addKeyValue(Keys.FALLBACK, kind)
          .addKeyValue(Keys.INPUT, portfolio.name())
          .addKeyValue(Keys.ERROR_TYPE, error.getClass().getSimpleName())
          .addKeyValue(Keys.ERROR, error.getMessage())
          .log();
      if (!settings.listeners().isEmpty()) {
        settings.listeners().contentFallback(new ContentEvent(correlationId, theme.name(), kind));
      }
    }
    complete(
        content.get(),
        ContentSource.FALLBACK,
        ContentSource.FALLBACK,
        provider,
        model,
        Math.max(0, answers - 1));
  }

  private void complete(
      SiteContent content,
      ContentSource source,
      ContentSource originalSource,
      String provider,
      String model,
      int repairs) {
    GeneratedContent out =
        new GeneratedContent(
            content,
            source,
            originalSource,
            theme.name(),
            provider,
            model,
            usage.get(),
            calls.get(),
            repairs,
            elapsed(),
            warnings,
            correlationId);
    if (result.isDone()) {
      return; // cancelled meanwhile
    }
    // logged before completing, so that whoever sees the result also finds the event
    try (CorrelationContext scope = CorrelationContext.open(correlationId)) {
      log.atInfo()
          .setMessage(LogEvents.CONTENT_GENERATED)
          .addKeyValue(Keys.THEME, theme.name())
          .addKeyValue(Keys.SOURCE, source.name().toLowerCase(Locale.ROOT))
          .addKeyValue(Keys.ORIGINAL_SOURCE, originalSource.name().toLowerCase(Locale.ROOT))
          .addKeyValue(Keys.DURATION_MS, out.duration().toMillis())
          .addKeyValue(Keys.ATTEMPT, out.attempts())
          .addKeyValue(Keys.REPAIRS, repairs)
          .addKeyValue(Keys.REPOS, content.repos().size())
          .addKeyValue(Keys.PROVIDER, provider)
          .addKeyValue(Keys.MODEL, model)
          .log();
    }
    result.complete(out);
  }

  private void logRejected(ContentValidationException e, int attempt, boolean repair) {
    try (CorrelationContext scope = CorrelationContext.open(correlationId)) {
      log.atWarn()
          .setMessage(LogEvents.CONTENT_VALIDATION_FAILED)
          .addKeyValue(Keys.THEME, theme.name())
          .addKeyValue(Keys.ERRORS, e.errors().size())
          .addKeyValue(Keys.ATTEMPT, attempt)
          .addKeyValue(Keys.REPAIR, repair)
          .log();
      if (log.isDebugEnabled()) {
        log.atDebug()
            .setMessage(LogEvents.CONTENT_VALIDATION_ERRORS)
            .addKeyValue(Keys.VALIDATION_ERRORS, e.errors())
            .addKeyValue(Keys.ANSWER, e.rawOutput())
            .log();
      }
    }
  }

  private Duration elapsed() {
    Duration d = Duration.between(start, settings.clock().instant());
    return d.isNegative() ? Duration.ZERO : d;
  }
}
