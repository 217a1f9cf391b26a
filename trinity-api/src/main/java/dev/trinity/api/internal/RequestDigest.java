package dev.trinity.api.internal;

import dev.trinity.api.LlmRequest;
import dev.trinity.api.Message;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The one canonical encoding of a request that Trinity's keys hash: the response cache's request
 * key and the test cassettes' key both use it, each with its own prefix.
 *
 * <p>Encoding: the prefix bytes, then, in this order, each field as a tag byte, a 4-byte big-endian
 * length and the UTF-8 bytes of its value (length {@code -1} for an absent value): provider name,
 * provider endpoint (only when one is given), model, system prompt, the number of messages, then
 * each message's role and content, temperature, top_p, max tokens, seed (numbers in Java's
 * canonical {@code toString} form), response format kind, schema name, schema text, prompt-template
 * version. Length prefixes make the encoding unambiguous: no two different requests encode to the
 * same bytes. Correlation id, deadline and cache policy do not change the answer and are not part
 * of it.
 *
 * <p>Thread-safe. Internal: may change without notice; a change to the encoding changes every key,
 * so the callers version their prefixes.
 */
public final class RequestDigest {
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(RequestDigest::newDigest);

  private RequestDigest() {}

  /**
   * Hashes a request.
   *
   * @param prefix the key family and version, such as {@code trinity-request-key/v1}
   * @param provider the provider's name
   * @param endpoint the provider's endpoint, or null to leave the endpoint out of the encoding
   * @param request the request with defaults applied (model, temperature)
   * @return the SHA-256, 64 lower-case hex characters
   */
  public static String sha256Hex(
      byte[] prefix, String provider, @Nullable String endpoint, LlmRequest request) {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(request, "request");
    MessageDigest d = SHA256.get();
    d.reset();
    d.update(prefix);
    field(d, 'p', provider);
    if (endpoint != null) {
      field(d, 'e', endpoint);
    }
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
      length(d, -1);
      return;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    length(d, bytes.length);
    d.update(bytes);
  }

  private static void length(MessageDigest d, int n) {
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
