package dev.trinity.core;

import dev.trinity.logging.TrinityLogging;
import dev.trinity.logging.TrinityLogging.Profile;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code logging:} section of Trinity's configuration: which of Trinity's ready-made Logback
 * profiles to load, at which root level, in which console format. Immutable and thread-safe.
 *
 * <pre>{@code
 * logging:
 *   profile: production   # development | production | testing   (LOG_PROFILE)
 *   level: info           # trace | debug | info | warn | error | off (LOG_LEVEL)
 *   format: json          # human | json                          (LOG_FORMAT)
 * }</pre>
 *
 * <p>Each part is optional. When any is set, building a {@link Trinity} from the configuration
 * configures Logback through {@link TrinityLogging#configure(Map)}: the profile (development when
 * not set here nor in {@code LOG_PROFILE}) is loaded and the level and format override it. This
 * resets the Logback context, replacing the host's own Logback configuration, which is what the
 * settings ask for. When nothing is set (the default), Trinity leaves logging alone. When SLF4J is
 * not bound to Logback, Trinity logs {@code logging_settings_ignored} at WARN naming the settings
 * and goes on; the host's backend stays in charge.
 *
 * @param profile the profile, or null to use {@code LOG_PROFILE} or development
 * @param level the root level, or null for the profile's own
 * @param format the console format, or null for the profile's own
 */
public record LoggingConfig(
    @Nullable Profile profile, @Nullable Level level, @Nullable Format format) {

  private static final LoggingConfig NONE = new LoggingConfig(null, null, null);

  /** A root level, as {@code logging.level} / {@code LOG_LEVEL} names it. */
  public enum Level {
    /** Everything. */
    TRACE,
    /** Debug and above, including prompts and answers: keep off in production. */
    DEBUG,
    /** Info and above. */
    INFO,
    /** Warnings and errors. */
    WARN,
    /** Errors only. */
    ERROR,
    /** Nothing. */
    OFF
  }

  /** The console format, as {@code logging.format} / {@code LOG_FORMAT} names it. */
  public enum Format {
    /** One readable line per event. */
    HUMAN,
    /** One JSON object per line; needs logstash-logback-encoder. */
    JSON
  }

  /**
   * No logging settings: Trinity leaves logging to the host.
   *
   * @return the empty section
   */
  public static LoggingConfig none() {
    return NONE;
  }

  /**
   * Whether no part is set, so that Trinity does not touch logging.
   *
   * @return true when profile, level and format are all unset
   */
  public boolean isEmpty() {
    return profile == null && level == null && format == null;
  }

  /**
   * A copy with the profile set.
   *
   * @param profile the profile, or null to unset it
   * @return the copy
   */
  public LoggingConfig withProfile(@Nullable Profile profile) {
    return new LoggingConfig(profile, level, format);
  }

  /**
   * A copy with the root level set.
   *
   * @param level the level, or null to unset it
   * @return the copy
   */
  public LoggingConfig withLevel(@Nullable Level level) {
    return new LoggingConfig(profile, level, format);
  }

  /**
   * A copy with the console format set.
   *
   * @param format the format, or null to unset it
   * @return the copy
   */
  public LoggingConfig withFormat(@Nullable Format format) {
    return new LoggingConfig(profile, level, format);
  }

  /**
   * The set parts as {@link TrinityLogging} variables ({@code LOG_PROFILE}, {@code LOG_LEVEL},
   * {@code LOG_FORMAT}), ready for {@link TrinityLogging#configure(Map)}.
   *
   * @return the variables, in that order, only those set
   */
  public Map<String, String> asVariables() {
    Map<String, String> m = new LinkedHashMap<>();
    if (profile != null) {
      m.put(TrinityLogging.PROFILE, profile.id());
    }
    if (level != null) {
      m.put(TrinityLogging.LEVEL, level.name());
    }
    if (format != null) {
      m.put(TrinityLogging.FORMAT, format.name().toLowerCase(Locale.ROOT));
    }
    return m;
  }
}
