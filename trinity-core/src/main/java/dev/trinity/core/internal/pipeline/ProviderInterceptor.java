package dev.trinity.core.internal.pipeline;

import dev.trinity.api.LlmProvider;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.ProviderException;
import dev.trinity.api.RequestTimeoutException;
import dev.trinity.api.internal.Throwables;
import dev.trinity.core.internal.http.CallerWaits;
import dev.trinity.logging.LogEvents;
import dev.trinity.logging.LogEvents.Keys;
import dev.trinity.logging.MdcSnapshot;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last stage: one exchange with the provider, bounded by the time left before the call's
 * deadline and aborted when the call is cancelled. When the caller blocks on this thread, the
 * shared transport runs the exchange here ({@link CallerWaits}).
 */
public final class ProviderInterceptor implements Interceptor {
  private static final Logger log = LoggerFactory.getLogger(ProviderInterceptor.class);

  private final LlmProvider provider;

  /**
   * Creates the stage.
   *
   * @param provider the provider to call
   */
  public ProviderInterceptor(LlmProvider provider) {
    this.provider = provider;
  }

  @Override
  public CompletableFuture<LlmResponse> intercept(Chain chain) {
    CallContext ctx = chain.context();
    Duration left = ctx.timeLeft();
    if (left.isZero() || left.isNegative()) {
      return CompletableFuture.failedFuture(
          new RequestTimeoutException(
              ctx.provider(),
              "deadline of " + ctx.timeout().toMillis() + " ms passed before the call was sent",
              ctx.timeout(),
              true,
              null));
    }
    int attempt = ctx.nextAttempt();
    LlmRequest request = chain.request().toBuilder().timeout(left).build();
    try (MdcSnapshot.Scope scope = ctx.scope()) {
      log.atInfo()
          .setMessage(LogEvents.LLM_REQUEST_SENT)
          .addKeyValue(Keys.PROVIDER, ctx.provider())
          .addKeyValue(Keys.MODEL, ctx.model())
          .addKeyValue(Keys.ATTEMPT, attempt)
          .addKeyValue(Keys.TIMEOUT_MS, left.toMillis())
          .log();
      if (log.isDebugEnabled()) {
        log.atDebug()
            .setMessage(LogEvents.LLM_PROMPT)
            .addKeyValue(Keys.SYSTEM, request.systemPrompt().orElse(""))
            .addKeyValue(Keys.MESSAGES, request.messages().stream().map(m -> m.content()).toList())
            .log();
      }
    }
    CompletableFuture<LlmResponse> exchange;
    try {
      StreamCall stream = ctx.stream();
      exchange =
          stream != null
              ? stream.attempt(provider, request, ctx.model())
              : ctx.callerWaitsOnThisThread()
                  ? CallerWaits.run(ctx::onCancel, () -> provider.generate(request))
                  : provider.generate(request);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    ctx.track(exchange);
    CompletableFuture<LlmResponse> relay = new CompletableFuture<>();
    exchange.whenComplete(
        (response, failure) -> {
          // every stage after this one runs as a dependent of relay: give them the call's MDC
          try (MdcSnapshot.Scope scope = ctx.scope()) {
            if (failure == null) {
              relay.complete(response);
            } else {
              relay.completeExceptionally(inRequestTerms(ctx, left, failure));
            }
          }
        });
    relay.whenComplete(
        (response, failure) -> {
          if (relay.isCancelled()) {
            exchange.cancel(true);
          }
        });
    return relay;
  }

  /**
   * The exchange was given the time left before the request's deadline as its timeout; when it ran
   * out, the request's timeout is what passed, and the host configured that figure, not the
   * remainder: "did not answer within the request timeout of 200 ms", not "within 193 ms". It is
   * still the provider not answering an exchange in time ({@link ProviderException.Kind#TIMEOUT}),
   * though no time is left to retry.
   */
  private static Throwable inRequestTerms(CallContext ctx, Duration left, Throwable failure) {
    Throwable t = Throwables.unwrap(failure);
    if (t instanceof RequestTimeoutException rte
        && !rte.isDeadlineExceeded()
        && rte.timeout().equals(left)) {
      return new RequestTimeoutException(
          ctx.provider(),
          ProviderException.Kind.TIMEOUT,
          ctx.provider()
              + " did not answer within the request timeout of "
              + ctx.timeout().toMillis()
              + " ms",
          ctx.timeout(),
          true,
          rte);
    }
    return failure;
  }
}
