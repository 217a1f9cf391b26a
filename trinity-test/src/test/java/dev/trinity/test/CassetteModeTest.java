package dev.trinity.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CassetteModeTest {
  final String before = System.getProperty(CassetteMode.PROPERTY);

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(CassetteMode.PROPERTY);
    } else {
      System.setProperty(CassetteMode.PROPERTY, before);
    }
  }

  @Test
  void readsTheModesInAnyCase() {
    assertThat(CassetteMode.parse("record")).isEqualTo(CassetteMode.RECORD);
    assertThat(CassetteMode.parse(" REPLAY ")).isEqualTo(CassetteMode.REPLAY);
    assertThat(CassetteMode.parse("record_new")).isEqualTo(CassetteMode.RECORD_NEW);
    assertThat(CassetteMode.parse("Record-New")).isEqualTo(CassetteMode.RECORD_NEW);
  }

  @Test
  void anUnknownModeIsRefusedNamingTheProperty() {
    assertThatThrownBy(() -> CassetteMode.parse("rewind"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("trinity.cassettes must be record, replay or record_new, was 'rewind'");
  }

  @Test
  void replaysUnlessThePropertySaysOtherwise() {
    System.clearProperty(CassetteMode.PROPERTY);
    assertThat(CassetteMode.fromSystemProperty()).isEqualTo(CassetteMode.REPLAY);
    System.setProperty(CassetteMode.PROPERTY, "");
    assertThat(CassetteMode.fromSystemProperty()).isEqualTo(CassetteMode.REPLAY);
    System.setProperty(CassetteMode.PROPERTY, "record_new");
    assertThat(CassetteMode.fromSystemProperty()).isEqualTo(CassetteMode.RECORD_NEW);
    assertThat(CassetteMode.RECORD_NEW.records()).isTrue();
    assertThat(CassetteMode.REPLAY.records()).isFalse();
  }
}
