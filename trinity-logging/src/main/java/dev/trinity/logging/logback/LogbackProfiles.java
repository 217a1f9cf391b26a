package dev.trinity.logging.logback;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import dev.trinity.logging.TrinityLogging;
import dev.trinity.logging.TrinityLogging.Profile;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Loads one of Trinity's Logback profiles into a {@link LoggerContext}. Most hosts call {@link
 * TrinityLogging#configure()} instead, which validates the environment and works without Logback;
 * this class is for hosts and tests that hold a Logback context of their own.
 *
 * <p>The profile is loaded as if from a configuration file holding {@code <property>} elements for
 * the given variables followed by {@code <include
 * resource="dev/trinity/logging/logback-<profile>.xml"/>}. Variables given here take precedence
 * over Java system properties and environment variables of the same name, which the profile files
 * read otherwise ({@code LOG_LEVEL}, {@code LOG_FORMAT}, {@code LOG_DIR}, {@code LOG_COLOR}).
 *
 * <p>Not thread-safe with respect to the context: configure a context from one thread, before or
 * while no other configuration runs.
 */
public final class LogbackProfiles {
  private LogbackProfiles() {}

  /**
   * Resets the context and loads a profile, with no variable overrides.
   *
   * @param context the Logback context
   * @param profile the profile
   * @throws IllegalStateException when Logback reports a warning or an error while configuring
   */
  public static void configure(LoggerContext context, Profile profile) {
    configure(context, profile, Map.of());
  }

  /**
   * Resets the context and loads a profile, with the given variables as Logback local properties.
   *
   * @param context the Logback context
   * @param profile the profile
   * @param variables property names and values, such as {@code LOG_DIR -> /var/log/app}
   * @throws IllegalArgumentException when a variable name is blank
   * @throws IllegalStateException when Logback reports a warning or an error while configuring,
   *     such as a missing encoder class or an unknown {@code LOG_FORMAT}; the context is then left
   *     partly configured
   */
  public static void configure(
      LoggerContext context, Profile profile, Map<String, String> variables) {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(profile, "profile");
    String xml = configurationXml(profile, variables);
    List<String> errors = new ArrayList<>();
    StatusListener collector =
        status -> {
          if (status.getLevel() >= Status.WARN) {
            errors.add(describe(status));
          }
        };
    context.reset();
    context.getStatusManager().add(collector);
    try {
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    } catch (JoranException e) {
      errors.add(e.toString());
    } finally {
      context.getStatusManager().remove(collector);
    }
    if (!errors.isEmpty()) {
      throw new IllegalStateException(
          "Logback reported problems loading "
              + profile.resource()
              + ": "
              + String.join("; ", errors));
    }
  }

  /**
   * Loads a profile into the Logback context that SLF4J is bound to. Called by {@link
   * TrinityLogging}, which first checks that Logback is on the classpath; this method's signature
   * names no Logback type so that the check can happen before Logback is loaded.
   *
   * @param profile the profile
   * @param variables property names and values, as for {@link #configure(LoggerContext, Profile,
   *     Map)}
   * @return true when configured; false when SLF4J is bound to another backend
   * @throws IllegalStateException when Logback reports a warning or an error while configuring
   */
  public static boolean configureBoundContext(Profile profile, Map<String, String> variables) {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (!(factory instanceof LoggerContext)) {
      return false;
    }
    configure((LoggerContext) factory, profile, variables);
    return true;
  }

  static String configurationXml(Profile profile, Map<String, String> variables) {
    StringBuilder xml = new StringBuilder("<configuration>\n");
    variables.forEach(
        (name, value) -> {
          if (name.isBlank()) {
            throw new IllegalArgumentException("variable names must not be blank");
          }
          xml.append("  <property name=\"")
              .append(escape(name))
              .append("\" value=\"")
              .append(escape(value))
              .append("\"/>\n");
        });
    xml.append("  <include resource=\"").append(profile.resource()).append("\"/>\n");
    return xml.append("</configuration>\n").toString();
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String describe(Status status) {
    Throwable t = status.getThrowable();
    return t == null ? status.getMessage() : status.getMessage() + " (" + t + ")";
  }
}
