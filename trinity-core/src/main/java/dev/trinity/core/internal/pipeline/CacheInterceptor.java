package dev.trinity.core.internal.pipeline;

import dev.trinity.api.CachePolicy;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.TrinityException;
import dev.trinity.cache.CacheManager;
import dev.trinity.cache.CacheResult;
import dev.trinity.core.internal.cache.ResponseCodec;
import dev.trinity.core.observe.CacheHit;
import dev.trinity.logging.LogEvents;
import dev.trinity.logging.LogEvents.Keys;
import dev.trinity.logging.MdcSnapshot;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cache stage, right after single flight: a hit returns at once (also while the breaker is
 * open); a miss goes on, and the answer is stored only after the caller's validator accepted it. A
 * stored answer the validator now rejects, or that cannot be decoded, is dropped and fetched again.
 * A sick cache tier never fails the request: the manager skips it and reports it.
 *
 * <p>Per-request policy: {@link CachePolicy#USE} reads and writes, {@link CachePolicy#REFRESH}
 * skips the read, {@link CachePolicy#BYPASS} does neither.
 */
public final class CacheInterceptor implements Interceptor {
  private static final Logger log = LoggerFactory.getLogger(CacheInterceptor.class);

  private final CacheManager cache;

  /**
   * Creates the stage.
   *
   * @param cache the cache
   */
  public CacheInterceptor(CacheManager cache) {
    this.cache = cache;
  }

  @Override
  public CompletableFuture<LlmResponse> intercept(Chain chain) {
    CachePolicy policy = chain.request().cachePolicy();
    if (!cache.isEnabled() || policy == CachePolicy.BYPASS) {
      return settled(chain.context()).orElseGet(() -> fetch(chain, false));
    }
    if (policy == CachePolicy.REFRESH) {
      return fetch(chain, true);
    }
    CallContext ctx = chain.context();
    String key = ctx.requestKey();
    return cache
        .get(key)
        .exceptionally(e -> CacheResult.miss())
        .thenCompose(
            result -> {
              try (MdcSnapshot.Scope scope = ctx.scope()) {
                Optional<LlmResponse> hit = accepted(ctx, key, result);
                if (hit.isPresent()) {
                  return CompletableFuture.completedFuture(hit.get());
                }
                return settled(ctx).orElseGet(() -> fetch(chain, true));
              }
            });
  }

  private Optional<LlmResponse> accepted(CallContext ctx, String key, CacheResult result) {
    if (!result.isHit()) {
      return Optional.empty();
    }
    String tier = result.tier().orElse("unknown");
    Optional<LlmResponse> decoded = ResponseCodec.decode(result.value().orElse(""), tier);
    if (decoded.isEmpty()) {
      log.atWarn()
          .setMessage(LogEvents.CACHE_ENTRY_UNREADABLE)
          .addKeyValue(Keys.CACHE_TIER, tier)
          .log();
      cache.delete(key);
      return Optional.empty();
    }
    try {
      ctx.validator().validate(decoded.get());
      if (!ctx.listeners().isEmpty()) {
        ctx.listeners().cacheHit(new CacheHit(ctx.info(), tier, ctx.elapsedNonNegative()));
      }
      return decoded;
    } catch (TrinityException rejected) {
      log.atWarn()
          .setMessage(LogEvents.CACHE_ENTRY_REJECTED)
          .addKeyValue(Keys.CACHE_TIER, tier)
          .addKeyValue(Keys.ERROR_TYPE, rejected.getClass().getSimpleName())
          .log();
      cache.delete(key);
      return Optional.empty();
    }
  }

  /**
   * The answer of an identical call that finished while its slower cache writes were running
   * (recorded by single flight), checked with this caller's validator.
   */
  private static Optional<CompletableFuture<LlmResponse>> settled(CallContext ctx) {
    return ctx.settledAnswer()
        .map(
            answer -> {
              try {
                ctx.validator().validate(answer);
                ctx.joined();
                return CompletableFuture.completedFuture(answer);
              } catch (RuntimeException rejected) {
                return CompletableFuture.failedFuture(rejected);
              }
            });
  }

  private CompletableFuture<LlmResponse> fetch(Chain chain, boolean store) {
    CallContext ctx = chain.context();
    return chain
        .proceed(chain.request())
        .thenApply(
            response -> {
              ctx.validator().validate(response);
              if (store) {
                // the memory tier stores before this returns; slower tiers finish in the
                // background, and single flight keeps the request's flight open until they have
                ctx.storing(cache.put(ctx.requestKey(), ResponseCodec.encode(response)));
              }
              return response;
            });
  }
}
