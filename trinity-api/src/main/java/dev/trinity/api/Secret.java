package dev.trinity.api;

import java.util.Objects;

/**
 * A secret value, such as an API key or a password, that never shows in {@code toString()}, logs or
 * exception messages. Immutable.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /**
   * Wraps a secret.
   *
   * @param value the secret, not empty
   * @return the wrapper
   * @throws IllegalArgumentException when empty
   */
  public static Secret of(String value) {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("a secret must not be empty");
    }
    return new Secret(value);
  }

  /**
   * The secret itself. Call it only where the value is sent (an HTTP header, a Redis AUTH).
   *
   * @return the value
   */
  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s && value.equals(s.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Returns a fixed mask. */
  @Override
  public String toString() {
    return "****";
  }
}
