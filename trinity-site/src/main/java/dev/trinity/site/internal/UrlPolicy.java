package dev.trinity.site.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which link targets a page may carry: {@code http(s)://} URLs with a host, {@code mailto:}
 * addresses and {@code #anchors}. Everything else ({@code javascript:}, {@code data:}, {@code
 * vbscript:}, protocol-relative {@code //host}, relative paths, URLs with control characters or
 * spaces) is refused, so the template renders the label without a link.
 */
public final class UrlPolicy {
  private static final Pattern ANCHOR = Pattern.compile("#[A-Za-z][A-Za-z0-9_:.-]{0,99}");
  private static final Pattern MAILTO =
      Pattern.compile("mailto:[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,63}");
  private static final Pattern UNSAFE_CHARS = Pattern.compile("[\\s\\p{Cntrl}<>\"'`\\\\]");

  private UrlPolicy() {}

  /**
   * The URL as it may appear in an {@code href}, or empty when it is refused.
   *
   * @param url the untrusted URL, may be null
   * @return the URL, unchanged, when allowed
   */
  public static Optional<String> safeHref(String url) {
    if (url == null || url.isEmpty() || url.length() > 2048) {
      return Optional.empty();
    }
    if (UNSAFE_CHARS.matcher(url).find()) {
      return Optional.empty();
    }
    if (url.startsWith("#")) {
      return ANCHOR.matcher(url).matches() ? Optional.of(url) : Optional.empty();
    }
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("mailto:")) {
      return MAILTO.matcher(url).matches() ? Optional.of(url) : Optional.empty();
    }
    if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      if (scheme == null
          || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          || uri.getHost() == null
          || uri.getRawUserInfo() != null) {
        return Optional.empty();
      }
      return Optional.of(url);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
