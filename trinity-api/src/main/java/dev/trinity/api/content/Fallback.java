package dev.trinity.api.content;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the content engine answers with when the model path fails for good (retries exhausted,
 * circuit breaker open, deadline passed, answers still invalid after the repairs) instead of
 * failing. Invalid input never falls back: it is the caller's to fix. Immutable.
 *
 * <p>A fallback answer has {@link ContentSource#FALLBACK} as its source, names the failure in
 * {@link GeneratedContent#warnings()}, and is logged at WARN. Its provider and model say who made
 * it: the {@code offline} provider and its rule-based model for {@link Kind#OFFLINE}, {@link
 * #HOST_PROVIDER} and {@link #NO_MODEL} for {@link Kind#STATIC}.
 */
public final class Fallback {
  /** The kinds of fallback. */
  public enum Kind {
    /** No fallback: the failure reaches the caller (the default). */
    NONE,
    /** Rule-based content extracted from the portfolio, as the {@code offline} provider makes. */
    OFFLINE,
    /** Fixed content the host supplied. */
    STATIC
  }

  /**
   * The {@link GeneratedContent#provider()} of an answer from a {@link Kind#STATIC} fallback: the
   * host supplied the content, no provider answered.
   */
  public static final String HOST_PROVIDER = "host";

  /**
   * The {@link GeneratedContent#model()} of an answer from a {@link Kind#STATIC} fallback: no model
   * wrote the content.
   */
  public static final String NO_MODEL = "none";

  private static final Fallback NONE = new Fallback(Kind.NONE, null);
  private static final Fallback OFFLINE = new Fallback(Kind.OFFLINE, null);

  private final Kind kind;
  private final @Nullable SiteContent content;

  private Fallback(Kind kind, @Nullable SiteContent content) {
    this.kind = kind;
    this.content = content;
  }

  /**
   * No fallback: failures reach the caller.
   *
   * @return the fallback
   */
  public static Fallback none() {
    return NONE;
  }

  /**
   * Rule-based content from the portfolio itself, styled with the request's theme.
   *
   * @return the fallback
   */
  public static Fallback offline() {
    return OFFLINE;
  }

  /**
   * Fixed content, returned as given (the theme's rules are not applied to it). The engine checks
   * it against the content schema when it is configured.
   *
   * @param content the content to answer with
   * @return the fallback
   */
  public static Fallback of(SiteContent content) {
    return new Fallback(Kind.STATIC, Objects.requireNonNull(content, "content"));
  }

  /**
   * The kind of fallback.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The fixed content of a {@link Kind#STATIC} fallback.
   *
   * @return the content, or empty for other kinds
   */
  public Optional<SiteContent> content() {
    return Optional.ofNullable(content);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fallback f && kind == f.kind && Objects.equals(content, f.content);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, content);
  }

  @Override
  public String toString() {
    return "Fallback[" + kind + "]";
  }
}
