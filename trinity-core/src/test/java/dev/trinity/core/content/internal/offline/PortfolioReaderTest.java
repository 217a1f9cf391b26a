package dev.trinity.core.content.internal.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.trinity.api.content.Project;
import dev.trinity.api.content.SafeLinks;
import dev.trinity.api.content.SiteContent;
import org.junit.jupiter.api.Test;

class PortfolioReaderTest {

  @Test
  void textThatFitsNoShapeIsReadAsPlainTextAndSaysSo() {
    Extraction e =
        PortfolioReader.read("some notes\nlog-sift — grep for structured logs (Go, 12 stars)\n");

    assertThat(e.shape()).isEqualTo(Shape.PLAIN_TEXT);
    assertThat(e.fallback()).isTrue();
    assertThat(e.projects())
        .extracting(Project::name, Project::language, Project::stars)
        .containsExactly(tuple("log-sift", "Go", 12));
  }

  @Test
  void aRecognisedShapeIsNotAFallback() {
    Extraction e = PortfolioReader.read("# Ada\n\n## Projects\n\n- **alpha** — does things (Go)\n");

    assertThat(e.shape()).isEqualTo(Shape.MARKDOWN);
    assertThat(e.fallback()).isFalse();
  }

  @Test
  void badgesImagesAndHtmlNeverReachAField() {
    String readme =
        "<p align=\"center\"><img src=\"https://example.com/banner.png\"/></p>\n\n"
            + "<h1 align=\"center\">Hi, I'm Jo</h1>\n\n## Projects\n\n"
            + "- [**jo-cli**](https://github.com/jo/jo-cli) — a CLI"
            + " ![build](https://img.shields.io/badge/build-passing-green) <b>fast</b> (Rust)\n";

    Extraction e = PortfolioReader.read(readme);

    assertThat(e.shape()).isEqualTo(Shape.GITHUB_README);
    assertThat(e.brandName()).isEqualTo("Jo");
    assertThat(e.projects())
        .extracting(Project::name, Project::description, Project::language, Project::url)
        .containsExactly(tuple("jo-cli", "a CLI fast", "Rust", "https://github.com/jo/jo-cli"));
  }

  @Test
  void unsafeLinksAreDropped() {
    Extraction e =
        PortfolioReader.read(
            "## Projects\n\n- [evil](javascript:alert(1)) — runs script\n"
                + "- [quoted](https://example.com/\"onmouseover=x) — a quote in the link\n");

    assertThat(e.projects()).extracting(Project::url).containsOnlyNulls();
  }

  @Test
  void linksAreKeptOnlyWhenSafeLinksAllowsThemAndNameADottedHost() {
    Extraction e =
        PortfolioReader.read(
            "## Projects\n\n- [kept](https://github.com/jo/kept) — a real page\n"
                + "- [slash](https://example.com/a\\b) — a backslash in the path\n"
                + "- [local](http://localhost:3000/app) — a dev server, not a page\n"
                + "- [userinfo](https://jo@example.com/x) — a user name in the link\n");

    assertThat(e.projects())
        .extracting(Project::name, Project::url)
        .containsExactlyInAnyOrder(
            tuple("kept", "https://github.com/jo/kept"),
            tuple("slash", null),
            tuple("local", null),
            tuple("userinfo", null));
    assertThat(e.projects())
        .extracting(Project::url)
        .allMatch(url -> url == null || SafeLinks.isWebUrl(url));
  }

  @Test
  void theHeroCountsTheProjectsShownAfterTheCut() {
    StringBuilder list = new StringBuilder("# Many\n\n## Projects\n\n");
    for (int i = 1; i <= 25; i++) {
      list.append("- **repo-")
          .append(i)
          .append("** — thing ")
          .append(i)
          .append(" (★ ")
          .append(i)
          .append(")\n");
    }
    Extraction e = PortfolioReader.read(list.toString());

    SiteContent all = SiteCopy.content(e, 50).orElseThrow();
    SiteContent four = SiteCopy.content(e, 4).orElseThrow();

    assertThat(e.projects()).hasSize(25);
    assertThat(all.repos()).hasSize(20);
    assertThat(all.hero().subtitle()).isEqualTo("20 projects · 310 stars.");
    assertThat(four.repos()).extracting(Project::stars).containsExactly(25, 24, 23, 22);
    assertThat(four.hero().subtitle()).isEqualTo("4 projects · 94 stars.");
  }

  @Test
  void pathologicalInputNeitherOverflowsTheStackNorInventsAnything() {
    String input =
        "a".repeat(8_000)
            + "@"
            + "b.".repeat(4_000)
            + "[at]"
            + "[".repeat(3_000)
            + "**".repeat(2_000)
            + "<!--".repeat(1_000)
            + "- [x](".repeat(1_000)
            + "Via Roma ".repeat(500);

    Extraction e = PortfolioReader.read(input);

    assertThat(e.projects()).isEmpty();
    assertThat(e.brandName()).isNull();
  }

  @Test
  void noProjectsMeansNoContent() {
    assertThat(SiteCopy.content(PortfolioReader.read("I like long walks."), 20)).isEmpty();
  }
}
