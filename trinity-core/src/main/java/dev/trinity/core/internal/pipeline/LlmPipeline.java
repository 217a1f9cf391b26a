package dev.trinity.core.internal.pipeline;

import dev.trinity.api.AsyncLlmClient;
import dev.trinity.api.Capability;
import dev.trinity.api.LlmChunk;
import dev.trinity.api.LlmClient;
import dev.trinity.api.LlmProvider;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.ProviderException;
import dev.trinity.api.RequestTimeoutException;
import dev.trinity.api.ResponseValidator;
import dev.trinity.api.TrinityException;
import dev.trinity.api.UnsupportedCapabilityException;
import dev.trinity.api.internal.FailedPublisher;
import dev.trinity.core.LlmConfig;
import dev.trinity.core.Scheduler;
import dev.trinity.core.internal.cache.RequestKeys;
import dev.trinity.core.observe.RequestCancelled;
import dev.trinity.core.observe.RequestCompleted;
import dev.trinity.core.observe.Served;
import dev.trinity.logging.CorrelationContext;
import dev.trinity.logging.LogEvents;
import dev.trinity.logging.LogEvents.Keys;
import dev.trinity.logging.MdcSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one request pipeline: applies defaults, fixes the correlation id and the deadline, runs the
 * stages, and reports the outcome. The blocking client waits on it; there is no second code path:
 * on its calls the exchange runs on the waiting thread, so the same stages complete there.
 */
public final class LlmPipeline implements AsyncLlmClient {
  private static final Logger log = LoggerFactory.getLogger(LlmPipeline.class);

  private final List<Route> routes;
  private final LlmProvider provider;
  private final LlmConfig config;
  private final Clock clock;
  private final Scheduler scheduler;
  private final Listeners listeners;
  private final BlockingLlmClient sync = new BlockingLlmClient(this);
  private volatile boolean closed;

  /**
   * Creates a pipeline with one provider.
   *
   * @param provider the provider the last stage calls
   * @param config the defaults to apply
   * @param stages the stages before the provider, outermost first
   * @param clock the clock
   * @param scheduler the scheduler for deadlines and back-off
   */
  public LlmPipeline(
      LlmProvider provider,
      LlmConfig config,
      List<Interceptor> stages,
      Clock clock,
      Scheduler scheduler) {
    this(List.of(new Route(provider, stages)), config, clock, scheduler, Listeners.NONE);
  }

  /**
   * Creates a pipeline over a fallback chain: the first route's provider is asked first, and a
   * request goes on to the next route when {@link FallbackPolicy} says the failure falls through.
   *
   * @param routes the providers in chain order, each with its own stages; at least one
   * @param config the defaults to apply
   * @param clock the clock
   * @param scheduler the scheduler for deadlines and back-off
   * @param listeners the listeners every call is reported to
   */
  public LlmPipeline(
      List<Route> routes, LlmConfig config, Clock clock, Scheduler scheduler, Listeners listeners) {
    if (routes.isEmpty()) {
      throw new IllegalArgumentException("a pipeline needs at least one provider");
    }
    this.listeners = Objects.requireNonNull(listeners, "listeners");
    this.routes = List.copyOf(routes);
    this.provider = this.routes.get(0).provider();
    this.config = config;
    this.clock = clock;
    this.scheduler = scheduler;
  }

  @Override
  public CompletableFuture<LlmResponse> generate(LlmRequest request, ResponseValidator validator) {
    return run(request, validator, null, false, null);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Each subscription runs one call through the same stages as {@link #generate}; see {@link
   * StreamCall} for how the stages see it. Coalescing is skipped: identical streams each make their
   * own exchange. A stream goes to the first provider of the chain only.
   */
  @Override
  public Flow.Publisher<LlmChunk> stream(LlmRequest request, ResponseValidator validator) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(validator, "validator");
    if (!provider.capabilities().contains(Capability.STREAMING)) {
      return new FailedPublisher<>(
          new UnsupportedCapabilityException(provider.name(), Capability.STREAMING));
    }
    return subscriber -> {
      Objects.requireNonNull(subscriber, "subscriber");
      if (closed) {
        new FailedPublisher<LlmChunk>(closedFailure()).subscribe(subscriber);
        return;
      }
      StreamCall call = new StreamCall(subscriber);
      CompletableFuture<LlmResponse> result =
          run(request, validator, routes.get(0).stages(), false, call);
      result.whenComplete(call::finish);
    };
  }

  /**
   * Runs a request through the first provider's stages, answered at the end by {@code answerer}
   * instead of that provider: for a source handed its input directly, such as the offline extractor
   * fed the portfolio. Request keys, deadlines, attempts and events still name the first provider,
   * so the answerer should carry the same name and endpoint. The fallback chain is not walked: the
   * answerer needs no model server.
   *
   * @param request the request (its cache key, defaults and deadline as for {@link #generate})
   * @param validator accepts the answer before it is cached
   * @param answerer answers in place of the provider
   * @return the answer
   */
  public CompletableFuture<LlmResponse> generate(
      LlmRequest request, ResponseValidator validator, LlmProvider answerer) {
    return run(request, validator, routes.get(0).answeredBy(answerer), false, null);
  }

