package dev.trinity.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trinity.api.InvalidInputException;
import dev.trinity.api.content.Link;
import dev.trinity.api.content.Project;
import dev.trinity.api.content.SiteContent;
import dev.trinity.site.internal.LayoutSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SiteRendererTest {
  static final SiteRenderer RENDERER = SiteRenderer.create();

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"brutalist", "hacker", "minimalist", "enterprise", "editorial"})
  void eachThemeRendersHtmlThatParsesAndContainsEveryField(String theme) {
    SiteContent c = SamplePages.ordinary();
    RenderedSite site = RENDERER.render(c, SamplePages.theme(theme));
    Document doc = Jsoup.parse(site.html());

    assertThat(doc.body().hasClass("theme-" + theme)).isTrue();
    assertThat(single(doc, "brand_name").text()).isEqualTo(c.brandName());
    assertThat(single(doc, "tagline").text()).isEqualTo(c.tagline());
    assertThat(single(doc, "hero_title").text()).isEqualTo(c.hero().title());
    assertThat(single(doc, "hero_subtitle").text()).isEqualTo(c.hero().subtitle());
    assertThat(doc.select("[data-component=menu_item]").eachText())
        .containsExactly("Projects", "Contact");
    assertThat(doc.select("[data-component=menu_item]").eachAttr("href"))
        .containsExactly("#projects", "mailto:ada@example.com");
    assertThat(doc.select("[data-component=cta]").eachText())
        .containsExactly("See my work", "Email me", "Get in touch");
    assertThat(doc.select("[data-component=cta]").eachAttr("data-index"))
        .containsExactly("0", "1", "2");
    assertThat(doc.select("[data-component=card_title]").eachText())
        .containsExactly("ledger-sync", "tiny-ci", "notes");
    for (int i = 0; i < c.repos().size(); i++) {
      Project p = c.repos().get(i);
      Element card = doc.selectFirst("[data-box=card][data-index=" + i + "]");
      assertThat(card).as("card %d", i).isNotNull();
      assertThat(card.select("[data-component=card_description]").text())
          .isEqualTo(p.description());
      assertThat(card.select("[data-component=tag]").eachText()).isEqualTo(p.tags());
      if (p.url() != null) {
        assertThat(card.select("a[href]").eachAttr("href")).contains(p.url());
      }
    }
    assertThat(doc.select("[data-index=0][data-component=card_meta]").text())
        .isEqualTo("Java · ★ 1,240");
    assertThat(doc.select("[data-index=1][data-component=card_meta]").text())
        .isEqualTo("Go · ★ 87");
    assertThat(doc.select("[data-index=2][data-component=card_meta]")).isEmpty();
    assertThat(doc.select("[data-component=tag]").eachAttr("data-index"))
        .containsExactly("0", "1", "2", "3", "4");
  }

  @ParameterizedTest
  @ValueSource(strings = {"brutalist", "hacker", "minimalist", "enterprise", "editorial"})
  void pagesAreSelfContainedAndWriteEveryAssetTheyLinkTo(String theme) throws Exception {
    RenderedSite site = RENDERER.render(SamplePages.ordinary(), SamplePages.theme(theme));
    Path index = site.writeTo(dir);
    Document doc = Jsoup.parse(index.toFile(), "UTF-8");

    assertThat(doc.select("script")).isEmpty();
    assertThat(doc.select("[src]")).isEmpty();
    for (String href : doc.select("link[rel=stylesheet]").eachAttr("href")) {
      assertThat(dir.resolve(href)).as(href).isRegularFile();
    }
    String css =
        site.assets().entrySet().stream()
            .filter(e -> e.getKey().endsWith(".css"))
            .map(e -> new String(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("\n"));
    assertThat(css).doesNotContain("http:").doesNotContain("https:").doesNotContain("@import");
    var fontUrls =
        java.util.regex.Pattern.compile("url\\(fonts/([A-Za-z-]+\\.ttf)\\)")
            .matcher(css)
            .results()
            .map(m -> m.group(1))
            .toList();
    assertThat(fontUrls).isNotEmpty();
    for (String font : fontUrls) {
      assertThat(dir.resolve("assets/fonts/" + font)).isRegularFile();
      assertThat(Files.size(dir.resolve("assets/fonts/" + font))).isGreaterThan(100_000);
    }
    assertThat(dir.resolve("assets/fonts/LICENSE-DejaVu.txt")).content().contains("Bitstream");
    assertThat(doc.select("meta[name=viewport]").attr("content")).contains("width=device-width");
  }

  @Test
  void theThemesLookDifferent() {
    var stylesheets =
        SiteRenderer.BUILT_IN_THEMES.stream()
            .map(t -> RENDERER.render(SamplePages.ordinary(), SamplePages.theme(t)))
            .map(s -> new String(s.assets().get("assets/theme.css"), StandardCharsets.UTF_8))
            .collect(Collectors.toSet());
    assertThat(stylesheets).hasSize(5);
  }

  @Test
  void fixesBecomeClassesOnTheElementsTheyName() {
    LayoutFixes fixes =
        LayoutFixes.none()
            .with(ComponentRef.of(Component.CARD_TITLE, 1), HealingStrategy.BREAK_WORD)
            .with(Component.TAG, HealingStrategy.TRUNCATE)
            .with(Component.HERO_TITLE, HealingStrategy.FONT_SHRINK);
    Document doc =
        Jsoup.parse(
            RENDERER.render(SamplePages.ordinary(), SamplePages.theme("hacker"), fixes).html());

    assertThat(
            doc.selectFirst("[data-component=card_title][data-index=1]").hasClass("fix-break-word"))
        .isTrue();
    assertThat(doc.selectFirst("[data-component=card_title][data-index=0]").className())
        .doesNotContain("fix-");
    assertThat(doc.select("[data-component=tag]")).allMatch(e -> e.hasClass("fix-truncate-line"));
    assertThat(single(doc, "hero_title").classNames())
        .contains("fix-break-word", "fix-font-shrink");
  }

  @Test
  void contentCutShortensOnlyTheNamedElementAtAWordBoundary() {
    SiteContent c = SamplePages.ordinary();
    SiteContent longer =
        new SiteContent(
            c.brandName(),
            c.tagline(),
            new dev.trinity.api.content.Hero(
                "A headline that goes on far longer than any layout would like it to",
                c.hero().subtitle(),
                null,
                null),
            c.repos(),
            c.menuItems(),
            c.cta());
    RenderedSite site =
        RENDERER.render(
            longer,
            SamplePages.theme("minimalist"),
            LayoutFixes.none().with(Component.HERO_TITLE, HealingStrategy.CONTENT_CUT));
    String title = single(Jsoup.parse(site.html()), "hero_title").text();

    assertThat(title).isEqualTo("A headline that goes on far longer than…");
    assertThat(site.content().hero().title()).isEqualTo(title);
    assertThat(site.content().hero().subtitle()).isEqualTo(c.hero().subtitle());
  }

  @Test
  void anUnknownThemeIsRefusedByName() {
    assertThatThrownBy(() -> RENDERER.render(SamplePages.ordinary(), SamplePages.theme("neon")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("theme")
        .hasMessageContaining("'neon'")
        .hasMessageContaining("brutalist");
  }

  @Test
  void hostsRegisterTheirOwnTemplates() {
    Properties layout = new Properties();
    layout.setProperty("font.body", "DejaVuSerif");
    SiteTemplate neon =
        SiteTemplate.of(
            "<!DOCTYPE html><html><head><title>{{#brand}}{{text}}{{/brand}}</title></head>"
                + "<body>{{#brand}}<h1 data-component=\"brand_name\">{{text}}</h1>{{/brand}}"
                + "{{#repos}}{{#name}}<p data-component=\"card_title\" data-index=\"{{index}}\">"
                + "{{text}}</p>{{/name}}{{/repos}}</body></html>",
            "body{background:#f0f}",
            layout);
    SiteRenderer renderer = SiteRenderer.builder().template("neon", neon).build();

    RenderedSite site = renderer.render(SamplePages.ordinary(), SamplePages.theme("neon"));

    assertThat(renderer.themes()).contains("neon", "brutalist");
    assertThat(Jsoup.parse(site.html()).select("[data-component=card_title]").eachText())
        .containsExactly("ledger-sync", "tiny-ci", "notes");
    assertThat(site.assets()).containsKey("assets/fonts/DejaVuSerif.ttf");
  }

  @Test
  void withoutBuiltInTemplatesOnlyTheRegisteredThemesRender() {
    SiteTemplate plain =
        SiteTemplate.of(
            "<!DOCTYPE html><html><body>{{#brand}}<h1 data-component=\"brand_name\">{{text}}</h1>"
                + "{{/brand}}</body></html>",
            "",
            new Properties());
    SiteRenderer renderer =
        SiteRenderer.builder().builtInTemplates(false).template("plain", plain).build();

    assertThat(renderer.themes()).containsExactly("plain");
    assertThat(renderer.render(SamplePages.ordinary(), SamplePages.theme("plain")).html())
        .contains("data-component=\"brand_name\"");
    assertThatThrownBy(
            () -> renderer.render(SamplePages.ordinary(), SamplePages.theme("brutalist")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'brutalist'");
  }

  @Test
  void theFontShrinkFixScalesByTheFactorTheGuardianAndPredictorAssume() {
    RenderedSite site = RENDERER.render(SamplePages.ordinary(), SamplePages.theme("brutalist"));

    assertThat(new String(site.assets().get("assets/fixes.css"), StandardCharsets.UTF_8))
        .contains(".fix-font-shrink{--shrink:" + LayoutSpec.SHRINK + "}");
  }

  @Test
  void aTemplateThatWouldPrintRawValuesIsRefused() {
    assertThatThrownBy(() -> SiteTemplate.of("<p>{{{brand}}}</p>", "", new Properties()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unescaped");
    assertThatThrownBy(() -> SiteTemplate.of("<p>{{& brand}}</p>", "", new Properties()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SiteTemplate.of("<p>{{> other}}</p>", "", new Properties()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                SiteTemplate.of(
                    "<p></p>", "@import url(https://cdn.example/x.css);", new Properties()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("self-contained");
    for (String css :
        List.of(
            "body{background:url(\"https://cdn.example/bg.png\")}",
            "@font-face{src:url( //cdn.example/f.woff2)}",
            "body{background:URL('data:image/png;base64,AAAA')}")) {
      assertThatThrownBy(() -> SiteTemplate.of("<p></p>", css, new Properties()))
          .as(css)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(SiteTemplate.of("<p></p>", "body{background:url(img/bg.png)}", new Properties()))
        .isNotNull();
  }

  @Test
  void aLayoutWithAnUnknownFontOrABadNumberIsRefusedByKey() {
    Properties badFont = new Properties();
    badFont.setProperty("hero_title.font", "Comic-Sans");
    assertThatThrownBy(() -> SiteTemplate.of("<p></p>", "", badFont))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Comic-Sans");
    Properties badSize = new Properties();
    badSize.setProperty("hero_title.size", "big");
    assertThatThrownBy(() -> SiteTemplate.of("<p></p>", "", badSize))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hero_title.size");
  }

  @Test
  void aRefusedLinkKeepsItsLabelWithoutAnHref() {
    SiteContent c = SamplePages.ordinary();
    SiteContent bad =
        new SiteContent(
            c.brandName(),
            c.tagline(),
            c.hero(),
            c.repos(),
            java.util.List.of(new Link("About", "/about"), new Link("Evil", "javascript:alert(1)")),
            c.cta());
    Document doc = Jsoup.parse(RENDERER.render(bad, SamplePages.theme("editorial")).html());

    assertThat(doc.select("[data-component=menu_item]").eachText())
        .containsExactly("About", "Evil");
    assertThat(doc.select("[data-component=menu_item][href]")).isEmpty();
  }

  private static Element single(Document doc, String component) {
    var found = doc.select("[data-component=" + component + "]");
    assertThat(found).as(component).hasSize(1);
    return found.first();
  }
}
