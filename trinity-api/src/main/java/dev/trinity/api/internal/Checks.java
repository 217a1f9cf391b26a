package dev.trinity.api.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Argument checks for configuration setters and value constructors, so that every rejected value is
 * reported the same way: {@code <setting> must be <rule>, was <value>}. Each method returns its
 * argument so that a setter reads {@code this.port = Checks.requireRange(port, 1, 65535,
 * "cache.redis.port")}.
 *
 * <p>Internal: used by Trinity's modules, may change without notice. Stateless and thread-safe.
 */
public final class Checks {
  private Checks() {}

  /**
   * Requires {@code value >= 1}.
   *
   * @param value the value
   * @param name the setting's name, as the user wrote it
   * @return the value
   * @throws IllegalArgumentException "{@code name must be >= 1, was value}"
   */
  public static int requirePositive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1, was " + value);
    }
    return value;
  }

  /**
   * Requires a duration longer than zero.
   *
   * @param value the duration
   * @param name the setting's name
   * @return the duration
   * @throws NullPointerException when the duration is null
   * @throws IllegalArgumentException "{@code name must be positive, was value}"
   */
  public static Duration requirePositive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
    return value;
  }

  /**
   * Requires {@code value >= 0}.
   *
   * @param value the value
   * @param name the setting's name
   * @return the value
   * @throws IllegalArgumentException "{@code name must be >= 0, was value}"
   */
  public static int requireNonNegative(int value, String name) {
    requireNonNegative((long) value, name);
    return value;
  }

  /**
   * Requires {@code value >= 0}.
   *
   * @param value the value
   * @param name the setting's name
   * @return the value
   * @throws IllegalArgumentException "{@code name must be >= 0, was value}"
   */
  public static long requireNonNegative(long value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, was " + value);
    }
    return value;
  }

  /**
   * Requires a duration of zero or more.
   *
   * @param value the duration
   * @param name the setting's name
   * @return the duration
   * @throws NullPointerException when the duration is null
   * @throws IllegalArgumentException "{@code name must not be negative, was value}"
   */
  public static Duration requireNonNegative(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, was " + value);
    }
    return value;
  }

  /**
   * Requires {@code value >= min}.
   *
   * @param value the value
   * @param min the least value allowed
   * @param name the setting's name
   * @return the value
   * @throws IllegalArgumentException "{@code name must be >= min, was value}"
   */
  public static double requireAtLeast(double value, double min, String name) {
    if (!(value >= min)) {
      throw new IllegalArgumentException(name + " must be >= " + bound(min) + ", was " + value);
    }
    return value;
  }

  /**
   * Requires a duration no longer than {@code max}.
   *
   * @param value the duration
   * @param max the longest allowed
   * @param name the setting's name
   * @return the duration
   * @throws IllegalArgumentException "{@code name must be at most max, was value}"
   */
  public static Duration requireAtMost(Duration value, Duration max, String name) {
    Objects.requireNonNull(value, name);
    if (value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          name + " must be at most " + describe(max) + ", was " + value);
    }
    return value;
  }

  /**
   * Requires {@code min <= value <= max}.
   *
   * @param value the value
   * @param min the least value allowed
   * @param max the greatest value allowed
   * @param name the setting's name
   * @return the value
   * @throws IllegalArgumentException "{@code name must be in [min, max], was value}"
   */
  public static int requireRange(int value, int min, int max, String name) {
    if (value < min || value > max) {
      throw outOfRange(name, "[" + min + ", " + max + "]", String.valueOf(value));
    }
    return value;
  }

  /**
   * Requires {@code min <= value <= max}.
   *
   * @param value the value
   * @param min the least value allowed
   * @param max the greatest value allowed
   * @param name the setting's name
   * @return the value
   * @throws IllegalArgumentException "{@code name must be in [min, max], was value}"
   */
  public static long requireRange(long value, long min, long max, String name) {
    if (value < min || value > max) {
      throw outOfRange(name, "[" + min + ", " + max + "]", String.valueOf(value));
    }
    return value;
  }

  /**
   * Requires {@code min <= value <= max}; NaN is out of range.
   *
   * @param value the value
   * @param min the least value allowed
   * @param max the greatest value allowed
   * @param name the setting's name
   * @return the value
   * @throws IllegalArgumentException "{@code name must be in [min, max], was value}"
   */
  public static double requireRange(double value, double min, double max, String name) {
    if (!(value >= min && value <= max)) {
      throw outOfRange(name, "[" + bound(min) + ", " + bound(max) + "]", String.valueOf(value));
    }
    return value;
  }

  /**
   * Requires {@code min < value <= max}; NaN is out of range.
   *
   * @param value the value
   * @param min the bound the value must exceed
   * @param max the greatest value allowed
   * @param name the setting's name
   * @return the value
   * @throws IllegalArgumentException "{@code name must be in (min, max], was value}"
   */
  public static double requireRangeAboveMin(double value, double min, double max, String name) {
    if (!(value > min && value <= max)) {
      throw outOfRange(name, "(" + bound(min) + ", " + bound(max) + "]", String.valueOf(value));
    }
    return value;
  }

  /**
   * Requires {@code min <= value < max}; NaN is out of range.
   *
   * @param value the value
   * @param min the least value allowed
   * @param max the bound the value must stay below
   * @param name the setting's name
   * @return the value
   * @throws IllegalArgumentException "{@code name must be in [min, max), was value}"
   */
  public static double requireRangeBelowMax(double value, double min, double max, String name) {
    if (!(value >= min && value < max)) {
      throw outOfRange(name, "[" + bound(min) + ", " + bound(max) + ")", String.valueOf(value));
    }
    return value;
  }

  /**
   * Requires text that is not blank.
   *
   * @param value the text
   * @param name the setting's name
   * @return the text, unchanged
   * @throws NullPointerException when the text is null
   * @throws IllegalArgumentException "{@code name must not be blank}"
   */
  public static String requireNonBlank(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  /**
   * Requires an absolute {@code http://} or {@code https://} URL with a host and no user info.
   *
   * @param value the URL
   * @param name the setting's name
   * @param apiKeySetting where credentials belong instead, such as {@code llm.api_key}
   * @return the URL
   * @throws IllegalArgumentException "{@code name must be an absolute http:// or https:// URL, was
   *     'value'}", or "{@code name must not carry credentials; set apiKeySetting instead}"
   */
  public static URI requireHttpUrl(URI value, String name, String apiKeySetting) {
    Objects.requireNonNull(value, name);
    String scheme = value.getScheme();
    if (scheme == null
        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
        || value.getHost() == null) {
      throw new IllegalArgumentException(
          name + " must be an absolute http:// or https:// URL, was '" + value + "'");
    }
    if (value.getUserInfo() != null) {
      throw new IllegalArgumentException(
          name + " must not carry credentials; set " + apiKeySetting + " instead");
    }
    return value;
  }

  /**
   * Requires a condition that relates several settings, as Caffeine's builder does; the message is
   * built only on failure.
   *
   * @param condition what must hold
   * @param message says which settings disagree and how, such as {@code "min_limit (5) must not
   *     exceed max_limit (4)"}
   * @throws IllegalArgumentException with the message when the condition does not hold
   */
  public static void requireArgument(boolean condition, Supplier<String> message) {
    if (!condition) {
      throw new IllegalArgumentException(message.get());
    }
  }

  /** A bound as a person writes it: 1 rather than 1.0, 0.1 as is. */
  private static String bound(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return String.valueOf((long) d);
    }
    return String.valueOf(d);
  }

  private static String describe(Duration d) {
    return d.toNanos() % 1_000_000_000L == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }

  private static IllegalArgumentException outOfRange(String name, String interval, String value) {
    return new IllegalArgumentException(name + " must be in " + interval + ", was " + value);
  }
}
