package dev.trinity.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.content.SiteContent;
import dev.trinity.api.content.Theme;
import dev.trinity.site.internal.risk.train.BuiltInThemes;
import dev.trinity.site.internal.risk.train.RenderComparison;
import dev.trinity.test.LogCapture;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A site build that starts from the prediction, checked in a real Chromium. */
@ExtendWith(SharedChromium.class)
class PredictedHealingChromiumTest {
  @ParameterizedTest
  @ValueSource(strings = {"brutalist", "hacker", "minimalist", "enterprise", "editorial"})
  void theBreakingSampleEndsCleanStartingFromThePrediction(
      String theme, ChromiumGuardian guardian) {
    Healer healer =
        Healer.builder().guardian(guardian).predictor(LayoutRiskPredictor.shipped()).build();
    LogCapture events = LogCapture.of("dev.trinity.site").start();
    try {
      HealResult result = healer.heal(SamplePages.breaking(), BuiltInThemes.of(theme));

      assertThat(result.isClean()).as("%s", result.report()).isTrue();
      assertThat(result.report().guardian()).isEqualTo(ChromiumGuardian.NAME);
      assertThat(result.fixes().isEmpty()).isFalse();
      assertThat(events.events())
          .filteredOn(e -> e.getFormattedMessage().equals("layout_predicted"))
          .singleElement()
          .satisfies(
              e ->
                  assertThat(e.getKeyValuePairs())
                      .anySatisfy(kv -> assertThat(kv.key).isEqualTo("confidence")));
    } finally {
      events.close();
    }
  }

  @Test
  void freshHostilePagesEndCleanInFewerRendersThanTheLadder(ChromiumGuardian guardian) {
    List<SiteContent> pages = RenderComparison.hostilePages(31, 5);
    List<Theme> themes = dev.trinity.site.internal.risk.train.BuiltInThemes.all();
    Healer ladder = Healer.builder().guardian(guardian).build();
    Healer predicted =
        Healer.builder().guardian(guardian).predictor(LayoutRiskPredictor.shipped()).build();
    int ladderRenders = 0;
    int predictedRenders = 0;
    for (int i = 0; i < pages.size(); i++) {
      HealResult a = ladder.heal(pages.get(i), themes.get(i));
      HealResult b = predicted.heal(pages.get(i), themes.get(i));
      assertThat(b.isClean()).as("page %d: %s", i, b.report()).isTrue();
      ladderRenders += a.renders();
      predictedRenders += b.renders();
    }
    assertThat(predictedRenders).isLessThan(ladderRenders);
  }
}
