package dev.trinity.logging.vocabulary;

import dev.trinity.logging.LogEvents;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The event names and keys of {@link LogEvents}, by constant name.
 *
 * @param events constant name to event name ({@code LLM_REQUEST_SENT} to {@code llm_request_sent})
 * @param keys constant name to key ({@code CACHE_TIER} to {@code cache_tier})
 */
record Vocabulary(Map<String, String> events, Map<String, String> keys) {

  /** The vocabulary declared by {@link LogEvents} and {@link LogEvents.Keys}. */
  static Vocabulary ofLogEvents() {
    return new Vocabulary(constants(LogEvents.class), constants(LogEvents.Keys.class));
  }

  private static Map<String, String> constants(Class<?> type) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Field f : type.getDeclaredFields()) {
      int m = f.getModifiers();
      if (Modifier.isPublic(m)
          && Modifier.isStatic(m)
          && Modifier.isFinal(m)
          && f.getType() == String.class) {
        try {
          out.put(f.getName(), (String) f.get(null));
        } catch (IllegalAccessException e) {
          throw new AssertionError(e);
        }
      }
    }
    return out;
  }

  /** The constant that holds this event name, or null. */
  String eventConstant(String name) {
    return constantOf(events, name);
  }

  /** The constant that holds this key, or null. */
  String keyConstant(String key) {
    return constantOf(keys, key);
  }

  private static String constantOf(Map<String, String> constants, String value) {
    return constants.entrySet().stream()
        .filter(e -> e.getValue().equals(value))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(null);
  }
}
