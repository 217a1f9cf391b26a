package dev.trinity.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The breaking portfolio, healed in a real browser, ends with no overflow anywhere. */
@ExtendWith(SharedChromium.class)
class HealerChromiumTest {
  static final java.util.List<String> THEMES = SiteRenderer.BUILT_IN_THEMES;
  static ChromiumGuardian chromium;

  @BeforeAll
  static void shareChromium(ChromiumGuardian shared) {
    chromium = shared;
  }

  @ParameterizedTest
  @FieldSource("THEMES")
  void theBreakingPortfolioEndsWithNoOverflowAtAnyViewport(String theme) {
    Healer healer = Healer.builder().guardian(chromium).build();

    HealResult result = healer.heal(SamplePages.breaking(), SamplePages.theme(theme));

    assertThat(result.overflowsPerRender().get(0)).isGreaterThan(0);
    assertThat(result.isClean()).as("%s: %s", theme, result.report().overflows()).isTrue();
    assertThat(result.report().viewports()).isEqualTo(Viewport.DEFAULTS);
    assertThat(result.report().guardian()).isEqualTo("chromium");
    assertThat(result.fixedBy()).isNotEmpty().doesNotContainValue(HealingStrategy.NONE);
    LayoutReport recheck = chromium.check(result.site(), Viewport.DEFAULTS);
    assertThat(recheck.overflows()).isEmpty();
    for (Viewport v : Viewport.DEFAULTS) {
      assertThat(recheck.at(v)).isEmpty();
    }
  }

  @ParameterizedTest
  @FieldSource("THEMES")
  void healedForTheEdgesOfTheRangeThePageFitsFrom360To1440Pixels(String theme) {
    List<Viewport> edges =
        List.of(new Viewport("narrowest", 360, 740), new Viewport("widest", 1440, 900));
    Healer healer = Healer.builder().guardian(chromium).viewports(edges).build();

    HealResult result = healer.heal(SamplePages.breaking(), SamplePages.theme(theme));
    LayoutReport ordinary =
        chromium.check(
            SiteRenderer.create().render(SamplePages.ordinary(), SamplePages.theme(theme)), edges);

    assertThat(result.isClean()).as("%s: %s", theme, result.report().overflows()).isTrue();
    assertThat(ordinary.isClean()).as("%s: %s", theme, ordinary.overflows()).isTrue();
  }
}
