package dev.trinity.test;

import dev.trinity.api.TrinityException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A {@link CassetteMode#REPLAY REPLAY} call found no recording for its request key. Not retryable.
 *
 * <p>Its message names the cassette, its directory and the key, and shows the nearest recorded
 * request (the one whose summary differs in the fewest lines) as a line diff of the two request
 * summaries: {@code -} recorded, {@code +} this request. Unlike Trinity's other exceptions, that
 * diff quotes prompt text (secrets masked): it is meant for a failing test's report, where the
 * prompt is what changed.
 */
public final class CassetteMissException extends TrinityException {
  private static final long serialVersionUID = 1L;

  private final String cassette;
  private final transient Path directory;
  private final String key;
  private final String nearestKey;
  private final String diff;

  CassetteMissException(
      String cassette, Path directory, String key, String nearestKey, String diff, int changed) {
    super(message(cassette, directory, key, nearestKey, diff, changed), null, false);
    this.cassette = cassette;
    this.directory = directory;
    this.key = key;
    this.nearestKey = nearestKey;
    this.diff = diff;
  }

  private static String message(
      String cassette, Path directory, String key, String nearestKey, String diff, int changed) {
    StringBuilder m =
        new StringBuilder("no recording in cassette '")
            .append(cassette)
            .append("' (")
            .append(directory)
            .append(") for request key ")
            .append(key)
            .append("; record it with -D")
            .append(CassetteMode.PROPERTY)
            .append("=record_new");
    if (nearestKey == null) {
      m.append("\nthe cassette holds no recordings");
    } else {
      m.append("\nnearest recorded key ")
          .append(nearestKey)
          .append(" (")
          .append(changed)
          .append(" lines differ; - recorded, + this request):\n")
          .append(diff);
    }
    return m.toString();
  }

  /**
   * The cassette's name.
   *
   * @return the name
   */
  public String cassette() {
    return cassette;
  }

  /**
   * The cassette's directory.
   *
   * @return the directory
   */
  public Path directory() {
    return directory;
  }

  /**
   * The request key that was not found.
   *
   * @return 64 hex characters
   */
  public String key() {
    return key;
  }

  /**
   * The recorded key whose request summary is closest to this request's.
   *
   * @return the key, or empty when the cassette holds no recordings
   */
  public Optional<String> nearestKey() {
    return Optional.ofNullable(nearestKey);
  }

  /**
   * The line diff from the nearest recorded request summary to this request's.
   *
   * @return the diff, empty when the cassette holds no recordings
   */
  public String diff() {
    return diff == null ? "" : diff;
  }
}
