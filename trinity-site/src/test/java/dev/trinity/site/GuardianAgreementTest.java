package dev.trinity.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.content.SiteContent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The text-metrics guardian agrees with Chromium on a fixed set of pages. */
@ExtendWith(SharedChromium.class)
class GuardianAgreementTest {
  static ChromiumGuardian chromium;

  @BeforeAll
  static void shareChromium(ChromiumGuardian shared) {
    chromium = shared;
  }

  /** Every theme × (ordinary, breaking, breaking with each strategy on every component). */
  static List<RenderedSite> fixedPages() {
    SiteRenderer renderer = SiteRenderer.create();
    List<RenderedSite> pages = new ArrayList<>();
    for (String theme : SiteRenderer.BUILT_IN_THEMES) {
      for (SiteContent content : List.of(SamplePages.ordinary(), SamplePages.breaking())) {
        pages.add(renderer.render(content, SamplePages.theme(theme)));
      }
      for (HealingStrategy s :
          List.of(
              HealingStrategy.BREAK_WORD, HealingStrategy.FONT_SHRINK, HealingStrategy.TRUNCATE)) {
        LayoutFixes everywhere = LayoutFixes.none();
        for (Component c : Component.values()) {
          everywhere = everywhere.with(c, s);
        }
        pages.add(renderer.render(SamplePages.breaking(), SamplePages.theme(theme), everywhere));
      }
    }
    return pages;
  }

  @Test
  void theTwoGuardiansAgreeOnAtLeast95PercentOfVerdicts() {
    TextMetricsGuardian text = TextMetricsGuardian.create();
    LayoutAgreement total = LayoutAgreement.NONE;
    for (RenderedSite page : fixedPages()) {
      total = total.plus(LayoutAgreement.of(chromium.check(page), text.check(page)));
    }

    System.out.printf(
        "guardian agreement: %.1f%% of %d verdicts; flagged by both %d, only Chromium %d, only"
            + " text metrics %d (%.1f%% of flagged)%n",
        total.agreement() * 100,
        total.verdicts(),
        total.flaggedByBoth(),
        total.onlyReference(),
        total.onlyOther(),
        total.flaggedAgreement() * 100);
    assertThat(total.verdicts()).isGreaterThan(1000);
    assertThat(total.flaggedByBoth()).isGreaterThan(50);
    assertThat(total.agreement()).isGreaterThanOrEqualTo(0.95);
    assertThat(total.flaggedAgreement()).isGreaterThanOrEqualTo(0.80);
  }

  @Test
  void agreementCountsMissesAndFalseAlarms() {
    Overflow a = new Overflow(Component.TAG, 1, Viewport.MOBILE, 10, Overflow.Axis.HORIZONTAL);
    Overflow b = new Overflow(Component.TAG, 2, Viewport.MOBILE, 10, Overflow.Axis.HORIZONTAL);
    Overflow c = new Overflow(Component.CTA, 0, Viewport.DESKTOP, 10, Overflow.Axis.VERTICAL);
    LayoutReport reference = new LayoutReport("chromium", Viewport.DEFAULTS, List.of(a, b), 20);
    LayoutReport other = new LayoutReport("text-metrics", Viewport.DEFAULTS, List.of(a, c), 20);

    LayoutAgreement agreement = LayoutAgreement.of(reference, other);

    assertThat(agreement).isEqualTo(new LayoutAgreement(20, 1, 1, 1));
    assertThat(agreement.agreement()).isEqualTo(0.9);
    assertThat(agreement.flaggedAgreement()).isEqualTo(1.0 / 3);
  }
}
