package dev.trinity.test;

import dev.trinity.api.LlmRequest;
import dev.trinity.api.internal.RequestDigest;
import java.nio.charset.StandardCharsets;

/**
 * The request key a {@link Cassette} files an answer under: the SHA-256 (64 lower-case hex
 * characters) of a canonical, versioned encoding of everything in the request that changes the
 * answer.
 *
 * <p>Encoding, version {@value #VERSION}: the bytes {@code trinity-cassette-key/v1}, then, in this
 * order, each field as a tag byte, a 4-byte big-endian length and the UTF-8 bytes of its value
 * (length {@code -1} when absent): provider name, model, system prompt, the number of messages,
 * each message's role and content, temperature, top_p, max tokens, seed (numbers in Java's
 * canonical {@code toString} form), response format kind, schema name, schema text, prompt-template
 * version ({@code RequestDigest}, shared with trinity-core's cache key). Length prefixes make it
 * unambiguous. It is the encoding of trinity-core's cache key without the endpoint: a cassette
 * recorded against {@code localhost:11434}, or a stand-in on a random port, replays anywhere.
 * Correlation id, deadline and cache policy do not change the answer and are not part of the key
 * either, so the same request made by two tests, in any order or at once, finds the same recording.
 *
 * <p>The key is computed from the complete request the provider receives: Trinity's pipeline has
 * already put in the model and the configured temperature, so a request that relies on defaults and
 * one that spells them out get the same key.
 *
 * <p>Thread-safe.
 */
public final class CassetteKeys {
  /** The encoding version; it changes whenever the encoding does, and old cassettes then miss. */
  public static final String VERSION = "v1";

  private static final byte[] PREFIX =
      ("trinity-cassette-key/" + VERSION).getBytes(StandardCharsets.US_ASCII);

  private CassetteKeys() {}

  /**
   * Computes a request's key.
   *
   * @param provider the provider's name, such as {@code ollama}
   * @param request the request as the provider receives it (model and temperature resolved)
   * @return 64 lower-case hex characters
   */
  public static String of(String provider, LlmRequest request) {
    return RequestDigest.sha256Hex(PREFIX, provider, null, request);
  }
}
