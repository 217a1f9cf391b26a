package dev.trinity.api.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.trinity.api.content.SafeLinks.Kind;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Real XSS payloads and garbage seen in model answers, and the links a page legitimately has. */
class SafeLinksTest {

  static Stream<Arguments> allowed() {
    return Stream.of(
        arguments("https://github.com/adakowalska/kube-janitor-rs", Kind.WEB),
        arguments("http://example.com", Kind.WEB),
        arguments("HTTPS://EXAMPLE.COM/Path", Kind.WEB),
        arguments("https://example.com:8443/a/b?q=1&r=2#top", Kind.WEB),
        arguments("https://example.com/caf\u00e9?q=\u00fc", Kind.WEB),
        arguments("https://example.com/search?q=%3Cscript%3E", Kind.WEB),
        arguments("https://[::1]:8080/", Kind.WEB),
        arguments("https://xn--mnchen-3ya.de/", Kind.WEB),
        arguments("mailto:ada@example.dev", Kind.MAILTO),
        arguments("MAILTO:ada@example.dev?subject=Hello%20there", Kind.MAILTO),
        arguments("#projects", Kind.FRAGMENT),
        arguments("#about-me", Kind.FRAGMENT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allowed")
  void legitimateLinksAreAllowedWithTheirKind(String url, Kind kind) {
    assertThat(SafeLinks.problem(url)).isEmpty();
    assertThat(SafeLinks.isAllowed(url)).isTrue();
    assertThat(SafeLinks.kind(url)).contains(kind);
    assertThat(SafeLinks.isWebUrl(url)).isEqualTo(kind == Kind.WEB);
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        // markup breaking out of an attribute or an element
        arguments("https://example.com/\"><script>alert(1)</script>", "contains a quote (\")"),
        arguments("https://github.com/example/</p>", "contains an angle bracket (<)"),
        arguments("https://example.com/'onmouseover='alert(1)", "contains a quote (')"),
        arguments("https://example.com/`x`", "contains a quote (`)"),
        arguments("https://example.com/<img src=x onerror=alert(1)>", "contains an angle bracket"),
        arguments("https://example.com\\@evil.com", "contains a backslash"),
        // script and data schemes, in any case and disguise
        arguments("javascript:alert(1)", "uses the javascript: scheme"),
        arguments("JaVaScRiPt:alert(document.cookie)", "uses the javascript: scheme"),
        arguments("javascript://%0Aalert(1)", "uses the javascript: scheme"),
        arguments(" javascript:alert(1)", "contains white space (U+0020)"),
        arguments("java\tscript:alert(1)", "contains white space (U+0009)"),
        arguments("java\u0000script:alert(1)", "contains a control character (U+0000)"),
        arguments("\uFF4A\uFF41\uFF56\uFF41script:alert(1)", "is not a valid URI"),
        arguments("%6Aavascript:alert(1)", "is not a valid URI"),
        arguments("javascript&colon;alert(1)", "is relative"),
        arguments(
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "uses the data: scheme"),
        arguments("vbscript:msgbox(1)", "uses the vbscript: scheme"),
        arguments("file:///etc/passwd", "uses the file: scheme"),
        arguments("ftp://example.com/file", "uses the ftp: scheme"),
        // hosts that are not what they seem
        arguments("//evil.com", "is protocol-relative"),
        arguments("https://user:pass@example.com/", "contains a user name or password"),
        arguments("https://github.com@evil.com/", "contains a user name or password"),
        arguments("https://ex\u0430mple.com/", "has no valid host name"),
        arguments("https://exa%20mple.com/", "has no valid host name"),
        arguments("https://example.com:99999/", "has a port outside 1-65535"),
        // garbage
        arguments("http://exa mple.com", "contains white space (U+0020)"),
        arguments("https://example.com/\u00a0", "contains white space (U+00A0)"),
        arguments("https://example.com/a\nb", "contains white space (U+000A)"),
        arguments("https://example.com/\u007f", "contains a control character (U+007F)"),
        arguments("https://example.com/\u0085", "contains a control character (U+0085)"),
        arguments("https://example.com/\u202egnp.exe", "invisible formatting character (U+202E)"),
        arguments("https://exam\u200bple.com/", "invisible formatting character (U+200B)"),
        arguments("https://example.com/\ud800", "broken surrogate pair (U+D800)"),
        arguments("https://example.com/a{b}", "is not a valid URI (illegal character in path"),
        arguments("http:example.com", "must have a host"),
        arguments("https://", "is not a valid URI"),
        arguments("https:///path", "must have a host"),
        arguments("github.com/ada/pgwatch-lite", "is relative"),
        arguments("/about", "is relative"),
        arguments("about.html", "is relative"),
        arguments("#", "is an empty #anchor"),
        arguments("#a#b", "is not a valid #anchor"),
        arguments("mailto:", "is not a valid URI"),
        arguments("mailto:nobody", "must be mailto: followed by an address"),
        arguments("", "is empty"),
        arguments("https://example.com/" + "a".repeat(SafeLinks.MAX_LENGTH), "is longer than"));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("refused")
  void xssPayloadsAndGarbageAreRefusedWithAReason(String url, String reason) {
    assertThat(SafeLinks.isAllowed(url)).isFalse();
    assertThat(SafeLinks.isWebUrl(url)).isFalse();
    assertThat(SafeLinks.kind(url)).isEmpty();
    assertThat(SafeLinks.problem(url)).get().asString().contains(reason);
  }

  @Test
  void theReasonNeverQuotesTheLink() {
    String payload = "https://example.com/\"><script>alert('pwned')</script>";

    assertThat(SafeLinks.problem(payload)).get().asString().doesNotContain("script", "pwned");
    assertThat(SafeLinks.problem("javascript:alert('pwned')"))
        .get()
        .asString()
        .doesNotContain("alert", "pwned");
  }
}
