package dev.trinity.site.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContentCutTest {
  @Test
  void textThatFitsIsKept() {
    assertThat(ContentCut.cut("  short text ", 20, 4)).isEqualTo("short text");
  }

  @Test
  void cutsAtTheLastWordBoundaryThatFitsAndEndsWithAnEllipsis() {
    String cut = ContentCut.cut("Distributed tracing for every service, at scale", 30, 8);
    assertThat(cut).isEqualTo("Distributed tracing for every…");
    assertThat(cut.length()).isLessThanOrEqualTo(30);
  }

  @Test
  void dropsPunctuationLeftBeforeTheEllipsis() {
    assertThat(ContentCut.cut("One, two, three, four, five", 12, 3)).isEqualTo("One, two…");
  }

  @Test
  void anUnbrokenWordIsCutInsideTheWord() {
    assertThat(ContentCut.cut("a".repeat(200), 10, 4)).isEqualTo("aaaaaaaaa…");
  }

  @Test
  void neverCutsBelowTheFloorEvenWhenTheOnlyBoundaryIsEarly() {
    String cut = ContentCut.cut("Go supercalifragilisticexpialidocious", 20, 10);
    assertThat(cut).isEqualTo("Go supercalifragili…");
    assertThat(cut.length() - 1).isGreaterThanOrEqualTo(10);
  }

  @Test
  void componentBudgetsKeepAtLeastTheirFloor() {
    String cut = PageModel.cut(dev.trinity.site.Component.TAG, "x".repeat(50));
    assertThat(cut).hasSize(16).endsWith("…");
    assertThat(PageModel.cut(dev.trinity.site.Component.TAG, "ab")).isEqualTo("ab");
  }

  @Test
  void aBudgetNoBiggerThanTheFloorIsRefused() {
    assertThatThrownBy(() -> ContentCut.cut("text", 4, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("budget");
    assertThatThrownBy(() -> ContentCut.cut("text", 4, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("floor");
  }
}
