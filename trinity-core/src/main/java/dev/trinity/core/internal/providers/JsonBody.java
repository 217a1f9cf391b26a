package dev.trinity.core.internal.providers;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.trinity.api.MalformedResponseException;
import dev.trinity.api.ProviderException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A 2xx response body parsed as JSON, with accessors that turn a missing required field into a
 * {@link MalformedResponseException} naming the field.
 *
 * <p>Fields are addressed with JSON Pointers ({@code /choices/0/message/content}) and named in
 * messages in dotted form ({@code choices[0].message.content}). Messages never contain the body
 * itself, which is model output; {@link MalformedResponseException#bodyExcerpt()} carries its first
 * {@value #MAX_EXCERPT} characters.
 */
public final class JsonBody {
  /** The most characters of a body kept in {@link MalformedResponseException#bodyExcerpt()}. */
  public static final int MAX_EXCERPT = 300;

  private static final ConcurrentHashMap<String, JsonPointer> POINTERS = new ConcurrentHashMap<>();

  private final String provider;
  private final int status;
  private final JsonNode root;
  private final byte @Nullable [] raw;
  private final @Nullable String rawText;
  private final @Nullable String secret;

  private JsonBody(
      String provider,
      int status,
      JsonNode root,
      byte @Nullable [] raw,
      @Nullable String rawText,
      @Nullable String secret) {
    this.provider = provider;
    this.status = status;
    this.root = root;
    this.raw = raw;
    this.rawText = rawText;
    this.secret = secret;
  }

  /**
   * Parses a response body.
   *
   * @param provider the provider's name
   * @param status the HTTP status
   * @param body the body as received
   * @param secret a secret sent with the request, masked in excerpts and messages; may be null
   * @return the parsed body
   * @throws MalformedResponseException when the body is empty or not a JSON object
   */
  public static JsonBody parse(String provider, int status, byte[] body, @Nullable String secret) {
    JsonNode root;
    try {
      root = ProviderSupport.JSON.readTree(body);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      throw malformed(provider, status, "a body that is not valid JSON" + where, body, secret, e);
    } catch (java.io.IOException e) {
      throw malformed(provider, status, "a body that could not be read", body, secret, e);
    }
    return checked(provider, status, root, body, null, secret);
  }

  /**
   * Parses one piece of a streamed body (an NDJSON line, an SSE event's data), already text.
   *
   * @param provider the provider's name
   * @param status the HTTP status
   * @param text the piece
   * @param secret a secret sent with the request, masked in excerpts and messages; may be null
   * @return the parsed piece
   * @throws MalformedResponseException when the piece is empty or not a JSON object
   */
  public static JsonBody parse(String provider, int status, String text, @Nullable String secret) {
    JsonNode root;
    try {
      root = ProviderSupport.JSON.readTree(text);
    } catch (JsonProcessingException e) {
      byte[] body = text.getBytes(StandardCharsets.UTF_8);
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      throw malformed(provider, status, "a body that is not valid JSON" + where, body, secret, e);
    }
    return checked(provider, status, root, null, text, secret);
  }

  private static JsonBody checked(
      String provider,
      int status,
      @Nullable JsonNode root,
      byte @Nullable [] body,
      @Nullable String text,
      @Nullable String secret) {
    if (root == null || root.isMissingNode()) {
      throw malformed(provider, status, "an empty body", bytes(body, text), secret, null);
    }
    if (!root.isObject()) {
      throw malformed(
          provider,
          status,
          "a JSON " + root.getNodeType() + " instead of an object",
          bytes(body, text),
          secret,
          null);
    }
    return new JsonBody(provider, status, root, body, text, secret);
  }

  private static byte[] bytes(byte @Nullable [] body, @Nullable String text) {
    return body != null ? body : text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
  }

  /** Compiled once per pointer text: the decoders read the same few pointers from every piece. */
  private JsonNode at(String pointer) {
    JsonPointer compiled = POINTERS.get(pointer);
    if (compiled == null) {
      compiled = JsonPointer.compile(pointer);
      POINTERS.putIfAbsent(pointer, compiled);
    }
    return root.at(compiled);
  }

  /**
   * The provider that sent the body.
   *
   * @return its name
   */
  public String provider() {
    return provider;
  }

  /**
   * The parsed body.
   *
   * @return the root object
   */
  public JsonNode root() {
    return root;
  }

  /**
   * A string field the answer cannot do without. When the field is missing and the body carries an
   * {@code error} instead (some servers answer errors with a 2xx status), the provider's error is
   * reported instead.
   *
   * @param pointer the field, as a JSON Pointer
   * @return the field's text (possibly empty)
   * @throws ProviderException for a 2xx body carrying an {@code error}, not retryable
   * @throws MalformedResponseException when the field is missing, null or not a string
   */
  public String requireText(String pointer) {
    JsonNode v = at(pointer);
    if (v.isTextual()) {
      return v.asText();
    }
    Optional<String> error = errorMessage();
    if (error.isPresent()) {
      throw new ProviderException(
          provider,
          status,
          provider + " answered HTTP " + status + " with an error: " + error.get(),
          false,
          null);
    }
    String name = dotted(pointer);
    String problem =
        v.isMissingNode()
            ? "a body without " + name
            : v.isNull() ? "a null " + name : name + " that is a " + v.getNodeType() + ", not text";
    throw malformed(provider, status, problem, bytes(raw, rawText), secret, null);
  }

  /**
   * An optional string field.
   *
   * @param pointer the field, as a JSON Pointer
   * @return the text, or empty when missing, null or not a string
   */
  public Optional<String> text(String pointer) {
    JsonNode v = at(pointer);
    return v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
  }

  /**
   * An optional boolean field.
   *
   * @param pointer the field, as a JSON Pointer
   * @return true only when the field is the JSON literal {@code true}
   */
  public boolean flag(String pointer) {
    return at(pointer).asBoolean(false);
  }

  /**
   * A token count.
   *
   * @param pointer the field, as a JSON Pointer
   * @return the count, or 0 when missing, negative or not an integer that fits an {@code int}
   */
  public int count(String pointer) {
    JsonNode v = at(pointer);
    if (v.isIntegralNumber() && v.canConvertToInt() && v.asInt() >= 0) {
      return v.asInt();
    }
    return 0;
  }

  /**
   * The error a body carries, in the shapes servers use: {@code {"error": "..."}} or {@code
   * {"error": {"message": "...", "code": ...}}}.
   *
   * @return the error's message, with any secret masked, or empty when the body has no error
   */
  public Optional<String> errorMessage() {
    JsonNode error = root.get("error");
    String found = null;
    if (error != null && error.isTextual()) {
      found = error.asText();
    } else if (error != null && error.isObject()) {
      JsonNode message = error.get("message");
      found = message != null && message.isValueNode() ? message.asText() : error.toString();
      JsonNode code = error.get("code");
      if (code != null && code.isValueNode() && !code.isNull() && !found.contains(code.asText())) {
        found = found + " (" + code.asText() + ")";
      }
    }
    if (found == null || found.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(mask(shorten(found), secret));
  }

  private static MalformedResponseException malformed(
      String provider,
      int status,
      String problem,
      byte[] body,
      @Nullable String secret,
      @Nullable Throwable cause) {
    return new MalformedResponseException(
        provider,
        status,
        provider + " answered HTTP " + status + " with " + problem,
        mask(excerpt(body), secret),
        cause);
  }

  private static String excerpt(byte[] body) {
    int n = Math.min(body.length, MAX_EXCERPT * 4);
    String text = new String(body, 0, n, StandardCharsets.UTF_8);
    return text.length() > MAX_EXCERPT ? text.substring(0, MAX_EXCERPT) : text;
  }

  private static String shorten(String s) {
    String oneLine = s.replaceAll("\\s+", " ").strip();
    return oneLine.length() > MAX_EXCERPT ? oneLine.substring(0, MAX_EXCERPT) + "…" : oneLine;
  }

  private static String mask(String s, @Nullable String secret) {
    return secret == null || secret.isEmpty() ? s : s.replace(secret, "****");
  }

  /** {@code /choices/0/message/content} becomes {@code choices[0].message.content}. */
  static String dotted(String pointer) {
    StringBuilder out = new StringBuilder();
    for (String part : pointer.substring(1).split("/")) {
      if (!part.isEmpty() && part.chars().allMatch(Character::isDigit)) {
        out.append('[').append(part).append(']');
      } else {
        out.append(out.length() == 0 ? "" : ".").append(part);
      }
    }
    return out.toString();
  }
}
