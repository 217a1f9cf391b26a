package dev.trinity.api;

import java.time.Duration;
import java.util.Objects;

/**
 * A concurrency limiter refused a call: its wait queue was full, or the call waited for a permit
 * longer than it was allowed to. Nothing was sent.
 *
 * <p>Retryable: the service may have capacity later. A retry stage should back off first, since the
 * refusal means the host is already sending more than the limit admits.
 */
public final class ConcurrencyLimitExceededException extends TrinityException {
  private static final long serialVersionUID = 1L;

  /** Why a call was refused. */
  public enum Reason {
    /** Every permit was out and the wait queue was at capacity, so the call was refused at once. */
    QUEUE_FULL,
    /** The call queued for a permit but none came within its maximum wait. */
    WAIT_EXCEEDED
  }

  private final String limiterName;
  private final Reason reason;
  private final int maxConcurrent;
  private final int queueCapacity;
  private final Duration maxWait;

  /**
   * Creates the failure.
   *
   * @param limiterName the limiter that refused the call
   * @param reason why it was refused
   * @param maxConcurrent the limiter's concurrency limit when it refused
   * @param queueCapacity how many calls the limiter lets wait
   * @param maxWait how long the call was allowed to wait
   */
  public ConcurrencyLimitExceededException(
      String limiterName, Reason reason, int maxConcurrent, int queueCapacity, Duration maxWait) {
    super(message(limiterName, reason, maxConcurrent, queueCapacity, maxWait), null, true);
    this.limiterName = limiterName;
    this.reason = reason;
    this.maxConcurrent = maxConcurrent;
    this.queueCapacity = queueCapacity;
    this.maxWait = maxWait;
  }

  private static String message(
      String limiterName, Reason reason, int maxConcurrent, int queueCapacity, Duration maxWait) {
    Objects.requireNonNull(limiterName, "limiterName");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(maxWait, "maxWait");
    String limits = " (max " + maxConcurrent + " in flight, queue capacity " + queueCapacity + ")";
    String why =
        switch (reason) {
          case QUEUE_FULL -> "all permits are in use and the wait queue is full";
          case WAIT_EXCEEDED ->
              "no permit within its maximum wait of " + maxWait.toMillis() + " ms";
        };
    return "Concurrency limiter '" + limiterName + "' refused the call: " + why + limits;
  }

  /**
   * The limiter that refused the call.
   *
   * @return the limiter's name
   */
  public String limiterName() {
    return limiterName;
  }

  /**
   * Why the call was refused.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }

  /**
   * The concurrency limit when the call was refused (for an adaptive limiter, its limit then).
   *
   * @return at least 1
   */
  public int maxConcurrent() {
    return maxConcurrent;
  }

  /**
   * How many calls the limiter lets wait for a permit.
   *
   * @return zero or positive
   */
  public int queueCapacity() {
    return queueCapacity;
  }

  /**
   * How long the refused call was allowed to wait for a permit.
   *
   * @return zero or positive
   */
  public Duration maxWait() {
    return maxWait;
  }
}
