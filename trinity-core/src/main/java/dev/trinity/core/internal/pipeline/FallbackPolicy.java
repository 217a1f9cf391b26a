package dev.trinity.core.internal.pipeline;

import dev.trinity.api.CircuitOpenException;
import dev.trinity.api.ConcurrencyLimitExceededException;
import dev.trinity.api.ContentValidationException;
import dev.trinity.api.RequestTimeoutException;
import dev.trinity.api.SkippedProvider;
import dev.trinity.api.TrinityException;
import dev.trinity.api.internal.Throwables;
import java.util.Optional;

/**
 * Which failures of one provider send a request on to the next provider of the fallback chain.
 *
 * <p>Falls through: the provider's circuit breaker is open; its concurrency queue is full (or the
 * wait for a permit ran out); it failed with a retryable error (408, 409, 429, 5xx, I/O error,
 * exchange timeout) after the retry stage gave up on it, including when the next back-off would
 * have passed the deadline.
 *
 * <p>Does not: a non-retryable error (400, 401, 403, 404, a malformed answer, invalid input), since
 * the next provider would be sent the same request and fail the same way or for the same reason; an
 * answer the caller's validator rejected, which is the caller's to repair (the content engine
 * re-asks, and the repair walks the chain again from the first provider); a cancelled call; a
 * deadline that passed.
 */
final class FallbackPolicy {
  private FallbackPolicy() {}

  /**
   * Why the request may go on past this failure.
   *
   * @param failure what the provider's route failed with, perhaps wrapped by a future
   * @return the reason, or empty when the failure must reach the caller
   */
  static Optional<SkippedProvider.Reason> reasonToGoOn(Throwable failure) {
    Throwable t = Throwables.unwrap(failure);
    if (t instanceof CircuitOpenException) {
      return Optional.of(SkippedProvider.Reason.CIRCUIT_OPEN);
    }
    if (t instanceof ConcurrencyLimitExceededException) {
      return Optional.of(SkippedProvider.Reason.QUEUE_FULL);
    }
    if (!(t instanceof TrinityException te) || t instanceof ContentValidationException) {
      return Optional.empty();
    }
    if (te.isRetryable()) {
      return Optional.of(SkippedProvider.Reason.FAILED);
    }
    // the retry stage gave up because the next back-off would pass the deadline: the provider
    // failed retryably, and another one can still be asked now, with the time that is left
    if (te instanceof RequestTimeoutException rte
        && rte.isDeadlineExceeded()
        && rte.getCause() instanceof TrinityException cause
        && cause.isRetryable()) {
      return Optional.of(SkippedProvider.Reason.FAILED);
    }
    return Optional.empty();
  }
}
