package dev.trinity.core.content.internal.offline;

import dev.trinity.api.content.SafeLinks;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * Keeps only the URLs found in a portfolio that a page may link to: those {@link SafeLinks} allows
 * as a web URL or a {@code mailto:} link, the same policy the content engine applies to every
 * answer. A web URL must also name a dotted host, so that {@code http://localhost} or {@code
 * http://server} in a portfolio's prose is not taken for a project's page.
 */
final class SafeUrl {
  private SafeUrl() {}

  /** The URL, without surrounding white space, when it is safe; else null. */
  static @Nullable String of(@Nullable String url) {
    if (url == null) {
      return null;
    }
    String u = url.strip();
    SafeLinks.Kind kind = u.isEmpty() ? null : SafeLinks.kind(u).orElse(null);
    if (kind == SafeLinks.Kind.MAILTO) {
      return u;
    }
    if (kind == SafeLinks.Kind.WEB) {
      String host = URI.create(u).getHost();
      return host != null && host.contains(".") ? u : null;
    }
    return null;
  }
}
