package dev.trinity.api;

/** Who wrote a chat {@link Message}. */
public enum Role {
  /** Instructions that frame the conversation. */
  SYSTEM,
  /** The host's (or end user's) turn. */
  USER,
  /** The model's earlier turn. */
  ASSISTANT;

  /**
   * The lower-case name used on the wire by chat APIs.
   *
   * @return {@code system}, {@code user} or {@code assistant}
   */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
