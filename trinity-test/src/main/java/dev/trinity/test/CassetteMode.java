package dev.trinity.test;

import java.util.Locale;

/**
 * What a {@link Cassette} does with the calls that reach it.
 *
 * <p>The mode of {@link LlmCassette} tests comes from the system property {@value #PROPERTY}
 * ({@code record}, {@code replay} or {@code record_new}); {@link #REPLAY} when it is not set, so
 * that CI never needs a model server.
 */
public enum CassetteMode {
  /** Every call goes to the real provider and its answer is written, replacing an older one. */
  RECORD,
  /**
   * Only recorded answers are served; a call with no recording fails with a {@link
   * CassetteMissException}.
   */
  REPLAY,
  /**
   * Recorded answers are served; calls with no recording go to the real provider and are written.
   */
  RECORD_NEW;

  /** The system property that selects the mode: {@code -Dtrinity.cassettes=record}. */
  public static final String PROPERTY = "trinity.cassettes";

  /**
   * The mode named by the system property {@value #PROPERTY}, or {@link #REPLAY} when it is unset
   * or blank.
   *
   * @return the mode
   * @throws IllegalArgumentException when the property names no mode
   */
  public static CassetteMode fromSystemProperty() {
    String value = System.getProperty(PROPERTY);
    return value == null || value.isBlank() ? REPLAY : parse(value);
  }

  /**
   * Reads a mode's name, ignoring case and surrounding spaces: {@code record}, {@code replay},
   * {@code record_new} (or {@code record-new}).
   *
   * @param value the name
   * @return the mode
   * @throws IllegalArgumentException when the value names no mode
   */
  public static CassetteMode parse(String value) {
    String name = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    for (CassetteMode mode : values()) {
      if (mode.name().equals(name)) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        PROPERTY + " must be record, replay or record_new, was '" + value + "'");
  }

  /**
   * Whether a call with no recording goes to the real provider.
   *
   * @return true for {@link #RECORD} and {@link #RECORD_NEW}
   */
  public boolean records() {
    return this != REPLAY;
  }
}
