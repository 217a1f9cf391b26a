package dev.trinity.site.internal;

import dev.trinity.api.content.SafeLinks;
import java.util.Optional;

/**
 * Which link targets a page may carry: the SDK's one link policy, {@link SafeLinks}, the same check
 * the content engine applies when it validates content. {@code http(s)://} URLs with a host, {@code
 * mailto:} addresses and {@code #anchors} pass; everything else ({@code javascript:}, {@code
 * data:}, {@code vbscript:}, protocol-relative {@code //host}, relative paths, URLs with quotes,
 * angle brackets, control characters or spaces) is refused, so the template renders the label
 * without a link. Content is checked again here because hosts can render content that never went
 * through the engine.
 */
public final class UrlPolicy {
  private UrlPolicy() {}

  /**
   * The URL as it may appear in an {@code href}, or empty when it is refused.
   *
   * @param url the untrusted URL, may be null
   * @return the URL, unchanged, when allowed
   */
  public static Optional<String> safeHref(String url) {
    return url != null && SafeLinks.isAllowed(url) ? Optional.of(url) : Optional.empty();
  }
}
