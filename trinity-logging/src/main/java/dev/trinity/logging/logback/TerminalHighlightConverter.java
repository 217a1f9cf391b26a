package dev.trinity.logging.logback;

import ch.qos.logback.classic.pattern.color.HighlightingCompositeConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.io.Console;
import java.lang.reflect.Method;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Logback's {@code %highlight} (level colours: ERROR red, WARN yellow, INFO blue), applied only
 * when colour makes sense. The first option picks the mode:
 *
 * <ul>
 *   <li>{@code auto} (the default): colour when the JVM has an interactive console and the {@code
 *       NO_COLOR} environment variable is not set, so files and CI logs get no escape codes;
 *   <li>{@code always}: colour;
 *   <li>{@code never}: plain text.
 * </ul>
 *
 * <p>Trinity's development profile uses it as {@code
 * %trinityHighlight(%-8level){${LOG_COLOR:-auto}}}. Thread-safe once started.
 */
public final class TerminalHighlightConverter extends HighlightingCompositeConverter {
  private boolean enabled;

  /** A converter; Logback creates it from the pattern. */
  public TerminalHighlightConverter() {}

  /** Decides once whether to colour, from the first option, and starts. */
  @Override
  public void start() {
    String mode = getFirstOption();
    enabled = isEnabled(mode == null ? "auto" : mode, System.getenv("NO_COLOR"));
    super.start();
  }

  /**
   * Whether this converter colours its output.
   *
   * @return true when it colours
   */
  public boolean isEnabled() {
    return enabled;
  }

  @Override
  protected String transform(ILoggingEvent event, String in) {
    return enabled ? super.transform(event, in) : in;
  }

  static boolean isEnabled(String mode, @Nullable String noColor) {
    switch (mode.strip().toLowerCase(Locale.ROOT)) {
      case "always":
      case "true":
        return true;
      case "never":
      case "false":
        return false;
      default:
        return (noColor == null || noColor.isEmpty()) && isInteractive(System.console());
    }
  }

  /** Java 22 returns a console even when output is redirected; isTerminal() tells them apart. */
  private static boolean isInteractive(@Nullable Console console) {
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return true; // before Java 22 a non-null console is interactive
    }
  }
}
