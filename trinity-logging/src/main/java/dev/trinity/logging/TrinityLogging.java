package dev.trinity.logging;

import dev.trinity.logging.logback.LogbackProfiles;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Opt-in entry point that configures Logback with one of Trinity's ready-made profiles. Trinity
 * itself only calls the SLF4J API and never configures logging on its own; a host that wants
 * Trinity's profiles calls this once at start-up:
 *
 * <pre>{@code
 * TrinityLogging.configure();                    // profile from LOG_PROFILE, default development
 * TrinityLogging.configure(Profile.PRODUCTION);  // or a fixed profile
 * }</pre>
 *
 * <p>Settings are read from Java system properties first, then environment variables:
 *
 * <ul>
 *   <li>{@value #PROFILE} — {@code development} (default), {@code production} or {@code testing};
 *   <li>{@value #LEVEL} — the root level: {@code TRACE}, {@code DEBUG}, {@code INFO}, {@code WARN},
 *       {@code ERROR} or {@code OFF}; by default DEBUG for development, INFO for production, WARN
 *       for testing;
 *   <li>{@value #FORMAT} — the console format, {@code human} or {@code json}; by default json for
 *       production and human otherwise. Production's files are always JSON;
 *   <li>{@value #DIRECTORY} — production's log directory, default {@code logs}.
 * </ul>
 *
 * <p>Names are case-insensitive here; an unknown value fails fast. When the SLF4J backend is not
 * Logback, the methods do nothing and return false: this class never loads a Logback type unless
 * Logback is bound, so it is safe to call in hosts without Logback.
 *
 * <p>Configuring resets the Logback context: appenders, levels and filters set earlier are
 * replaced. Call it once, early, from one thread.
 */
public final class TrinityLogging {
  /** Names the profile: {@value}. */
  public static final String PROFILE = "LOG_PROFILE";

  /** Overrides the profile's root level: {@value}. */
  public static final String LEVEL = "LOG_LEVEL";

  /** Overrides the profile's console format: {@value}. */
  public static final String FORMAT = "LOG_FORMAT";

  /** Production's log directory: {@value}. */
  public static final String DIRECTORY = "LOG_DIR";

  /**
   * The classpath resource of a Logback configuration that picks its profile from {@value
   * #PROFILE}: {@value}. Point {@code -Dlogback.configurationFile} at it, or copy it.
   */
  public static final String CONFIGURATION_RESOURCE = "logback-trinity.xml";

  private static final Set<String> LEVELS =
      Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

  private TrinityLogging() {}

  /** A ready-made set of appenders, formats and levels. */
  public enum Profile {
    /** Human-readable lines on the console, coloured on a terminal, from DEBUG. */
    DEVELOPMENT,
    /**
     * One JSON object per line on the console and in {@code trinity.log}, {@code errors.log} (ERROR
     * only) and {@code performance.log} (events with {@code duration_ms}), rolled at 10 MB, five
     * kept; from INFO.
     */
    PRODUCTION,
    /** WARN and above on the console, to keep test output quiet. */
    TESTING;

    /**
     * The profile's name as used in {@value TrinityLogging#PROFILE} and in its resource name.
     *
     * @return the lower-case name, such as {@code production}
     */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The classpath resource holding the profile, a Logback {@code <included>} file that a host's
     * own {@code logback.xml} can {@code <include resource="..."/>}.
     *
     * @return the resource name, such as {@code dev/trinity/logging/logback-production.xml}
     */
    public String resource() {
      return "dev/trinity/logging/logback-" + id() + ".xml";
    }

    /**
     * The profile with the given name, ignoring case and surrounding blanks.
     *
     * @param name {@code development}, {@code production} or {@code testing}
     * @return the profile
     * @throws IllegalArgumentException when no profile has that name
     */
    public static Profile fromName(String name) {
      String id = name.strip().toLowerCase(Locale.ROOT);
      for (Profile p : values()) {
        if (p.id().equals(id)) {
          return p;
        }
      }
      throw new IllegalArgumentException(
          PROFILE + " must be development, production or testing, not '" + name + "'");
    }
  }

  /**
   * Configures Logback with the profile named by {@value #PROFILE}, development when unset.
   *
   * @return true when Logback was configured; false when SLF4J is not bound to Logback
   * @throws IllegalArgumentException when {@value #PROFILE}, {@value #LEVEL} or {@value #FORMAT}
   *     holds an unknown value
   * @throws IllegalStateException when Logback reports warnings or errors while configuring, or the
   *     profile needs logstash-logback-encoder and it is not on the classpath
   */
  public static boolean configure() {
    return configure(TrinityLogging::lookup);
  }

  /**
   * Configures Logback with the given profile; {@value #LEVEL}, {@value #FORMAT} and {@value
   * #DIRECTORY} still apply.
   *
   * @param profile the profile
   * @return true when Logback was configured; false when SLF4J is not bound to Logback
   * @throws IllegalArgumentException when {@value #LEVEL} or {@value #FORMAT} holds an unknown
   *     value
   * @throws IllegalStateException when Logback reports warnings or errors while configuring, or the
   *     profile needs logstash-logback-encoder and it is not on the classpath
   */
  public static boolean configure(Profile profile) {
    return configure(profile, TrinityLogging::lookup);
  }

  /**
   * Configures Logback from settings the caller already holds, such as the {@code logging:} section
   * of a configuration file. A setting given here wins over the Java system property and the
   * environment variable of the same name; a setting left out is read from those as usual.
   *
   * @param settings values by name: {@value #PROFILE}, {@value #LEVEL} and {@value #FORMAT}; other
   *     names are ignored ({@value #DIRECTORY} is read by the profile itself)
   * @return true when Logback was configured; false when SLF4J is not bound to Logback
   * @throws IllegalArgumentException when a profile, level or format holds an unknown value
   * @throws IllegalStateException when Logback reports warnings or errors while configuring, or the
   *     profile or format needs logstash-logback-encoder and it is not on the classpath
   */
  public static boolean configure(Map<String, String> settings) {
    Map<String, String> given = Map.copyOf(settings);
    return configure(
        name -> {
          String value = given.get(name);
          return value == null || value.isBlank() ? lookup(name) : value;
        });
  }

  static boolean configure(Function<String, @Nullable String> settings) {
    String name = settings.apply(PROFILE);
    return configure(name == null ? Profile.DEVELOPMENT : Profile.fromName(name), settings);
  }

  static boolean configure(Profile profile, Function<String, @Nullable String> settings) {
    Map<String, String> variables = variables(settings);
    if (!isClassPresent("ch.qos.logback.classic.LoggerContext")) {
      return false;
    }
    String format =
        variables.getOrDefault(FORMAT, profile == Profile.PRODUCTION ? "json" : "human");
    boolean needsJson = profile == Profile.PRODUCTION || format.equals("json");
    if (needsJson && !isClassPresent("net.logstash.logback.encoder.LogstashEncoder")) {
      throw new IllegalStateException(
          "the "
              + profile.id()
              + " profile with "
              + format
              + " output needs net.logstash.logback:logstash-logback-encoder on the classpath");
    }
    return LogbackProfiles.configureBoundContext(profile, variables);
  }

  /** The validated, normalised overrides to hand to the Logback configuration. */
  static Map<String, String> variables(Function<String, @Nullable String> settings) {
    Map<String, String> variables = new LinkedHashMap<>();
    String level = settings.apply(LEVEL);
    if (level != null) {
      String normalised = level.strip().toUpperCase(Locale.ROOT);
      if (!LEVELS.contains(normalised)) {
        throw new IllegalArgumentException(
            LEVEL + " must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF, not '" + level + "'");
      }
      variables.put(LEVEL, normalised);
    }
    String format = settings.apply(FORMAT);
    if (format != null) {
      String normalised = format.strip().toLowerCase(Locale.ROOT);
      if (!normalised.equals("human") && !normalised.equals("json")) {
        throw new IllegalArgumentException(FORMAT + " must be human or json, not '" + format + "'");
      }
      variables.put(FORMAT, normalised);
    }
    return variables;
  }

  private static @Nullable String lookup(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      value = System.getenv(name);
    }
    return value == null || value.isBlank() ? null : value;
  }

  private static boolean isClassPresent(String name) {
    try {
      Class.forName(name, false, TrinityLogging.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
