package dev.trinity.core.internal.config;

import dev.trinity.api.ConfigurationException;
import dev.trinity.core.LoggingConfig;
import dev.trinity.logging.LogEvents;
import dev.trinity.logging.TrinityLogging;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the {@code logging:} section when a Trinity instance is built: through {@link
 * TrinityLogging#configure(Map)} when SLF4J is bound to Logback, otherwise a WARN that says the
 * settings were not applied.
 */
public final class LoggingSetup {
  private static final Logger LOG = LoggerFactory.getLogger(LoggingSetup.class);

  private LoggingSetup() {}

  /**
   * Applies the settings; does nothing when the section is empty.
   *
   * @param logging the section
   * @throws ConfigurationException when Logback cannot load the profile, such as JSON output
   *     without logstash-logback-encoder on the classpath
   */
  public static void apply(LoggingConfig logging) {
    apply(logging, TrinityLogging::configure);
  }

  static void apply(LoggingConfig logging, Predicate<Map<String, String>> configure) {
    if (logging.isEmpty()) {
      return;
    }
    Map<String, String> variables = logging.asVariables();
    boolean configured;
    try {
      configured = configure.test(variables);
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new ConfigurationException(
          "logging", "cannot apply " + describe(variables) + ": " + e.getMessage(), e);
    }
    if (!configured) {
      LOG.atWarn()
          .setMessage(LogEvents.LOGGING_SETTINGS_IGNORED)
          .addKeyValue(LogEvents.Keys.SETTINGS, describe(variables))
          .addKeyValue(
              LogEvents.Keys.ERROR,
              "SLF4J is not bound to Logback; configure the host's logging backend instead")
          .log();
    }
  }

  private static String describe(Map<String, String> variables) {
    return variables.entrySet().stream()
        .map(
            e -> "logging." + e.getKey().substring(4).toLowerCase(Locale.ROOT) + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }
}
