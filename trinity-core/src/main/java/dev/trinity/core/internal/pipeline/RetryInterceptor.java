package dev.trinity.core.internal.pipeline;

import dev.trinity.api.LlmResponse;
import dev.trinity.api.ProviderException;
import dev.trinity.api.RequestTimeoutException;
import dev.trinity.api.TrinityException;
import dev.trinity.core.observe.RetryScheduled;
import dev.trinity.core.resilience.RetryConfig;
import dev.trinity.logging.LogEvents;
import dev.trinity.logging.LogEvents.Keys;
import dev.trinity.logging.MdcSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries retryable failures with capped exponential back-off and jitter, honours the provider's
 * retry hint, and never schedules an attempt past the call's deadline. The only retry layer in
 * Trinity.
 *
 * <p>A retry hint ({@link ProviderException#retryAfter()}: {@code Retry-After}, {@code
 * retry-after-ms}, the rate-limit reset headers or "try again in …" in the error body) replaces the
 * computed delay, capped by {@link RetryConfig#maxBackoff()} and not jittered. A hint as long as
 * the time left, or longer, ends the request at once with a {@link RequestTimeoutException} (kind
 * {@code DEADLINE}) whose cause is the failure that carried it: the server said it would not serve
 * before the deadline, so asking again sooner would only add load.
 *
 * <p>The attempts reported ({@link LlmResponse#attempts()}, {@link TrinityException#attempts()})
 * are the calls that reached, or tried to reach, the provider: an attempt refused by the open
 * breaker or a full queue is not one.
 *
 * <p>Retried: failures whose {@link TrinityException#isRetryable()} is true (408, 409, 429, 5xx,
 * I/O errors, exchange timeouts), as set where each failure was classified. Never retried: other
 * 4xx, malformed answers, invalid input, a request deadline that passed, Trinity's own refusals.
 */
public final class RetryInterceptor implements Interceptor {
  private static final Logger log = LoggerFactory.getLogger(RetryInterceptor.class);

  private final RetryConfig config;
  private final DoubleSupplier random;

  /**
   * Creates the stage.
   *
   * @param config the retry policy
   * @param random uniform numbers in [0, 1) for jitter
   */
  public RetryInterceptor(RetryConfig config, DoubleSupplier random) {
    this.config = config;
    this.random = random;
  }

  @Override
  public CompletableFuture<LlmResponse> intercept(Chain chain) {
    CompletableFuture<LlmResponse> result = new CompletableFuture<>();
    attempt(chain, 1, new ArrayList<>(), result);
    return result;
  }

  private void attempt(
      Chain chain, int attempt, List<Throwable> earlier, CompletableFuture<LlmResponse> result) {
    CallContext ctx = chain.context();
    if (ctx.isCancelled() || result.isDone()) {
      return;
    }
    CompletableFuture<LlmResponse> call;
    try {
      call = chain.proceed(chain.request());
    } catch (RuntimeException e) {
      call = CompletableFuture.failedFuture(e);
    }
    call.whenComplete(
        (response, failure) -> {
          if (failure == null) {
            result.complete(response.toBuilder().attempts(ctx.attempts()).build());
            return;
          }
          RuntimeException error = Failures.normalize(failure, ctx.provider());
          if (error instanceof CancellationException || ctx.isCancelled()) {
            result.completeExceptionally(error);
            return;
          }
          TrinityException te = (TrinityException) error;
          // a stream whose text has reached the subscriber cannot be taken back: never retried
          if (!shouldRetry(te) || attempt >= config.maxAttempts() || ctx.streamStarted()) {
            result.completeExceptionally(giveUp(te, ctx.attempts(), earlier));
            return;
          }
          @Nullable Duration hint = hintOf(te);
          Duration delay = hint != null ? min(hint, config.maxBackoff()) : backoff(attempt);
          Duration left = ctx.timeLeft();
          // a hint is compared uncapped: a server that will not serve before the deadline is not
          // asked again sooner
          Duration needed = hint != null ? hint : delay;
          if (needed.compareTo(left) >= 0) {
            RequestTimeoutException timeout =
                new RequestTimeoutException(
                    ctx.provider(),
                    "deadline of "
                        + ctx.timeout().toMillis()
                        + " ms would pass before attempt "
                        + (attempt + 1)
                        + (hint != null
                            ? " (the server asked to wait " + hint.toMillis() + " ms, "
                            : " (back-off " + delay.toMillis() + " ms, ")
                        + Math.max(0, left.toMillis())
                        + " ms left); last failure: "
                        + te.getMessage(),
                    ctx.timeout(),
                    true,
                    te);
            result.completeExceptionally(giveUp(timeout, ctx.attempts(), earlier));
            return;
          }
          earlier.add(te);
          try (MdcSnapshot.Scope scope = ctx.scope()) {
            log.atWarn()
                .setMessage(LogEvents.RETRY_SCHEDULED)
                .addKeyValue(Keys.PROVIDER, ctx.provider())
                .addKeyValue(Keys.MODEL, ctx.model())
                .addKeyValue(Keys.ATTEMPT, attempt)
                .addKeyValue(Keys.DELAY_MS, delay.toMillis())
                .addKeyValue(Keys.ERROR_TYPE, te.getClass().getSimpleName())
                .addKeyValue(Keys.STATUS, status(te))
                .log();
            if (!ctx.listeners().isEmpty()) {
              ctx.listeners()
                  .retryScheduled(
                      new RetryScheduled(
                          ctx.info(),
                          attempt,
                          delay,
                          te,
                          Listeners.errorType(te),
                          ctx.elapsedNonNegative()));
            }
          }
          ctx.track(
              ctx.scheduler()
                  .schedule(
                      () -> {
                        try (MdcSnapshot.Scope scope = ctx.scope()) {
                          attempt(chain, attempt + 1, earlier, result);
                        }
                      },
                      delay));
        });
  }

  /**
   * Whether to try again: the failure's own {@link TrinityException#isRetryable()}, decided where
   * it was created (a request deadline that passed never is), except for Trinity's refusals.
   */
  private static boolean shouldRetry(TrinityException e) {
    if (LlmFailures.isRefusal(e)) {
      return false; // breaker open or queue full: another attempt now would only add load
    }
    return e.isRetryable();
  }

  /** The provider's retry hint, if the failure carries one. */
  private static @Nullable Duration hintOf(TrinityException e) {
    return e instanceof ProviderException pe ? pe.retryAfter().orElse(null) : null;
  }

  private Duration backoff(int attempt) {
    double r = random.getAsDouble();
    return config.backoff(attempt, r >= 1.0 ? Math.nextDown(1.0) : Math.max(0.0, r));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /**
   * Attaches the earlier failures and the number of calls that reached, or tried to reach, the
   * provider.
   */
  private static TrinityException giveUp(
      TrinityException last, int attempts, List<Throwable> earlier) {
    for (Throwable t : earlier) {
      if (t != last) {
        last.addSuppressed(t);
      }
    }
    return last.withAttempts(attempts);
  }

  private static int status(TrinityException e) {
    return e instanceof ProviderException pe ? pe.statusCode() : 0;
  }
}
