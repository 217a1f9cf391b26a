package dev.trinity.core.internal.cache;

import dev.trinity.api.LlmRequest;
import dev.trinity.api.Message;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The cache key of a request: the SHA-256 (64 hex characters) of a canonical, versioned encoding of
 * everything that changes the answer.
 *
 * <p>Encoding, version {@value #VERSION}: the bytes {@code trinity-request-key/v1} and then, in
 * this order, each field as a tag byte, a 4-byte big-endian length and the UTF-8 bytes of its value
 * (length {@code -1} for an absent value): provider name, provider endpoint, model, system prompt,
 * the number of messages, then each message's role and content, temperature, top_p, max tokens,
 * seed (numbers in Java's canonical {@code toString} form), response format kind, schema name,
 * schema text, prompt-template version. Length prefixes make the encoding unambiguous: no two
 * different requests encode to the same bytes. Correlation id, deadline and cache policy do not
 * change the answer and are not part of the key.
 */
public final class RequestKeys {
  /** The encoding version; bump it whenever the encoding changes. */
  public static final String VERSION = "v1";

  private static final byte[] PREFIX =
      ("trinity-request-key/" + VERSION).getBytes(StandardCharsets.US_ASCII);
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(RequestKeys::newDigest);

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
    MessageDigest d = SHA256.get();
    d.reset();
    d.update(PREFIX);
    field(d, 'p', provider);
    field(d, 'e', endpoint);
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

  private static @Nullable String text(Optional<?> value) {
    return value.map(Object::toString).orElse(null);
  }

  private static void field(MessageDigest d, char tag, @Nullable String value) {
    d.update((byte) tag);
    if (value == null) {
      lengthPrefix(d, -1);
      return;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    lengthPrefix(d, bytes.length);
    d.update(bytes);
  }

  private static void lengthPrefix(MessageDigest d, int n) {
    d.update((byte) (n >>> 24));
    d.update((byte) (n >>> 16));
    d.update((byte) (n >>> 8));
    d.update((byte) n);
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
