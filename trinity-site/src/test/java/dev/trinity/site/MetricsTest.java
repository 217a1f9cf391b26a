package dev.trinity.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.trinity.site.internal.risk.train.Metrics;
import org.junit.jupiter.api.Test;

class MetricsTest {
  @Test
  void computesTheScoresByHandOnASmallConfusionMatrix() {
    // truth:     0 0 0 0 1 1 2
    // predicted: 0 0 0 1 1 2 2
    Metrics m = Metrics.of(new int[] {0, 0, 0, 0, 1, 1, 2}, new int[] {0, 0, 0, 1, 1, 2, 2}, 5);

    assertThat(m.accuracy()).isCloseTo(5.0 / 7, within(1e-9));
    assertThat(m.f1(0)).isCloseTo(2 * 1.0 * 0.75 / 1.75, within(1e-9));
    assertThat(m.f1(1)).isCloseTo(0.5, within(1e-9));
    assertThat(m.f1(2)).isCloseTo(2 * 0.5 * 1.0 / 1.5, within(1e-9));
    double macro = (6.0 / 7 + 0.5 + 2.0 / 3) / 3;
    assertThat(m.macroF1()).as("classes 3 and 4 never occur").isCloseTo(macro, within(1e-9));
    assertThat(m.weightedF1()).isCloseTo((4 * 6.0 / 7 + 2 * 0.5 + 1 * 2.0 / 3) / 7, within(1e-9));
    assertThat(m.overHealing()).isCloseTo(2.0 / 7, within(1e-9));
  }
}
