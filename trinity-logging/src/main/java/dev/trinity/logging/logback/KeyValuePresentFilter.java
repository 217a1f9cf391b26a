package dev.trinity.logging.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.AbstractMatcherFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.event.KeyValuePair;

/**
 * A Logback filter that matches events carrying an SLF4J key-value pair with a given key. By
 * default it lets matching events through to the next filter ({@code NEUTRAL}) and denies the rest,
 * which makes an appender write only, say, the events that carry {@code duration_ms}:
 *
 * <pre>{@code
 * <filter class="dev.trinity.logging.logback.KeyValuePresentFilter">
 *   <key>duration_ms</key>
 * </filter>
 * }</pre>
 *
 * <p>{@code onMatch} and {@code onMismatch} can be set as for any Logback matcher filter. A pair
 * whose value is null still counts as present. Thread-safe once started.
 */
public final class KeyValuePresentFilter extends AbstractMatcherFilter<ILoggingEvent> {
  private @Nullable String key;

  /** A filter with no key yet; set one with {@link #setKey(String)} before starting it. */
  public KeyValuePresentFilter() {
    setOnMatch(FilterReply.NEUTRAL);
    setOnMismatch(FilterReply.DENY);
  }

  /**
   * Sets the key to look for.
   *
   * @param key the key-value pair's key, such as {@code duration_ms}
   */
  public void setKey(String key) {
    this.key = key;
  }

  /**
   * The key looked for.
   *
   * @return the key, or null before it is set
   */
  public @Nullable String getKey() {
    return key;
  }

  /** Starts the filter, or reports an error and stays stopped when no key was set. */
  @Override
  public void start() {
    if (key == null || key.isBlank()) {
      addError("No key set for the filter named [" + getName() + "]");
      return;
    }
    super.start();
  }

  /**
   * Decides on one event.
   *
   * @param event the event
   * @return {@code onMatch} when the event carries the key, {@code onMismatch} otherwise, {@code
   *     NEUTRAL} when the filter is not started
   */
  @Override
  public FilterReply decide(ILoggingEvent event) {
    if (!isStarted()) {
      return FilterReply.NEUTRAL;
    }
    List<KeyValuePair> pairs = event.getKeyValuePairs();
    if (pairs != null) {
      for (KeyValuePair pair : pairs) {
        if (pair.key.equals(key)) {
          return onMatch;
        }
      }
    }
    return onMismatch;
  }
}
