package dev.trinity.core.internal.cache;

import dev.trinity.api.LlmRequest;
import dev.trinity.api.internal.RequestDigest;
import java.nio.charset.StandardCharsets;

/**
 * The cache key of a request: the SHA-256 (64 hex characters) of a canonical, versioned encoding of
 * everything that changes the answer.
 *
 * <p>Encoding, version {@value #VERSION} ({@link RequestDigest}): the bytes {@code
 * trinity-request-key/v1} and then, in this order, each field as a tag byte, a 4-byte big-endian
 * length and the UTF-8 bytes of its value (length {@code -1} for an absent value): provider name,
 * provider endpoint, model, system prompt, the number of messages, then each message's role and
 * content, temperature, top_p, max tokens, seed (numbers in Java's canonical {@code toString}
 * form), response format kind, schema name, schema text, prompt-template version. Length prefixes
 * make the encoding unambiguous: no two different requests encode to the same bytes. Correlation
 * id, deadline and cache policy do not change the answer and are not part of the key.
 */
public final class RequestKeys {
  /** The encoding version; bump it whenever the encoding changes. */
  public static final String VERSION = "v1";

  private static final byte[] PREFIX =
      ("trinity-request-key/" + VERSION).getBytes(StandardCharsets.US_ASCII);

  private RequestKeys() {}

  /**
   * Computes a request's key.
   *
   * @param provider the provider's name
   * @param endpoint the provider's endpoint
   * @param request the request with defaults applied (model, temperature)
   * @return 64 lower-case hex characters
   */
  public static String of(String provider, String endpoint, LlmRequest request) {
    return RequestDigest.sha256Hex(PREFIX, provider, endpoint, request);
  }
}
