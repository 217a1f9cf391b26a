package dev.trinity.test;

import dev.trinity.api.LlmRequest;
import dev.trinity.api.Message;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

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
 * version. Length prefixes make it unambiguous. It is the encoding of trinity-core's cache key
 * without the endpoint: a cassette recorded against {@code localhost:11434}, or a stand-in on a
 * random port, replays anywhere. Correlation id, deadline and cache policy do not change the answer
 * and are not part of the key either, so the same request made by two tests, in any order or at
 * once, finds the same recording.
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
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(request, "request");
    MessageDigest d = sha256();
    d.update(PREFIX);
    field(d, 'p', provider);
    field(d, 'm', request.model().orElse(null));
    field(d, 's', request.systemPrompt().orElse(null));
    field(d, 'n', Integer.toString(request.messages().size()));
    for (Message m : request.messages()) {
      field(d, 'r', m.role().name());
      field(d, 'c', m.content());
    }
    field(d, 't', text(request.temperature()));
    field(d, 'k', text(request.topP()));
    field(d, 'x', text(request.maxTokens()));
    field(d, 'd', text(request.seed()));
    field(d, 'f', request.responseFormat().kind().name());
    field(d, 'a', request.responseFormat().schemaName().orElse(null));
    field(d, 'j', request.responseFormat().schema().orElse(null));
    field(d, 'v', request.promptVersion().orElse(null));
    return HexFormat.of().formatHex(d.digest());
  }

  private static String text(Optional<?> value) {
    return value.map(Object::toString).orElse(null);
  }

  private static void field(MessageDigest d, char tag, String value) {
    d.update((byte) tag);
    if (value == null) {
      length(d, -1);
      return;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    length(d, bytes.length);
    d.update(bytes);
  }

  private static void length(MessageDigest d, int n) {
    d.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
