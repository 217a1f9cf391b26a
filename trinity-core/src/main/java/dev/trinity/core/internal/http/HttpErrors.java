package dev.trinity.core.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trinity.api.ConnectionException;
import dev.trinity.api.ModelNotFoundException;
import dev.trinity.api.ProviderException;
import dev.trinity.api.ProviderException.Kind;
import dev.trinity.api.RateLimitedException;
import dev.trinity.api.RequestTimeoutException;
import dev.trinity.api.ResponseTooLargeException;
import dev.trinity.api.TrinityException;
import dev.trinity.api.internal.Throwables;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one place where HTTP statuses, provider error bodies and transport failures become {@link
 * ProviderException}s, each with its {@link Kind} decided here once. The README's status table
 * documents the same rules.
 *
 * <table>
 *   <caption>Status to exception</caption>
 *   <tr><th>status</th><th>exception</th><th>kind</th><th>retryable</th></tr>
 *   <tr><td>429</td><td>{@link RateLimitedException} with its retry hint</td>
 *       <td>{@code RATE_LIMITED}</td><td>yes</td></tr>
 *   <tr><td>any, with an error saying the server is busy or overloaded</td>
 *       <td>{@link ProviderException}</td><td>{@code OVERLOADED}</td><td>yes</td></tr>
 *   <tr><td>503</td><td>{@link ProviderException}</td><td>{@code UNAVAILABLE}</td>
 *       <td>yes</td></tr>
 *   <tr><td>408, other 5xx, with a retry hint</td><td>{@link ProviderException}</td>
 *       <td>{@code OVERLOADED}</td><td>yes</td></tr>
 *   <tr><td>408, other 5xx</td><td>{@link ProviderException}</td><td>{@code SERVER}</td>
 *       <td>yes</td></tr>
 *   <tr><td>409</td><td>{@link ProviderException}</td><td>{@code CLIENT}</td><td>yes</td></tr>
 *   <tr><td>404 naming a model</td><td>{@link ModelNotFoundException}</td><td>{@code CLIENT}</td>
 *       <td>no</td></tr>
 *   <tr><td>other 4xx (400, 401, 403, 404, 422, …)</td><td>{@link ProviderException}</td>
 *       <td>{@code CLIENT}</td><td>no</td></tr>
 *   <tr><td>1xx, 3xx</td><td>{@link ProviderException}</td><td>{@code CLIENT}</td><td>no</td></tr>
 * </table>
 *
 * <p>Body overrides of retryable: a message saying the model is loading, the server is busy or
 * overloaded makes any status retryable; a message saying the model needs more memory than the host
 * has makes a 5xx not retryable.
 *
 * <p>Every failure carries the provider's retry hint, if it gave one ({@link
 * ProviderException#retryAfter()}), as {@link RetryHints} reads it from the headers and the body.
 */
