package dev.trinity.logging;

import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.slf4j.spi.MDCAdapter;

/**
 * Reads the current thread's MDC, without copying it when the backend keeps a read-only view
 * (Logback). Logback's classes are touched only when Logback is the backend, so the class loads
 * without it.
 */
final class CurrentMdc {
  private static final boolean LOGBACK_PRESENT =
      present("ch.qos.logback.classic.util.LogbackMDCAdapter");

  private CurrentMdc() {}

  /**
   * The current MDC, as a map that later changes to the MDC leave as it is: Logback's read-only
   * view (the same object until the MDC changes, then a new one), or else a copy.
   *
   * @return the entries, or null (or empty) when there are none
   */
  static @Nullable Map<String, String> get() {
    MDCAdapter adapter = MDC.getMDCAdapter();
    if (LOGBACK_PRESENT && Logback.handles(adapter)) {
      return Logback.view(adapter);
    }
    return MDC.getCopyOfContextMap();
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, CurrentMdc.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** Touched only when Logback is on the class path. */
  private static final class Logback {
    private Logback() {}

    static boolean handles(@Nullable MDCAdapter adapter) {
      return adapter instanceof LogbackMDCAdapter;
    }

    static @Nullable Map<String, String> view(MDCAdapter adapter) {
      return ((LogbackMDCAdapter) adapter).getPropertyMap();
    }
  }
}
