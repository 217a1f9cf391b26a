package dev.trinity.test.internal;

import dev.trinity.api.Secret;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces what looks like a credential with {@value #MASK} before anything is written: the secrets
 * it was given (a provider's API key), OpenAI-style keys ({@code sk-…}), bearer tokens and {@code
 * Authorization} / {@code api-key} header values. Thread-safe.
 */
public final class SecretMask {
  /** What a credential is replaced with. */
  public static final String MASK = "****";

  private static final List<Pattern> PATTERNS =
      List.of(
          // header lines first, so that "Authorization: Bearer x" loses the whole value
          Pattern.compile(
              "(?i)((?:proxy-)?authorization|x-api-key|api-key)(\"?\\s*[:=]\\s*\"?)[^\\s\",}]+(?:\\s+[^\\s\",}]+)?"),
          Pattern.compile("(?i)(bearer)(\\s+)[A-Za-z0-9._~+/=-]+"),
          Pattern.compile("()()\\bsk-[A-Za-z0-9_-]{6,}"));

  private final Set<String> secrets = new CopyOnWriteArraySet<>();

  /**
   * Adds a secret to mask wherever it appears, whatever its shape.
   *
   * @param secret the secret
   */
  public void add(Secret secret) {
    secrets.add(secret.reveal());
  }

  /**
   * Masks a text.
   *
   * @param text any text
   * @return the text with every credential replaced by {@value #MASK}
   */
  public String apply(String text) {
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, MASK);
    }
    for (Pattern p : PATTERNS) {
      Matcher m = p.matcher(out);
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK));
      }
      m.appendTail(sb);
      out = sb.toString();
    }
    return out;
  }
}
