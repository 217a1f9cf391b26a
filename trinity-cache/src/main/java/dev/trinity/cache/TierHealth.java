package dev.trinity.cache;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Whether a tier is serving, and why not when it is not. Immutable and thread-safe.
 *
 * <p>A tier that is not {@link Status#UP} still answers every call at once: a get is a miss and a
 * put is dropped. It never fails its caller.
 */
public final class TierHealth {
  private static final TierHealth UP = new TierHealth(Status.UP, null);

  private final Status status;
  private final @Nullable String reason;

  private TierHealth(Status status, @Nullable String reason) {
    this.status = status;
    this.reason = reason;
  }

  /** A tier's state. */
  public enum Status {
    /** Serving. */
    UP,
    /** Temporarily not serving; the tier retries by itself after a back-off. */
    DOWN,
    /** Not serving for the rest of its life (closed, or its backend is missing). */
    DISABLED
  }

  /**
   * A serving tier.
   *
   * @return the health of a serving tier
   */
  public static TierHealth up() {
    return UP;
  }

  /**
   * A tier that is temporarily not serving.
   *
   * @param reason what failed; must not contain secrets
   * @return the health
   */
  public static TierHealth down(String reason) {
    return new TierHealth(Status.DOWN, Objects.requireNonNull(reason, "reason"));
  }

  /**
   * A tier that will not serve again.
   *
   * @param reason why; must not contain secrets
   * @return the health
   */
  public static TierHealth disabled(String reason) {
    return new TierHealth(Status.DISABLED, Objects.requireNonNull(reason, "reason"));
  }

  /**
   * The state.
   *
   * @return the state
   */
  public Status status() {
    return status;
  }

  /**
   * Whether the tier is serving.
   *
   * @return true when {@link #status()} is {@link Status#UP}
   */
  public boolean isUp() {
    return status == Status.UP;
  }

  /**
   * Why the tier is not serving.
   *
   * @return the reason, empty when {@link Status#UP}
   */
  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TierHealth h && status == h.status && Objects.equals(reason, h.reason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, reason);
  }

  @Override
  public String toString() {
    return reason == null ? status.name() : status + " (" + reason + ")";
  }
}
