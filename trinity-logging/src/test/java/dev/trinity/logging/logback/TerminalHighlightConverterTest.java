package dev.trinity.logging.logback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalHighlightConverterTest {

  @Test
  void alwaysAndNeverOverrideTheTerminalCheck() {
    assertThat(TerminalHighlightConverter.isEnabled("always", "1")).isTrue();
    assertThat(TerminalHighlightConverter.isEnabled("ALWAYS", null)).isTrue();
    assertThat(TerminalHighlightConverter.isEnabled("never", null)).isFalse();
  }

  @Test
  void autoHonoursNoColor() {
    assertThat(TerminalHighlightConverter.isEnabled("auto", "1")).isFalse();
  }

  @Test
  void autoIsPlainWithoutAConsole() {
    if (System.console() == null) {
      assertThat(TerminalHighlightConverter.isEnabled("auto", null)).isFalse();
    }
  }
}
