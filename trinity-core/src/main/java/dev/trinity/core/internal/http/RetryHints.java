package dev.trinity.core.internal.http;

import java.math.BigDecimal;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How long a provider asked the client to wait, read from a failed response's headers and error
 * body: the one place where rate-limit hints are parsed. docs/rate-limit-hints.md lists every form
 * with a real sample.
 *
 * <p>Contract: {@link #read} never throws. A malformed value is ignored, as if it were absent, and
 * the next source is tried; a negative value counts as zero; a value over {@link #MAX} counts as
 * {@link #MAX}. The first source that gives a value wins:
 *
 * <ol>
 *   <li>{@code retry-after-ms}, then {@code x-ms-retry-after-ms}: milliseconds (OpenAI, Azure);
 *   <li>{@code Retry-After}: seconds, or an HTTP date (a date in the past is zero);
 *   <li>the error body: "try again in 644ms", "Please try again in 1m2.5s", "Please retry after 7
 *       seconds", "Try again in 60 seconds", "retry in 57.6s";
 *   <li>{@code x-ratelimit-reset-requests} / {@code x-ratelimit-reset-tokens} (OpenAI's {@code
 *       6m0s} duration syntax, or bare seconds): the reset of the budget whose {@code
 *       x-ratelimit-remaining-*} is 0 (the larger if both are); with no remaining header to say
 *       which, the larger reset, on a 429 only. A reset of zero is no hint.
 * </ol>
 *
 * <p>The explicit headers come first because the server set them for this answer; the body's figure
 * comes before the reset headers because it is computed for the request that failed, while a reset
 * says when the whole budget is full again. Capping by the request's deadline and by {@code
 * max_backoff} is the retry stage's job, not this class's.
 *
 * <p>Thread-safe: stateless.
 */
public final class RetryHints {
  /** The longest hint kept: one day (Azure's daily quotas say "retry after 86400 seconds"). */
  public static final Duration MAX = Duration.ofDays(1);

  /** The most of the body read for a hint. */
  private static final int BODY_SCAN = 64 * 1024;

  private static final BigDecimal MAX_NANOS = BigDecimal.valueOf(MAX.toNanos());
  private static final BigDecimal NANOS_PER_MILLI = BigDecimal.valueOf(1_000_000L);
  private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

  private static final String NUMBER = "\\d+(?:\\.\\d+)?";
  private static final String GO_UNIT = "(?:ns|us|µs|μs|ms|h|m|s)";

  /** "try again in" / "retry after" / "retry in", then a Go duration or a number and a word. */
  private static final Pattern BODY =
      Pattern.compile(
          "(?:try again|retry)\\s+(?:in|after)\\s+(?:((?:"
              + NUMBER
              + GO_UNIT
              + ")+)(?![\\p{L}\\d])|("
              + NUMBER
              + ")\\s*(milliseconds?|seconds?|secs?|minutes?|mins?|hours?)\\b)",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern GO_PART = Pattern.compile("(" + NUMBER + ")(" + GO_UNIT + ")");
  private static final Pattern DECIMAL = Pattern.compile("-?" + NUMBER);

  private RetryHints() {}

  /** Where a hint was read. */
  public enum Source {
    /** The {@code retry-after-ms} header. */
    RETRY_AFTER_MS("retry-after-ms"),
    /** Azure's {@code x-ms-retry-after-ms} header. */
    X_MS_RETRY_AFTER_MS("x-ms-retry-after-ms"),
    /** The {@code Retry-After} header. */
    RETRY_AFTER("retry-after"),
    /** A phrase in the error body. */
    BODY("body"),
    /** {@code x-ratelimit-reset-requests}. */
    RESET_REQUESTS("x-ratelimit-reset-requests"),
    /** {@code x-ratelimit-reset-tokens}. */
    RESET_TOKENS("x-ratelimit-reset-tokens");

    private final String label;

    Source(String label) {
      this.label = label;
    }

    /**
     * The header name, or {@code body}.
     *
     * @return the label
     */
    public String label() {
      return label;
    }
  }

  /**
   * A hint: how long to wait and where it was read.
   *
   * @param delay the wait, from zero to {@link #MAX}
   * @param source where it was read
   */
  public record Hint(Duration delay, Source source) {}

  /**
   * Reads the hint of a failed response.
   *
   * @param status the HTTP status
   * @param headers the response headers
   * @param body the response body (may be empty)
   * @param clock the clock an HTTP-date {@code Retry-After} is measured from
   * @return the hint, or empty when the response gave none that could be read
   */
  public static Optional<Hint> read(int status, HttpHeaders headers, byte[] body, Clock clock) {
    Duration d = millisHeader(headers, "retry-after-ms");
    if (d != null) {
      return hint(d, Source.RETRY_AFTER_MS);
    }
    d = millisHeader(headers, "x-ms-retry-after-ms");
    if (d != null) {
      return hint(d, Source.X_MS_RETRY_AFTER_MS);
    }
    d = retryAfter(header(headers, "retry-after"), clock);
    if (d != null) {
      return hint(d, Source.RETRY_AFTER);
    }
    d = inBody(body);
    if (d != null) {
      return hint(d, Source.BODY);
    }
    return fromResets(status, headers);
  }

  /**
   * Parses an OpenAI-style duration ({@code 6m0s}, {@code 1.5s}, {@code 20ms}, {@code 1h2m3s},
   * {@code 0s}; the syntax of Go's {@code time.Duration}) or a bare number of seconds.
   *
   * @param text the value
   * @return the duration, clamped to [0, {@link #MAX}], or null when {@code text} is not one
   */
  public static @Nullable Duration parseDuration(@Nullable String text) {
    if (text == null) {
      return null;
    }
    String v = text.strip();
    if (DECIMAL.matcher(v).matches()) {
      return decimal(v, NANOS_PER_SECOND);
    }
    boolean negative = v.startsWith("-");
    String rest = negative ? v.substring(1) : v;
    if (rest.isEmpty()) {
      return null;
    }
    Matcher m = GO_PART.matcher(rest);
    BigDecimal nanos = BigDecimal.ZERO;
    int at = 0;
    while (at < rest.length()) {
      m.region(at, rest.length());
      if (!m.lookingAt()) {
        return null;
      }
      nanos = nanos.add(new BigDecimal(m.group(1)).multiply(unitNanos(m.group(2))));
      at = m.end();
    }
    return clamp(negative ? nanos.negate() : nanos);
  }

  private static Optional<Hint> hint(Duration d, Source source) {
    return Optional.of(new Hint(d, source));
  }

  private static @Nullable String header(HttpHeaders headers, String name) {
    return headers.firstValue(name).map(String::strip).filter(v -> !v.isEmpty()).orElse(null);
  }

  private static @Nullable Duration millisHeader(HttpHeaders headers, String name) {
    String v = header(headers, name);
    return v != null && DECIMAL.matcher(v).matches() ? decimal(v, NANOS_PER_MILLI) : null;
  }

  /** {@code Retry-After}: delta-seconds (a fraction tolerated) or an HTTP date. */
  private static @Nullable Duration retryAfter(@Nullable String v, Clock clock) {
    if (v == null) {
      return null;
    }
    if (DECIMAL.matcher(v).matches()) {
      return decimal(v, NANOS_PER_SECOND);
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration d = Duration.between(clock.instant(), at);
      return d.isNegative() ? Duration.ZERO : d.compareTo(MAX) > 0 ? MAX : d;
    } catch (DateTimeParseException | ArithmeticException notADate) {
      return null;
    }
  }

  private static @Nullable Duration inBody(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    String text = new String(body, 0, Math.min(body.length, BODY_SCAN), StandardCharsets.UTF_8);
    Matcher m = BODY.matcher(text);
    if (!m.find()) {
      return null;
    }
    if (m.group(1) != null) {
      return parseDuration(m.group(1));
    }
    String word = m.group(3).toLowerCase(Locale.ROOT);
    BigDecimal unit =
        word.startsWith("milli")
            ? NANOS_PER_MILLI
            : word.startsWith("s")
                ? NANOS_PER_SECOND
                : word.startsWith("m")
                    ? NANOS_PER_SECOND.multiply(BigDecimal.valueOf(60))
                    : NANOS_PER_SECOND.multiply(BigDecimal.valueOf(3600));
    return decimal(m.group(2), unit);
  }

  /**
   * The reset of the exhausted budget (the larger if both are); the larger reset on a 429 when no
   * remaining header says which budget ran out; otherwise none.
   */
  private static Optional<Hint> fromResets(int status, HttpHeaders headers) {
    Duration requests = positive(parseDuration(header(headers, "x-ratelimit-reset-requests")));
    Duration tokens = positive(parseDuration(header(headers, "x-ratelimit-reset-tokens")));
    if (requests == null && tokens == null) {
      return Optional.empty();
    }
    Long remainingRequests = count(header(headers, "x-ratelimit-remaining-requests"));
    Long remainingTokens = count(header(headers, "x-ratelimit-remaining-tokens"));
    boolean requestsOut = remainingRequests != null && remainingRequests == 0;
    boolean tokensOut = remainingTokens != null && remainingTokens == 0;
    if (requestsOut || tokensOut) {
      return larger(requestsOut ? requests : null, tokensOut ? tokens : null);
    }
    if (status == 429 && remainingRequests == null && remainingTokens == null) {
      return larger(requests, tokens);
    }
    return Optional.empty();
  }

  private static Optional<Hint> larger(@Nullable Duration requests, @Nullable Duration tokens) {
    if (requests == null && tokens == null) {
      return Optional.empty();
    }
    if (tokens == null || (requests != null && requests.compareTo(tokens) >= 0)) {
      return hint(requests, Source.RESET_REQUESTS);
    }
    return hint(tokens, Source.RESET_TOKENS);
  }

  private static @Nullable Duration positive(@Nullable Duration d) {
    return d == null || d.isZero() ? null : d;
  }

  /** A remaining count; null when absent, unreadable or negative (Azure sends -1 for "unknown"). */
  private static @Nullable Long count(@Nullable String v) {
    if (v == null) {
      return null;
    }
    try {
      long n = Long.parseLong(v);
      return n < 0 ? null : n;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static @Nullable Duration decimal(String v, BigDecimal unitNanos) {
    try {
      return clamp(new BigDecimal(v).multiply(unitNanos));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Duration clamp(BigDecimal nanos) {
    if (nanos.signum() <= 0) {
      return Duration.ZERO;
    }
    if (nanos.compareTo(MAX_NANOS) >= 0) {
      return MAX;
    }
    return Duration.ofNanos(nanos.longValue());
  }

  private static BigDecimal unitNanos(String unit) {
    switch (unit.toLowerCase(Locale.ROOT)) {
      case "ns":
        return BigDecimal.ONE;
      case "us":
      case "µs":
      case "μs":
        return BigDecimal.valueOf(1_000L);
      case "ms":
        return NANOS_PER_MILLI;
      case "s":
        return NANOS_PER_SECOND;
      case "m":
        return NANOS_PER_SECOND.multiply(BigDecimal.valueOf(60));
      default: // "h"
        return NANOS_PER_SECOND.multiply(BigDecimal.valueOf(3600));
    }
  }
}
