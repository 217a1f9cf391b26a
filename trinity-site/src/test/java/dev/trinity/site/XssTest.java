package dev.trinity.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.content.Hero;
import dev.trinity.api.content.Link;
import dev.trinity.api.content.Project;
import dev.trinity.api.content.SiteContent;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Portfolio text is untrusted: payloads from the OWASP XSS Filter Evasion and XSS Prevention cheat
 * sheets, put into every text field and every URL of the content, must come out as inert text in
 * every theme.
 */
class XssTest {
  static final SiteRenderer RENDERER = SiteRenderer.create();

  /** Payloads aimed at element content, attributes, the title and style blocks. */
  static final List<String> TEXT_PAYLOADS =
      List.of(
          "<script>alert(1)</script>",
          "<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>",
          "<img src=x onerror=alert(1)>",
          "<IMG SRC=\"javascript:alert('XSS');\">",
          "\"><svg onload=alert(1)>",
          "'><svg/onload=alert(1)>",
          "\" onmouseover=\"alert(1)",
          "' onfocus='alert(1)' autofocus='",
          "`onmouseover=alert(1)",
          "</style><script>alert(1)</script>",
          "</title><script>alert(1)</script>",
          "<iframe src=\"javascript:alert(1)\"></iframe>",
          "<a href=\"javascript:alert(1)\">click</a>",
          "<body onload=alert(1)>",
          "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
          "<!--<script>alert(1)</script>-->",
          "<style>@import'https://xss.example/x.css';</style>",
          "{{brand}}{{{brand}}}",
          "&lt;script&gt;alert(1)&lt;/script&gt;",
          "%3Cscript%3Ealert(1)%3C/script%3E");

  /** Link targets that must never become an href. */
  static final List<String> URL_PAYLOADS =
      List.of(
          "javascript:alert(1)",
          "JaVaScRiPt:alert(1)",
          " javascript:alert(1)",
          "java\tscript:alert(1)",
          "java\nscript:alert(1)",
          "&#106;avascript:alert(1)",
          "javascript&colon;alert(1)",
          "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
          "DATA:text/html,<script>alert(1)</script>",
          "vbscript:msgbox(1)",
          "//xss.example/x.js",
          "/relative/path",
          "https://example.com/\" onmouseover=\"alert(1)",
          "https://example.com/'><script>alert(1)</script>",
          "http://user:pass@xss.example/",
          "#\" onclick=\"alert(1)",
          "mailto:x@example.com?body=<script>",
          "file:///etc/passwd",
          "");

  static Stream<Arguments> cases() {
    return SiteRenderer.BUILT_IN_THEMES.stream()
        .flatMap(
            theme ->
                Stream.iterate(0, i -> i + 1)
                    .limit(Math.max(TEXT_PAYLOADS.size(), URL_PAYLOADS.size()))
                    .map(
                        i ->
                            Arguments.of(
                                theme,
                                TEXT_PAYLOADS.get(i % TEXT_PAYLOADS.size()),
                                URL_PAYLOADS.get(i % URL_PAYLOADS.size()))));
  }

  @ParameterizedTest(name = "{0}: {1} / {2}")
  @MethodSource("cases")
  void untrustedTextAndUrlsComeOutInert(String theme, String text, String url) {
    SiteContent content =
        new SiteContent(
            text,
            text,
            new Hero(text, text, new Link(text, url), new Link(text, url)),
            List.of(new Project(text, text, url, 5, text, List.of(text, text))),
            List.of(new Link(text, url)),
            new Link(text, url));

    String html = RENDERER.render(content, SamplePages.theme(theme)).html();
    Document doc = Jsoup.parse(html);

    assertThat(doc.select("script, iframe, img, svg, math, object, embed, style, base, form"))
        .as("injected elements")
        .isEmpty();
    for (Element el : doc.getAllElements()) {
      for (Attribute a : el.attributes()) {
        assertThat(a.getKey().toLowerCase(Locale.ROOT))
            .as("attribute on <%s>", el.tagName())
            .doesNotStartWith("on")
            .isNotEqualTo("style")
            .isNotEqualTo("autofocus")
            .isNotEqualTo("src");
      }
    }
    for (String href : doc.select("[href]").eachAttr("href")) {
      if (href.startsWith("assets/")) {
        continue;
      }
      assertThat(href)
          .as("a link target that passed")
          .matches("(https?://[^\\s\"'<>`]+|mailto:[^\\s\"'<>`]+|#[A-Za-z][\\w:.-]*)");
    }
    assertThat(doc.select("[data-component=brand_name]").text()).isEqualTo(text.strip());
    assertThat(doc.select("[data-component=hero_title]").text()).isEqualTo(text.strip());
    assertThat(doc.select("[data-component=card_description]").text()).isEqualTo(text.strip());
    assertThat(doc.select("[data-component=tag]").eachText()).containsOnly(text.strip());
  }

  @ParameterizedTest(name = "[{index}] <{0}>")
  @MethodSource("urlPayloads")
  void refusedUrlsNeverReachAnHref(String url) {
    SiteContent c = SamplePages.ordinary();
    SiteContent content =
        new SiteContent(
            c.brandName(),
            c.tagline(),
            new Hero("Title", "Subtitle", new Link("Go", url), null),
            List.of(new Project("p", "d", url, null, null, List.of())),
            List.of(new Link("Menu", url)),
            new Link("Contact", url));

    Document doc = Jsoup.parse(RENDERER.render(content, SamplePages.theme("brutalist")).html());

    assertThat(doc.select("a[href]").eachAttr("href")).allMatch(h -> h.startsWith("assets/"));
    assertThat(doc.select("[data-component=menu_item]").text()).isEqualTo("Menu");
  }

  static Stream<String> urlPayloads() {
    return URL_PAYLOADS.stream();
  }
}
