package dev.trinity.api.content;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The one check for links that go into site content and onto a page: which URLs a {@link Link} or a
 * {@link Project#url()} may carry. The content engine applies it to every model answer; a site
 * renderer applies it again before writing an {@code href}, as a second line behind escaping.
 *
 * <p>A link is allowed when it is one of:
 *
 * <ul>
 *   <li>{@link Kind#WEB}: an absolute {@code http://} or {@code https://} URL with an ASCII host
 *       name (or IP address), an optional port from 1 to 65535, and no user name or password;
 *   <li>{@link Kind#MAILTO}: {@code mailto:} followed by an address with an {@code @};
 *   <li>{@link Kind#FRAGMENT}: a page anchor such as {@code #projects}.
 * </ul>
 *
 * <p>Everything else is refused: other schemes ({@code javascript:}, {@code data:}, {@code
 * vbscript:}, {@code file:}, in any letter case), protocol-relative ({@code //host}) and relative
 * links, and any link containing quotes, angle brackets, a backslash, white space, control or
 * invisible formatting characters, or that {@link URI} cannot parse. Percent-encoded characters
 * ({@code %3C}) are allowed: they are data, not markup. Non-ASCII letters are allowed in the path,
 * query and fragment, but not in the host (write internationalised domain names as {@code xn--…}),
 * so that a look-alike host cannot pass for another.
 *
 * <p>Stateless and thread-safe.
 */
public final class SafeLinks {
  /** Longest accepted link, in characters: {@value}. */
  public static final int MAX_LENGTH = 2048;

  /** What an allowed link points to. */
  public enum Kind {
    /** An absolute {@code http://} or {@code https://} URL. */
    WEB,
    /** A {@code mailto:} link. */
    MAILTO,
    /** An anchor on the same page, such as {@code #projects}. */
    FRAGMENT
  }

  private SafeLinks() {}

  /**
   * Whether a link is allowed.
   *
   * @param url the link as written
   * @return true when {@link #problem(String)} finds nothing
   */
  public static boolean isAllowed(String url) {
    return check(url).kind != null;
  }

  /**
   * Whether a link is an allowed absolute {@code http(s)://} URL, as a project's URL must be.
   *
   * @param url the link as written
   * @return true when its {@link #kind(String) kind} is {@link Kind#WEB}
   */
  public static boolean isWebUrl(String url) {
    return check(url).kind == Kind.WEB;
  }

  /**
   * The kind of an allowed link.
   *
   * @param url the link as written
   * @return its kind, or empty when it is refused
   */
  public static Optional<Kind> kind(String url) {
    return Optional.ofNullable(check(url).kind);
  }

  /**
   * Why a link is refused, in words that never quote the link itself (it may be markup): for
   * example {@code contains an angle bracket (<)} or {@code uses the javascript: scheme; only http,
   * https and mailto are allowed}.
   *
   * @param url the link as written
   * @return the reason, or empty when the link is allowed
   */
  public static Optional<String> problem(String url) {
    return Optional.ofNullable(check(url).problem);
  }

  /** A link's verdict: a kind, or a problem. */
  private static final class Verdict {
    final @Nullable Kind kind;
    final @Nullable String problem;

    private Verdict(@Nullable Kind kind, @Nullable String problem) {
      this.kind = kind;
      this.problem = problem;
    }

    static Verdict ok(Kind kind) {
      return new Verdict(kind, null);
    }

    static Verdict refused(String problem) {
      return new Verdict(null, problem);
    }
  }

  private static Verdict check(String url) {
    Objects.requireNonNull(url, "url");
    if (url.isEmpty()) {
      return Verdict.refused("is empty");
    }
    if (url.length() > MAX_LENGTH) {
      return Verdict.refused("is longer than " + MAX_LENGTH + " characters");
    }
    String badCharacter = badCharacter(url);
    if (badCharacter != null) {
      return Verdict.refused(badCharacter);
    }
    if (url.startsWith("#")) {
      return fragment(url);
    }
    if (url.startsWith("//")) {
      return Verdict.refused("is protocol-relative (//host); write it with https://");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Verdict.refused(
          "is not a valid URI ("
              + e.getReason().toLowerCase(Locale.ROOT)
              + (e.getIndex() >= 0 ? " at index " + e.getIndex() : "")
              + ")");
    }
    String scheme = uri.getScheme();
    if (scheme == null) {
      return Verdict.refused(
          "is relative; write an absolute https:// URL, a mailto: link or a #anchor");
    }
    switch (scheme.toLowerCase(Locale.ROOT)) {
      case "http":
      case "https":
        return web(uri);
      case "mailto":
        return mailto(uri);
      default:
        return Verdict.refused(
            "uses the "
                + shortened(scheme.toLowerCase(Locale.ROOT))
                + ": scheme; only http, https and mailto are allowed");
    }
  }

  /** The first character that has no place in a link, described; null when there is none. */
  private static @Nullable String badCharacter(String url) {
    for (int i = 0; i < url.length(); ) {
      int cp = url.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '"':
        case '\'':
        case '`':
          return "contains a quote (" + (char) cp + ")";
        case '<':
        case '>':
          return "contains an angle bracket (" + (char) cp + ")";
        case '\\':
          return "contains a backslash";
        default:
          break;
      }
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        return "contains white space (" + codePoint(cp) + ")";
      }
      switch (Character.getType(cp)) {
        case Character.CONTROL:
          return "contains a control character (" + codePoint(cp) + ")";
        case Character.FORMAT:
          return "contains an invisible formatting character (" + codePoint(cp) + ")";
        case Character.SURROGATE:
          return "contains a broken surrogate pair (" + codePoint(cp) + ")";
        case Character.PRIVATE_USE:
        case Character.UNASSIGNED:
          return "contains an unassigned or private-use character (" + codePoint(cp) + ")";
        default:
          break;
      }
    }
    return null;
  }

  private static Verdict fragment(String url) {
    if (url.length() == 1) {
      return Verdict.refused("is an empty #anchor (a placeholder, not a link)");
    }
    try {
      new URI(url);
    } catch (URISyntaxException e) {
      return Verdict.refused(
          "is not a valid #anchor (" + e.getReason().toLowerCase(Locale.ROOT) + ")");
    }
    return Verdict.ok(Kind.FRAGMENT);
  }

  private static Verdict web(URI uri) {
    if (uri.isOpaque() || uri.getRawAuthority() == null) {
      return Verdict.refused("must have a host: http(s)://host/…");
    }
    if (uri.getRawUserInfo() != null) {
      return Verdict.refused("contains a user name or password (user@host); they are not allowed");
    }
    String host = uri.getHost();
    if (host == null) {
      return Verdict.refused(
          uri.getRawAuthority().contains("@")
              ? "contains a user name or password (user@host); they are not allowed"
              : "has no valid host name (ASCII letters, digits, '-' and '.'; write"
                  + " internationalised names as xn--…)");
    }
    if (uri.getPort() == 0 || uri.getPort() > 65_535) {
      return Verdict.refused("has a port outside 1-65535");
    }
    return Verdict.ok(Kind.WEB);
  }

  private static Verdict mailto(URI uri) {
    String ssp = uri.getRawSchemeSpecificPart();
    int query = ssp.indexOf('?');
    String address = query >= 0 ? ssp.substring(0, query) : ssp;
    if (!uri.isOpaque() || address.isEmpty() || address.indexOf('@') <= 0) {
      return Verdict.refused("must be mailto: followed by an address such as name@example.com");
    }
    return Verdict.ok(Kind.MAILTO);
  }

  private static String codePoint(int cp) {
    return String.format(Locale.ROOT, "U+%04X", cp);
  }

  private static String shortened(String scheme) {
    return scheme.length() <= 20 ? scheme : scheme.substring(0, 20) + "…";
  }
}