  /**
   * Runs a call for a caller that is going to block until the answer comes: the stages may then
   * complete on the calling thread (the transport runs the exchange there), so the returned future
   * is usually complete already.
   */
  CompletableFuture<LlmResponse> submitWaiting(LlmRequest request, ResponseValidator validator) {
    return run(request, validator, null, true, null);
  }

  /**
   * Runs the request under one deadline: through {@code answered} when given, else along the
   * fallback chain.
   */
  private CompletableFuture<LlmResponse> run(
      LlmRequest request,
      ResponseValidator validator,
      @Nullable List<Interceptor> answered,
      boolean callerWaits,
      @Nullable StreamCall stream) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(validator, "validator");
    if (closed) {
      return CompletableFuture.failedFuture(closedFailure());
    }
    MdcSnapshot callerMdc = MdcSnapshot.capture();
    String correlationId = correlationId(request, callerMdc);
    String model = request.model().orElse(provider.defaultModel());
    LlmRequest effective = withDefaults(request, correlationId, model);
    Duration timeout = effective.timeout().orElse(config.timeout());
    CallContext ctx =
        new CallContext(
            correlationId,
            callerMdc,
            provider.name(),
            model,
            clock,
            scheduler,
            timeout,
            () -> RequestKeys.of(provider.name(), provider.endpoint(), effective),
            validator,
            callerWaits ? Thread.currentThread() : null,
            stream,
            listeners,
            effective);
    CompletableFuture<LlmResponse> result = new CompletableFuture<>();
    AtomicReference<CallContext> current = new AtomicReference<>(ctx);
    DeadlineTimer deadline = new DeadlineTimer();
    Runnable expiry =
        () -> {
          try (MdcSnapshot.Scope scope = ctx.scope()) {
            expire(current.get(), ctx, result, timeout);
          }
        };
    if (callerWaits) {
      // the exchange runs on this thread inside the stages: the timer must run meanwhile
      deadline.set(scheduler.schedule(expiry, timeout));
    }
    CompletableFuture<LlmResponse> inner;
    // one scope for everything up to the exchange: the stages' own scopes find it in place
    try (CallContext.Entered scope = ctx.enter()) {
      if (stream != null) {
        // the subscriber has its subscription before any stage runs, and may cancel in it
        stream.open(ctx, () -> result.cancel(true));
        if (result.isDone()) {
          deadline.cancel();
          ctx.cancel();
          return result;
        }
      }
      inner = start(effective, ctx, answered, current);
    }
    if (!callerWaits && !inner.isDone()) {
      // set while the request travels: the stages never block, so no deadline can pass unseen
      // before this, and the time it takes stays off the request's way out
      Duration left = ctx.timeLeft();
      deadline.set(scheduler.schedule(expiry, left.isNegative() ? Duration.ZERO : left));
    }
    inner.whenComplete(
        (response, failure) -> {
          deadline.cancel();
          try (MdcSnapshot.Scope scope = ctx.scope()) {
            finish(current.get(), result, response, failure);
          }
        });
    result.whenComplete(
        (response, failure) -> {
          if (failure instanceof CancellationException) {
            deadline.cancel();
            ctx.cancel();
            if (!listeners.isEmpty()) {
              try (MdcSnapshot.Scope scope = ctx.scope()) {
                listeners.cancelled(new RequestCancelled(ctx.info(), ctx.elapsedNonNegative()));
              }
            }
          }
        });
    return result;
  }

  /** Reports the start to the listeners and runs the stages; never throws. */
  private CompletableFuture<LlmResponse> start(
      LlmRequest effective,
      CallContext ctx,
      @Nullable List<Interceptor> answered,
      AtomicReference<CallContext> current) {
    try {
      if (!listeners.isEmpty()) {
        listeners.started(ctx.info());
      }
      return answered != null
          ? new Chain(answered, 0, effective, ctx).proceed(effective)
          : new FallbackWalk(routes, effective, ctx, current).start();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static TrinityException closedFailure() {
    return new TrinityException("this Trinity instance is closed", null, false);
  }

  private void expire(
      CallContext current,
      CallContext root,
      CompletableFuture<LlmResponse> result,
      Duration timeout) {
    RequestTimeoutException e =
        new RequestTimeoutException(
            current.provider(),
            ProviderException.Kind.TIMEOUT,
            current.provider()
                + " did not answer within the request timeout of "
                + timeout.toMillis()
                + " ms",
            timeout,
            true,
            null);
    e.withAttempts(root.attempts());
    if (result.completeExceptionally(e)) {
      root.cancel();
      logFailed(current, e);
    }
  }

  private void finish(
      CallContext ctx,
      CompletableFuture<LlmResponse> result,
      @Nullable LlmResponse response,
      @Nullable Throwable failure) {
    if (result.isDone()) {
      return; // cancelled, or the deadline passed first
    }
    if (failure == null && response != null) {
      LlmResponse out =
          response.toBuilder()
              .latency(nonNegative(ctx.elapsed()))
              .correlationId(ctx.correlationId())
              .build();
      logCompleted(ctx, out);
      result.complete(out);
    } else {
      RuntimeException error =
          Failures.normalize(
              failure == null ? new IllegalStateException("no response") : failure, ctx.provider());
      if (error instanceof TrinityException te) {
        if (ctx.attempts() > te.attempts()) {
          // failed after the retry stage had counted (an answer the validator rejected); only
          // raised, since a failure shared by a coalesced flight reaches callers that made none
          te.withAttempts(ctx.attempts());
        }
        logFailed(ctx, te);
      }
      result.completeExceptionally(error);
    }
  }

  @Override
  public LlmClient sync() {
    return sync;
  }

  /** The first provider of the chain. */
  public LlmProvider provider() {
    return provider;
  }

  /** The listeners this pipeline reports to (the content engine reports through them too). */
  public Listeners listeners() {
    return listeners;
  }

  /** Every provider of the chain, the first one first. */
  public List<LlmProvider> providers() {
    return routes.stream().map(Route::provider).toList();
  }

  /** Refuses new requests from now on; requests in flight finish. */
  public void close() {
    closed = true;
  }

  /**
   * The complete request: the one place the model and temperature defaults are resolved. The
   * request key and the provider both read the result; providers apply no defaults of their own.
   */
  private LlmRequest withDefaults(LlmRequest request, String correlationId, String model) {
    LlmRequest.Builder b = request.toBuilder().correlationId(correlationId).model(model);
    if (request.temperature().isEmpty() && config.temperature().isPresent()) {
      b.temperature(config.temperature().get());
    }
    return b.build();
  }

  private static String correlationId(LlmRequest request, MdcSnapshot callerMdc) {
    if (request.correlationId().isPresent()) {
      return request.correlationId().get();
    }
    String fromMdc = callerMdc.get(CorrelationContext.MDC_KEY);
    if (fromMdc != null && !fromMdc.isBlank()) {
      try {
        LlmRequest.builder().correlationId(fromMdc); // validates
        return fromMdc;
      } catch (IllegalArgumentException unusable) {
        return CorrelationContext.newId();
      }
    }
    return CorrelationContext.newId();
  }

  private static Duration nonNegative(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }

  private static void logCompleted(CallContext ctx, LlmResponse r) {
    try (MdcSnapshot.Scope scope = ctx.scope()) {
      Listeners listeners = ctx.listeners();
      if (!listeners.isEmpty()) {
        Served served =
            r.cached() ? Served.CACHE : ctx.hasJoined() ? Served.COALESCED : Served.PROVIDER;
        listeners.completed(new RequestCompleted(ctx.info(), r, served, r.latency()));
      }
      log.atInfo()
          .setMessage(LogEvents.LLM_REQUEST_COMPLETED)
          .addKeyValue(Keys.DURATION_MS, r.latency().toMillis())
          .addKeyValue(Keys.CACHE_HIT, r.cached())
          .addKeyValue(Keys.CACHE_TIER, r.cacheTier().orElse(null))
          .addKeyValue(Keys.PROVIDER, r.provider())
          .addKeyValue(Keys.MODEL, r.model())
          .addKeyValue(Keys.ATTEMPT, r.attempts())
          .addKeyValue(Keys.PROMPT_TOKENS, r.usage().promptTokens())
          .addKeyValue(Keys.COMPLETION_TOKENS, r.usage().completionTokens())
          .log();
      if (log.isDebugEnabled()) {
        log.atDebug().setMessage(LogEvents.LLM_RESPONSE).addKeyValue(Keys.ANSWER, r.text()).log();
      }
    }
  }

  private static void logFailed(CallContext ctx, TrinityException e) {
    try (MdcSnapshot.Scope scope = ctx.scope()) {
      if (!ctx.listeners().isEmpty()) {
        ctx.listeners().failed(Listeners.failedEvent(ctx, e));
      }
      // a rejected answer is the caller's decision (it may re-ask), not a failure of the call
      log.atLevel(
              e instanceof dev.trinity.api.ContentValidationException
                  ? org.slf4j.event.Level.WARN
                  : org.slf4j.event.Level.ERROR)
          .setMessage(LogEvents.LLM_REQUEST_FAILED)
          .addKeyValue(Keys.DURATION_MS, nonNegative(ctx.elapsed()).toMillis())
          .addKeyValue(Keys.PROVIDER, ctx.provider())
          .addKeyValue(Keys.MODEL, ctx.model())
          .addKeyValue(Keys.ATTEMPT, e.attempts())
          .addKeyValue(Keys.ERROR_TYPE, e.getClass().getSimpleName())
          .addKeyValue(Keys.STATUS, e instanceof ProviderException pe ? pe.statusCode() : 0)
          .addKeyValue(Keys.RETRYABLE, e.isRetryable())
          .addKeyValue(Keys.ERROR, e.getMessage())
          .log();
    }
  }
}
