package dev.trinity.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The breaking portfolio, healed in a real browser, ends with no overflow anywhere. */
class HealerChromiumTest {
  static final java.util.List<String> THEMES = SiteRenderer.BUILT_IN_THEMES;
  static ChromiumGuardian chromium;

  @BeforeAll
  static void startChromium() {
    ChromiumAvailable.assume();
    chromium = ChromiumGuardian.create();
  }

  @AfterAll
  static void closeChromium() {
    if (chromium != null) {
      chromium.close();
    }
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
}
