package dev.trinity.core.internal.pipeline;

import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.SkippedProvider;
import dev.trinity.api.TrinityException;
import dev.trinity.core.internal.cache.RequestKeys;
import dev.trinity.logging.LogEvents;
import dev.trinity.logging.LogEvents.Keys;
import dev.trinity.logging.MdcSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request walking the fallback chain: each provider's route in turn, under the request's one
 * deadline and correlation id, going on only when {@link FallbackPolicy} says the failure falls
 * through and time is left. Each route computes its own request key from its provider, endpoint and
 * model, so an answer is cached under the provider that gave it. Logs {@link
 * LogEvents#LLM_FALLBACK} for each step; the answer lists the providers skipped ({@link
 * LlmResponse#skipped()}); when the last provider fails too, its failure reaches the caller with
 * the earlier ones attached as suppressed exceptions.
 */
final class FallbackWalk {
  private static final Logger log = LoggerFactory.getLogger(FallbackWalk.class);

  private final List<Route> routes;
  private final LlmRequest request;
  private final CallContext root;
  private final AtomicReference<CallContext> current;
  private final List<SkippedProvider> skipped = new ArrayList<>();
  private final List<Throwable> failures = new ArrayList<>();
  private final CompletableFuture<LlmResponse> result = new CompletableFuture<>();

  /**
   * @param routes the chain, first provider first
   * @param request the request with its defaults, for the first provider
   * @param root the call's context, for the first provider
   * @param current set to the context of the provider being asked
   */
  FallbackWalk(
      List<Route> routes,
      LlmRequest request,
      CallContext root,
      AtomicReference<CallContext> current) {
    this.routes = routes;
    this.request = request;
    this.root = root;
    this.current = current;
  }

  CompletableFuture<LlmResponse> start() {
    ask(0, request, root);
    return result;
  }

  private void ask(int index, LlmRequest req, CallContext ctx) {
    current.set(ctx);
    Route route = routes.get(index);
    CompletableFuture<LlmResponse> call;
    try (MdcSnapshot.Scope scope = ctx.scope()) {
      call = new Chain(route.stages(), 0, req, ctx).proceed(req);
    } catch (RuntimeException e) {
      call = CompletableFuture.failedFuture(e);
    }
    call.whenComplete(
        (response, failure) -> {
          try (MdcSnapshot.Scope scope = ctx.scope()) {
            if (failure == null) {
              result.complete(
                  skipped.isEmpty() ? response : response.toBuilder().skipped(skipped).build());
            } else {
              failed(index, ctx, failure);
            }
          }
        });
  }

  private void failed(int index, CallContext ctx, Throwable failure) {
    RuntimeException error = Failures.normalize(failure, ctx.provider());
    Optional<SkippedProvider.Reason> reason = FallbackPolicy.reasonToGoOn(error);
    boolean last = index + 1 >= routes.size();
    if (last || reason.isEmpty() || root.isCancelled() || !hasTimeLeft()) {
      if (error instanceof TrinityException te) {
        for (Throwable earlier : failures) {
          te.addSuppressed(earlier);
        }
      }
      result.completeExceptionally(error);
      return;
    }
    failures.add(error);
    skipped.add(
        new SkippedProvider(
            ctx.provider(), ctx.model(), reason.get(), String.valueOf(error.getMessage())));
    Route next = routes.get(index + 1);
    String model = next.provider().defaultModel();
    LlmRequest nextRequest = request.toBuilder().model(model).build();
    CallContext nextCtx =
        root.forProvider(
            next.provider().name(),
            model,
            () -> RequestKeys.of(next.provider().name(), next.provider().endpoint(), nextRequest));
    log.atWarn()
        .setMessage(LogEvents.LLM_FALLBACK)
        .addKeyValue(Keys.FROM, ctx.provider())
        .addKeyValue(Keys.TO, next.provider().name())
        .addKeyValue(Keys.REASON, reason.get().label())
        .addKeyValue(Keys.ERROR_TYPE, error.getClass().getSimpleName())
        .addKeyValue(Keys.ERROR, error.getMessage())
        .log();
    ask(index + 1, nextRequest, nextCtx);
  }

  private boolean hasTimeLeft() {
    return root.timeLeft().compareTo(java.time.Duration.ZERO) > 0;
  }
}
