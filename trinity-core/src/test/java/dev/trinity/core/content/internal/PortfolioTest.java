package dev.trinity.core.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PortfolioTest {

  @Test
  void aPortfolioWithinTheBudgetIsSentWhole() {
    Portfolio p = Portfolio.of("text", "short portfolio", 1 << 20);

    assertThat(p.trimmedTo(1000)).isSameAs(p);
    assertThat(p.trimmed()).isFalse();
  }

  @Test
  void aLongPortfolioIsCutAtALineBreakNearTheBudget() {
    String text = ("x".repeat(99) + "\n").repeat(30); // 3,000 characters in lines of 100
    Portfolio p = Portfolio.of("text", text, 1 << 20).trimmedTo(1_050);

    assertThat(p.trimmed()).isTrue();
    assertThat(p.length()).isEqualTo(1_000 - 1);
    assertThat(p.originalLength()).isEqualTo(3_000);
  }

  @Test
  void cuttingNeverSplitsASurrogatePair() {
    Portfolio p = Portfolio.of("text", "🚀".repeat(2_000), 1 << 20).trimmedTo(1_001);

    assertThat(p.length()).isEqualTo(1_001);
    assertThat(Character.isHighSurrogate(p.text().charAt(p.text().length() - 1))).isFalse();
  }

  @Test
  void aByteOrderMarkIsDropped() {
    assertThat(Portfolio.of("text", "\uFEFFhello", 1024).text()).isEqualTo("hello");
  }
}
