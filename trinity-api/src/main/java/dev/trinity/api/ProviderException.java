package dev.trinity.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A failure while talking to an LLM provider: an HTTP error status, a connection failure, a timeout
 * or an answer that could not be read.
 *
 * <p>Each failure is classified once, where it is created: its {@link #kind()} says what went wrong
 * (the HTTP status and the provider's error body, a connection failure, a timeout, an unreadable
 * answer), and Trinity's circuit breaker, adaptive concurrency limit and retry stage read that kind
 * (and {@link #isRetryable()}) instead of looking at status codes or messages again. The mapping
 * from HTTP status and provider error bodies to kinds and subtypes lives in one place in the core
 * module; see the README's status table.
 */
public class ProviderException extends TrinityException {
  private static final long serialVersionUID = 1L;

  /** The value of {@link #statusCode()} when no HTTP response was received. */
  public static final int NO_STATUS = 0;

  /**
   * What kind of failure a {@link ProviderException} is, and so how Trinity's resilience stages
   * treat it: whether it {@linkplain #countsAgainstEndpoint() counts against the endpoint} (the
   * circuit breaker) and whether it is {@linkplain #isOverload() an overload signal} (the adaptive
   * concurrency limit). Whether a retry could help is {@link ProviderException#isRetryable()},
   * decided at the same time: usually by the kind, sometimes by what the provider said (an error
   * saying the model is loading is retryable whatever its status; one saying the model needs more
   * memory than the host has is not).
   *
   * <table>
   *   <caption>Kinds and how they are treated</caption>
   *   <tr><th>kind</th><th>counts against the endpoint</th><th>overload</th>
   *       <th>usually retryable</th></tr>
   *   <tr><td>{@link #RATE_LIMITED}</td><td>no</td><td>yes</td><td>yes</td></tr>
   *   <tr><td>{@link #OVERLOADED}</td><td>no</td><td>yes</td><td>yes</td></tr>
   *   <tr><td>{@link #UNAVAILABLE}</td><td>yes</td><td>yes</td><td>yes</td></tr>
   *   <tr><td>{@link #SERVER}</td><td>yes</td><td>no</td><td>yes</td></tr>
   *   <tr><td>{@link #CLIENT}</td><td>no</td><td>no</td><td>no (409: yes)</td></tr>
   *   <tr><td>{@link #TRANSPORT}</td><td>yes</td><td>no</td><td>yes</td></tr>
   *   <tr><td>{@link #TIMEOUT}</td><td>yes</td><td>yes</td>
   *       <td>yes, unless the request's deadline passed with it</td></tr>
   *   <tr><td>{@link #DEADLINE}</td><td>no</td><td>no</td><td>no</td></tr>
   *   <tr><td>{@link #MALFORMED}</td><td>no</td><td>no</td><td>no</td></tr>
   *   <tr><td>{@link #OTHER}</td><td>no</td><td>no</td><td>no</td></tr>
   * </table>
   */
  public enum Kind {
    /** HTTP 429: the provider's rate limit refused the request; it may say when to come back. */
    RATE_LIMITED(false, true),
    /**
     * The provider said it is alive but full ("server busy", "overloaded", "maximum pending
     * requests"), whatever the status: it needs less load, not a breaker.
     */
    OVERLOADED(false, true),
    /**
     * HTTP 503 without saying the server is busy: the server, or a proxy in front of it, cannot
     * serve now. It may be down (a gateway with no live backend answers so), so it counts against
     * the endpoint; it may be full, so it is also an overload signal.
     */
    UNAVAILABLE(true, true),
    /** The server failed: HTTP 5xx other than 503, or 408 (the server gave up waiting). */
    SERVER(true, false),
    /**
     * The endpoint refused the request as sent: HTTP 4xx other than 408 and 429 (bad request,
     * unauthorized, model not found, conflict…), or a status that is no answer (1xx, 3xx: redirects
     * are not followed). Fix the request or the configuration.
     */
    CLIENT(false, false),
    /** The provider could not be reached, or the connection broke (refused, reset, DNS, TLS). */
    TRANSPORT(true, false),
    /**
     * The provider did not answer in time: an exchange ran out of its time, whether or not the
     * request's deadline passed with it.
     */
    TIMEOUT(true, true),
    /**
     * The request's deadline passed while no exchange was timing out: before a call was sent,
     * during a back-off, or while waiting in line. The endpoint is not to blame.
     */
    DEADLINE(false, false),
    /**
     * The provider answered with a success status but an answer that could not be used: not JSON,
     * without the expected fields, an error inside a success body, or a body over the size cap.
     */
    MALFORMED(false, false),
    /**
     * None of the above: a provider's own failure without an HTTP exchange, or a provider bug
     * reported by the pipeline.
     */
    OTHER(false, false);

    private final boolean countsAgainstEndpoint;
    private final boolean overload;

    Kind(boolean countsAgainstEndpoint, boolean overload) {
      this.countsAgainstEndpoint = countsAgainstEndpoint;
      this.overload = overload;
    }

    /**
     * Whether a failure of this kind says the endpoint is unhealthy, so that the circuit breaker
     * guarding it counts the failure.
     *
     * @return true for {@link #UNAVAILABLE}, {@link #SERVER}, {@link #TRANSPORT} and {@link
     *     #TIMEOUT}
     */
    public boolean countsAgainstEndpoint() {
      return countsAgainstEndpoint;
    }

    /**
     * Whether a failure of this kind says the endpoint has more work than it can take, so that an
     * adaptive concurrency limit lowers its limit.
     *
     * @return true for {@link #RATE_LIMITED}, {@link #OVERLOADED}, {@link #UNAVAILABLE} and {@link
     *     #TIMEOUT}
     */
    public boolean isOverload() {
      return overload;
    }

    /**
     * The kind an HTTP status means by itself, before any error body is read: 429 {@link
     * #RATE_LIMITED}, 503 {@link #UNAVAILABLE}, 408 and other 5xx {@link #SERVER}, other 4xx, 1xx
     * and 3xx {@link #CLIENT}, 2xx {@link #MALFORMED} (a success whose answer could not be used),
     * {@link #NO_STATUS} {@link #OTHER}.
     *
     * @param statusCode an HTTP status, or {@link #NO_STATUS}
     * @return the kind
     */
    public static Kind ofStatus(int statusCode) {
      if (statusCode == 429) {
        return RATE_LIMITED;
      }
      if (statusCode == 503) {
        return UNAVAILABLE;
      }
      if (statusCode == 408 || (statusCode >= 500 && statusCode <= 599)) {
        return SERVER;
      }
      if (statusCode >= 200 && statusCode <= 299) {
        return MALFORMED;
      }
      return statusCode == NO_STATUS ? OTHER : CLIENT;
    }
  }

  private final String provider;
  private final Kind kind;
  private final int statusCode;
  private final @Nullable Duration retryAfter;

  /**
   * Creates a provider failure whose kind follows from its status ({@link Kind#ofStatus(int)}).
   *
   * @param provider the provider's name, such as {@code ollama}
   * @param statusCode the HTTP status, or {@link #NO_STATUS}
   * @param message what failed, without secrets
   * @param retryable whether a later retry could succeed
   * @param cause the underlying failure, if any
   */
  public ProviderException(
      String provider,
      int statusCode,
      String message,
      boolean retryable,
      @Nullable Throwable cause) {
    this(provider, statusCode, message, retryable, null, cause);
  }

  /**
   * Creates a provider failure that says how long to wait before retrying, whose kind follows from
   * its status ({@link Kind#ofStatus(int)}).
   *
   * @param provider the provider's name, such as {@code ollama}
   * @param statusCode the HTTP status, or {@link #NO_STATUS}
   * @param message what failed, without secrets
   * @param retryable whether a later retry could succeed
   * @param retryAfter how long the server asked to wait, if it said
   * @param cause the underlying failure, if any
   */
  public ProviderException(
      String provider,
      int statusCode,
      String message,
      boolean retryable,
      @Nullable Duration retryAfter,
      @Nullable Throwable cause) {
    this(provider, Kind.ofStatus(statusCode), statusCode, message, retryable, retryAfter, cause);
  }

  /**
   * Creates a provider failure of a given kind: the constructor for the code that classifies a
   * failure where it happens (the HTTP error mapping, a decoder, a timeout).
   *
   * @param provider the provider's name, such as {@code ollama}
   * @param kind what kind of failure it is
   * @param statusCode the HTTP status, or {@link #NO_STATUS}
   * @param message what failed, without secrets
   * @param retryable whether a later retry could succeed
   * @param retryAfter how long the server asked to wait, if it said
   * @param cause the underlying failure, if any
   */
  public ProviderException(
      String provider,
      Kind kind,
      int statusCode,
      String message,
      boolean retryable,
      @Nullable Duration retryAfter,
      @Nullable Throwable cause) {
    super(message, cause, retryable);
    this.provider = provider;
    this.kind = Objects.requireNonNull(kind, "kind");
    this.statusCode = statusCode;
    this.retryAfter = retryAfter;
  }

  /**
   * What kind of failure this is, decided once where it was created. Trinity's circuit breaker,
   * adaptive concurrency limit and retry stage read it; hosts can switch on it too.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * How long the server asked the client to wait: {@code retry-after-ms}, {@code Retry-After}
   * (seconds or an HTTP date), "try again in 1.5s" in the error body, or the reset of an exhausted
   * {@code x-ratelimit-*} budget (the README's retry section lists every form and which wins). The
   * retry stage waits this long instead of its own back-off, at most {@code max_backoff}; a wait as
   * long as the request's time left ends the request at once.
   *
   * @return the wait, or empty when the server did not say
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /**
   * The provider that failed.
   *
   * @return the provider's name, such as {@code ollama} or {@code openai}
   */
  public String provider() {
    return provider;
  }

  /**
   * The HTTP status the provider answered with.
   *
   * @return the status, or {@link #NO_STATUS} when no HTTP response was received
   */
  public int statusCode() {
    return statusCode;
  }
}
