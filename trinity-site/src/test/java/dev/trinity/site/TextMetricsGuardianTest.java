package dev.trinity.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.content.Hero;
import dev.trinity.api.content.SiteContent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextMetricsGuardianTest {
  static final SiteRenderer RENDERER = SiteRenderer.create();
  final TextMetricsGuardian guardian = TextMetricsGuardian.create();

  static SiteContent withTitle(String title) {
    SiteContent c = SamplePages.ordinary();
    return new SiteContent(
        c.brandName(),
        c.tagline(),
        new Hero(title, "Short.", null, null),
        c.repos(),
        c.menuItems(),
        c.cta());
  }

  @ParameterizedTest
  @ValueSource(strings = {"brutalist", "hacker", "minimalist", "enterprise", "editorial"})
  void withoutABrowserTheHealerStillLeavesTheBreakingPortfolioClean(String theme) {
    HealResult result =
        Healer.builder()
            .guardian(guardian)
            .build()
            .heal(SamplePages.breaking(), SamplePages.theme(theme));

    assertThat(result.overflowsPerRender().get(0)).isGreaterThan(0);
    assertThat(result.isClean()).as("%s: %s", theme, result.report().overflows()).isTrue();
    assertThat(result.report().guardian()).isEqualTo("text-metrics");
  }

  @Test
  void takesNoScreenshotsForItHasNoBrowser() {
    RenderedSite page = RENDERER.render(SamplePages.ordinary(), SamplePages.theme("hacker"));

    assertThat(guardian.fullPageScreenshot(page, Viewport.DESKTOP)).isEmpty();
  }

  @Test
  void passesTheOrdinaryPageInEveryTheme() {
    for (String theme : SiteRenderer.BUILT_IN_THEMES) {
      LayoutReport r =
          guardian.check(RENDERER.render(SamplePages.ordinary(), SamplePages.theme(theme)));
      assertThat(r.isClean()).as("%s: %s", theme, r.overflows()).isTrue();
      assertThat(r.guardian()).isEqualTo("text-metrics");
      assertThat(r.elementsChecked()).isGreaterThan(3 * 15);
    }
  }

  @Test
  void checksEachWordOnItsOwnSoOneLongWordAmongShortOnesIsFlagged() {
    String title = "a b c " + "Z".repeat(30) + " d e f";
    LayoutReport r =
        guardian.check(
            RENDERER.render(withTitle(title), SamplePages.theme("minimalist")),
            List.of(Viewport.MOBILE));

    assertThat(r.overflows())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.component()).isEqualTo(Component.HERO_TITLE);
              assertThat(o.axis()).isEqualTo(Overflow.Axis.HORIZONTAL);
            });
    LayoutReport manyShortWords =
        guardian.check(
            RENDERER.render(withTitle("word ".repeat(40)), SamplePages.theme("minimalist")),
            List.of(Viewport.MOBILE));
    assertThat(manyShortWords.isClean()).isTrue();
  }

  @Test
  void breakWordShrinkAndTruncateEachClearAnOverflowTheyAddress() {
    SiteContent content = withTitle("Z".repeat(30));
    var theme = SamplePages.theme("minimalist");
    for (HealingStrategy s :
        List.of(
            HealingStrategy.BREAK_WORD, HealingStrategy.TRUNCATE, HealingStrategy.CONTENT_CUT)) {
      LayoutReport r =
          guardian.check(
              RENDERER.render(content, theme, LayoutFixes.none().with(Component.HERO_TITLE, s)),
              List.of(Viewport.MOBILE));
      assertThat(r.isClean()).as(s.name()).isTrue();
    }
    LayoutReport none = guardian.check(RENDERER.render(content, theme), List.of(Viewport.MOBILE));
    assertThat(none.isClean()).isFalse();
  }

  @Test
  void aLineLimitIsCheckedVertically() {
    // enterprise shows a project name in at most two lines
    SiteContent c = SamplePages.ordinary();
    SiteContent longName =
        new SiteContent(
            c.brandName(),
            c.tagline(),
            c.hero(),
            List.of(
                new dev.trinity.api.content.Project(
                    "a name made of many short words that will need more than two lines here",
                    "d",
                    null,
                    null,
                    null,
                    List.of())),
            c.menuItems(),
            c.cta());

    LayoutReport r =
        guardian.check(
            RENDERER.render(longName, SamplePages.theme("enterprise")), List.of(Viewport.MOBILE));

    assertThat(r.overflows())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.component()).isEqualTo(Component.CARD_TITLE);
              assertThat(o.axis()).isEqualTo(Overflow.Axis.VERTICAL);
            });
  }
}
