package dev.trinity.logging.logback;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.trinity.logging.Redaction;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.event.KeyValuePair;

/**
 * Renders an event's SLF4J key-value pairs for humans: {@code " (duration_ms=1234 |
 * cache_hit=false)"}, with a leading space, or nothing when there are none. The options name MDC
 * keys to append as pairs when present, so that {@code %msg%trinityKv{correlation_id}} renders
 *
 * <pre>
 * llm_request_completed (duration_ms=1234 | cache_hit=false | correlation_id=build-123)
 * </pre>
 *
 * <p>Pairs with a null value are left out; values are {@linkplain Redaction#scrub scrubbed} of
 * secrets. Conversion word in Trinity's profiles: {@code trinityKv}. Declare it in a host's own
 * configuration with {@code <conversionRule conversionWord="trinityKv"
 * class="dev.trinity.logging.logback.KeyValuesConverter"/>}. Thread-safe once started.
 */
public final class KeyValuesConverter extends ClassicConverter {
  private List<String> mdcKeys = List.of();

  /** A converter; Logback creates it from the pattern. */
  public KeyValuesConverter() {}

  /** Reads the MDC keys from the options and starts. */
  @Override
  public void start() {
    List<String> options = getOptionList();
    if (options != null) {
      mdcKeys = options.stream().map(String::strip).filter(k -> !k.isEmpty()).toList();
    }
    super.start();
  }

  /**
   * Renders the pairs.
   *
   * @param event the event
   * @return {@code " (k=v | k=v)"}, or the empty string
   */
  @Override
  public String convert(ILoggingEvent event) {
    List<KeyValuePair> pairs = event.getKeyValuePairs();
    StringBuilder out = null;
    if (pairs != null) {
      for (KeyValuePair pair : pairs) {
        if (pair.value != null) {
          out = append(out, pair.key, render(pair.value));
        }
      }
    }
    if (!mdcKeys.isEmpty()) {
      Map<String, String> mdc = event.getMDCPropertyMap();
      for (String key : mdcKeys) {
        String value = mdc == null ? null : mdc.get(key);
        if (value != null && !hasKey(pairs, key)) {
          out = append(out, key, Redaction.scrub(value));
        }
      }
    }
    return out == null ? "" : out.append(')').toString();
  }

  private static String render(Object value) {
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    return Redaction.scrub(String.valueOf(value));
  }

  private static boolean hasKey(@Nullable List<KeyValuePair> pairs, String key) {
    if (pairs != null) {
      for (KeyValuePair pair : pairs) {
        if (pair.key.equals(key)) {
          return true;
        }
      }
    }
    return false;
  }

  private static StringBuilder append(@Nullable StringBuilder out, String key, String value) {
    StringBuilder b = out == null ? new StringBuilder(" (") : out.append(" | ");
    return b.append(key).append('=').append(value);
  }
}
