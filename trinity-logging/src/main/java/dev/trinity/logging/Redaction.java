package dev.trinity.logging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Removes secrets from text before it reaches a log line or an exception message.
 *
 * <p>Two tools: {@link #redact(String, Collection)} masks secrets the caller knows (an API key from
 * the configuration, the Redis password), and {@link #scrub(String)} masks what merely looks like a
 * secret:
 *
 * <ul>
 *   <li>bearer tokens: {@code Authorization: Bearer eyJhbGci...} becomes {@code Authorization:
 *       Bearer ***};
 *   <li>{@code sk-} style API keys (OpenAI, Anthropic, most OpenAI-compatible servers) of 16 or
 *       more characters after the prefix: {@code sk-proj-abcdef0123456789} becomes {@code sk-***};
 *   <li>passwords in URIs: {@code redis://user:pass@host} becomes {@code redis://user:***@host},
 *       for any scheme; {@code redis://pass@host} (a password without a user) becomes {@code
 *       redis://***@host}.
 * </ul>
 *
 * <p>Scrubbing is a last line of defence, not a licence to log secrets: code should never hand a
 * secret to a logger in the first place. The Logback profiles shipped with Trinity scrub every
 * message and key-value pair with it. All methods are pure and thread-safe.
 */
public final class Redaction {
  /** What replaces a secret: {@value}. */
  public static final String MASK = "***";

  private static final Pattern SECRETS =
      Pattern.compile(
          "(?<bearer>\\b(?i:bearer)\\s+)[A-Za-z0-9._~+/=-]+"
              + "|(?<![A-Za-z0-9_-])sk-[A-Za-z0-9_-]{16,}"
              + "|(?<uri>\\b[A-Za-z][A-Za-z0-9+.-]*://[^:@/\\s]*:)[^/\\s]*@"
              + "|(?<redis>\\b(?i:rediss?)://)[^:/\\s]+@");

  private Redaction() {}

  /**
   * Masks every occurrence of each known secret with {@link #MASK}, then {@linkplain #scrub scrubs}
   * the result. Null, empty and blank secrets are ignored; longer secrets are masked first, so a
   * secret that contains another is masked whole.
   *
   * @param text the text
   * @param secrets the secrets to mask; may contain nulls
   * @return the text without the secrets
   */
  public static String redact(String text, Collection<? extends @Nullable String> secrets) {
    List<String> known = new ArrayList<>(secrets.size());
    for (String secret : secrets) {
      if (secret != null && !secret.isBlank()) {
        known.add(secret);
      }
    }
    known.sort(Comparator.comparingInt(String::length).reversed());
    String result = text;
    for (String secret : known) {
      result = result.replace(secret, MASK);
    }
    return scrub(result);
  }

  /**
   * Masks what looks like a secret: bearer tokens, {@code sk-} style API keys and passwords in URIs
   * (see the class documentation).
   *
   * @param text the text
   * @return the text with those secrets masked; {@code text} itself when there was nothing to mask
   */
  public static String scrub(String text) {
    Matcher m = SECRETS.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    do {
      m.appendReplacement(out, "");
      if (m.group("bearer") != null) {
        out.append(m.group("bearer")).append(MASK);
      } else if (m.group("uri") != null) {
        out.append(m.group("uri")).append(MASK).append('@');
      } else if (m.group("redis") != null) {
        out.append(m.group("redis")).append(MASK).append('@');
      } else {
        out.append("sk-").append(MASK);
      }
    } while (m.find());
    m.appendTail(out);
    return out.toString();
  }
}