public final class HttpErrors {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_MESSAGE = 300;
  private static final Pattern TRANSIENT =
      Pattern.compile(
          "(model is loading|loading model|overloaded|server busy|try again later|"
              + "maximum pending requests)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern BUSY =
      Pattern.compile(
          "(server busy|overloaded|maximum pending requests)", Pattern.CASE_INSENSITIVE);
  private static final Pattern PERMANENT =
      Pattern.compile("(requires more system memory|out of memory)", Pattern.CASE_INSENSITIVE);
  private static final Pattern MODEL_NOT_FOUND =
      Pattern.compile(
          "(model.*not found|not found.*model|model_not_found|no such model)",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private HttpErrors() {}

  /**
   * Maps an HTTP error response.
   *
   * @param provider the provider's name
   * @param model the model that was asked for
   * @param status the HTTP status (not 2xx)
   * @param headers the response headers
   * @param body the response body (may be empty)
   * @param clock the clock an HTTP-date {@code Retry-After} is measured from
   * @param secret a secret sent with the request, removed from any echoed text; may be null
   * @return the exception to fail the request with, its kind set
   */
  public static ProviderException fromStatus(
      String provider,
      String model,
      int status,
      HttpHeaders headers,
      byte[] body,
      Clock clock,
      @Nullable String secret) {
    String detail = redact(errorMessage(body), secret);
    String message =
        provider + " answered HTTP " + status + (detail.isEmpty() ? "" : ": " + detail);
    Duration retryAfter =
        RetryHints.read(status, headers, body, clock).map(RetryHints.Hint::delay).orElse(null);
    if (status == 429) {
      return new RateLimitedException(provider, message, retryAfter);
    }
    if (status == 404 && MODEL_NOT_FOUND.matcher(detail).find()) {
      return new ModelNotFoundException(
          provider, status, model, message + " (model '" + model + "')");
    }
    // alive but full, whatever the status: the retry stage and the concurrency limit deal with it
    Kind kind = BUSY.matcher(detail).find() ? Kind.OVERLOADED : Kind.ofStatus(status);
    if (kind == Kind.SERVER && retryAfter != null) {
      // a server that says when to come back is alive and pacing its clients: an overload signal,
      // not a sick endpoint (a 503 stays UNAVAILABLE, an overload signal already)
      kind = Kind.OVERLOADED;
    }
    boolean retryable =
        status == 409 || kind == Kind.OVERLOADED || kind == Kind.UNAVAILABLE || kind == Kind.SERVER;
    if (!detail.isEmpty()) {
      if (TRANSIENT.matcher(detail).find()) {
        retryable = true;
      } else if (PERMANENT.matcher(detail).find()) {
        retryable = false;
      }
    }
    return new ProviderException(provider, kind, status, message, retryable, retryAfter, null);
  }

  /**
   * Maps a failure of the exchange itself (no usable response).
   *
   * @param provider the provider's name
   * @param target where the request went, for the message
   * @param failure what the HTTP client reported
   * @param timeout the exchange's timeout, if it had one
   * @param maxBytes the response-size cap
   * @return a {@link TrinityException} to fail with, or the {@link CancellationException} itself
   */
  public static RuntimeException fromFailure(
      String provider,
      String target,
      Throwable failure,
      @Nullable Duration timeout,
      long maxBytes) {
    Throwable t = Throwables.unwrap(failure);
    if (t instanceof TrinityException te) {
      return te;
    }
    if (t instanceof CancellationException ce) {
      return ce;
    }
    if (t instanceof LimitedBodyHandler.BodyTooLargeException tooLarge) {
      return new ResponseTooLargeException(provider, tooLarge.status, maxBytes);
    }
    if (t instanceof HttpTimeoutException) {
      Duration d = timeout == null ? Duration.ZERO : timeout;
      return new RequestTimeoutException(
          provider,
          provider + " did not answer " + target + " within " + d.toMillis() + " ms",
          d,
          false,
          t);
    }
    if (t instanceof IOException) {
      return new ConnectionException(
          provider, provider + " could not be reached at " + target + ": " + describeIo(t), t);
    }
    return new ProviderException(
        provider,
        Kind.OTHER,
        ProviderException.NO_STATUS,
        provider + " request to " + target + " failed: " + describe(t),
        false,
        null,
        t);
  }

  /** Pulls the human-readable error out of the body shapes providers use. */
  static String errorMessage(byte[] body) {
    if (body.length == 0) {
      return "";
    }
    String text = new String(body, 0, Math.min(body.length, 64 * 1024), StandardCharsets.UTF_8);
    String found = null;
    try {
      JsonNode root = JSON.readTree(text);
      if (root != null && root.isObject()) {
        JsonNode error = root.get("error");
        if (error != null && error.isTextual()) {
          found = error.asText(); // Ollama, llama.cpp (older)
        } else if (error != null && error.isObject()) {
          found = text(error, "message"); // OpenAI, llama.cpp server
          String code = text(error, "code");
          if (code != null && found != null && !found.contains(code)) {
            found = found + " (" + code + ")";
          }
        }
        if (found == null) {
          found = text(root, "message"); // vLLM {"object":"error","message":...}
        }
        if (found == null) {
          found = text(root, "detail"); // FastAPI-based servers
        }
      }
    } catch (IOException notJson) {
      // fall through to the raw text
    }
    if (found == null) {
      found = text.strip();
      if (found.startsWith("<")) {
        return ""; // an HTML error page says nothing useful
      }
    }
    return shorten(found);
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    return v.isValueNode() ? v.asText() : v.toString();
  }

  private static String shorten(String s) {
    String oneLine = s.replaceAll("\\s+", " ").strip();
    StringBuilder out = new StringBuilder(Math.min(oneLine.length(), MAX_MESSAGE + 1));
    for (int i = 0; i < oneLine.length() && out.length() < MAX_MESSAGE; i++) {
      char c = oneLine.charAt(i);
      out.append(Character.isISOControl(c) ? '?' : c);
    }
    if (oneLine.length() > MAX_MESSAGE) {
      out.append('…');
    }
    return out.toString();
  }

  private static String redact(String s, @Nullable String secret) {
    if (secret == null || secret.isEmpty() || s.isEmpty()) {
      return s;
    }
    return s.replace(secret, "****");
  }

  /**
   * An I/O failure in the words a user knows: "connection refused", "connection reset", "unknown
   * host model.example"; otherwise the exception's type and message.
   */
  static String describeIo(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      String m = c.getMessage() == null ? "" : c.getMessage().toLowerCase(Locale.ROOT);
      if (c instanceof ConnectException && (m.isEmpty() || m.contains("refused"))) {
        return "connection refused";
      }
      if (m.contains("connection reset")) {
        return "connection reset";
      }
      if (c instanceof UnknownHostException) {
        return "unknown host " + shorten(c.getMessage() == null ? "" : c.getMessage());
      }
    }
    return describe(t);
  }

  private static String describe(Throwable t) {
    String m = t.getMessage();
    String type = t.getClass().getSimpleName();
    return m == null || m.isBlank() ? type : type + ": " + shorten(m);
  }
}
