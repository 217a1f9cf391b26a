package dev.trinity.core.internal.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trinity.api.ConfigurationException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One section of the merged configuration tree, with typed readers that name the key (or the
 * environment variable it came from) and what is accepted when a value is wrong.
 */
final class ConfigValues {
  private static final Pattern DURATION =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern SIZE =
      Pattern.compile("(\\d+)\\s*(b|kb|kib|mb|mib|gb|gib)?", Pattern.CASE_INSENSITIVE);

  private final ObjectNode node;
  private final String path;
  private final Map<String, String> origins;

  ConfigValues(ObjectNode node, String path, Map<String, String> origins) {
    this.node = node;
    this.path = path;
    this.origins = origins;
  }

  /** Fails on any key that is not in {@code known}, listing the accepted keys. */
  void requireOnly(Set<String> known) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new ConfigurationException(
            key(name), "unknown key; accepted keys are " + new TreeSet<>(known));
      }
    }
  }

  Optional<ConfigValues> section(String name) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isObject()) {
      throw new ConfigurationException(key(name), "must be a mapping of keys to values");
    }
    return Optional.of(new ConfigValues((ObjectNode) v, qualified(name), origins));
  }

  /**
   * A list of mappings, such as {@code llm.fallbacks}: each item a section whose keys are named
   * {@code name[i].key}.
   */
  List<ConfigValues> sections(String name) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new ConfigurationException(key(name), "must be a list of mappings");
    }
    java.util.ArrayList<ConfigValues> out = new java.util.ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      JsonNode item = v.get(i);
      String itemKey = qualified(name) + "[" + i + "]";
      if (!item.isObject()) {
        throw new ConfigurationException(itemKey, "must be a mapping of keys to values");
      }
      out.add(new ConfigValues((ObjectNode) item, itemKey, origins));
    }
    return out;
  }

  Optional<String> string(String name) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isValueNode()) {
      throw new ConfigurationException(key(name), "must be a single value, not a list or mapping");
    }
    return Optional.of(v.asText());
  }

  Optional<Duration> duration(String name) {
    return string(name).map(s -> parseDuration(name, s));
  }

  Optional<Integer> integer(String name) {
    return string(name)
        .map(
            s -> {
              try {
                return Integer.parseInt(s.strip());
              } catch (NumberFormatException e) {
                throw new ConfigurationException(
                    key(name), "must be a whole number, was '" + s + "'");
              }
            });
  }

  Optional<Double> decimal(String name) {
    return string(name)
        .map(
            s -> {
              try {
                return Double.parseDouble(s.strip());
              } catch (NumberFormatException e) {
                throw new ConfigurationException(key(name), "must be a number, was '" + s + "'");
              }
            });
  }

  Optional<Boolean> bool(String name) {
    return string(name)
        .map(
            s -> {
              String t = s.strip().toLowerCase(Locale.ROOT);
              if (List.of("true", "yes", "on", "1").contains(t)) {
                return true;
              }
              if (List.of("false", "no", "off", "0").contains(t)) {
                return false;
              }
              throw new ConfigurationException(key(name), "must be true or false, was '" + s + "'");
            });
  }

  Optional<Long> bytes(String name) {
    return string(name)
        .map(
            s -> {
              Matcher m = SIZE.matcher(s.strip());
              if (!m.matches()) {
                throw new ConfigurationException(
                    key(name), "must be a size such as 16MiB, 512KiB or 1048576, was '" + s + "'");
              }
              long n = Long.parseLong(m.group(1));
              String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
              long factor =
                  switch (unit) {
                    case "kb" -> 1000L;
                    case "kib" -> 1024L;
                    case "mb" -> 1000L * 1000;
                    case "mib" -> 1024L * 1024;
                    case "gb" -> 1000L * 1000 * 1000;
                    case "gib" -> 1024L * 1024 * 1024;
                    default -> 1L;
                  };
              return Math.multiplyExact(n, factor);
            });
  }

  Optional<List<String>> list(String name) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (v.isTextual()) {
      return Optional.of(
          List.of(v.asText().split("\\s*,\\s*")).stream().filter(s -> !s.isBlank()).toList());
    }
    if (!v.isArray()) {
      throw new ConfigurationException(key(name), "must be a list");
    }
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    for (JsonNode item : v) {
      if (!item.isValueNode()) {
        throw new ConfigurationException(key(name), "must be a list of names");
      }
      out.add(item.asText());
    }
    return Optional.of(out);
  }

  Map<String, String> stringMap(String name) {
    JsonNode v = node.get(name);
    Map<String, String> out = new LinkedHashMap<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isObject()) {
      throw new ConfigurationException(key(name), "must be a mapping of option names to values");
    }
    v.fields()
        .forEachRemaining(
            e -> {
              if (!e.getValue().isValueNode()) {
                throw new ConfigurationException(
                    key(name) + "." + e.getKey(), "must be a single value");
              }
              out.put(e.getKey(), e.getValue().asText());
            });
    return out;
  }

  /** Runs a builder setter, turning its {@link IllegalArgumentException} into a named error. */
  void apply(String name, Runnable setter) {
    try {
      setter.run();
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(key(name), e.getMessage(), e);
    }
  }

  /** The key as the user wrote it: the YAML path, plus the environment variable if it set it. */
  String key(String name) {
    String q = qualified(name);
    String env = origins.get(q);
    return env == null ? q : env + " (" + q + ")";
  }

  private String qualified(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private Duration parseDuration(String name, String text) {
    String s = text.strip();
    if (s.startsWith("-")) {
      // "-5s" is a negative duration; "-soon" is no duration at all
      parseDuration(name, s.substring(1).strip(), text);
      throw new ConfigurationException(key(name), "must be positive, was '" + text + "'");
    }
    return parseDuration(name, s, text);
  }

  private Duration parseDuration(String name, String s, String text) {
    if (s.startsWith("P") || s.startsWith("p")) {
      Duration iso = null;
      try {
        iso = Duration.parse(s);
      } catch (DateTimeParseException e) {
        // fall through to the error below
      }
      if (iso != null && iso.isNegative()) {
        throw new ConfigurationException(key(name), "must be positive, was '" + text + "'");
      }
      if (iso != null) {
        return iso;
      }
    }
    Matcher m = DURATION.matcher(s);
    if (!m.matches()) {
      throw new ConfigurationException(
          key(name),
          "must be a duration such as 250ms, 30s, 5m, 1h or a number of seconds, was '"
              + text
              + "'");
    }
    double amount = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
    double millis =
        switch (unit) {
          case "ms" -> amount;
          case "m" -> amount * 60_000;
          case "h" -> amount * 3_600_000;
          case "d" -> amount * 86_400_000;
          default -> amount * 1000;
        };
    return Duration.ofMillis(Math.round(millis));
  }
}
