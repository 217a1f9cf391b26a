package dev.trinity.core.content.internal.offline;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Keeps only URLs a page can link to safely: {@code http}, {@code https} or {@code mailto}, with no
 * quotes, angle brackets, white space or control characters, and a host for the web schemes.
 */
final class SafeUrl {
  private SafeUrl() {}

  /** The URL when it is safe, else null. */
  static @Nullable String of(@Nullable String url) {
    if (url == null) {
      return null;
    }
    String u = url.strip();
    if (u.isEmpty() || u.length() > 2000) {
      return null;
    }
    for (int i = 0; i < u.length(); i++) {
      char c = u.charAt(i);
      if (c <= 0x20 || c == 0x7f || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`') {
        return null;
      }
    }
    String lower = u.toLowerCase(Locale.ROOT);
    if (lower.startsWith("mailto:")) {
      return u.length() > "mailto:".length() ? u : null;
    }
    for (String scheme : new String[] {"https://", "http://"}) {
      if (lower.startsWith(scheme)) {
        String rest = u.substring(scheme.length());
        int end = firstOf(rest, "/?#");
        String host = rest.substring(0, end);
        return host.matches("[A-Za-z0-9.-]+(:\\d{1,5})?") && host.contains(".") ? u : null;
      }
    }
    return null;
  }

  private static int firstOf(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return s.length();
  }
}
