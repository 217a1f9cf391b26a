package dev.trinity.api;

/** Where an {@link LlmResponse} came from. */
public enum ResponseSource {
  /** A provider answered this request (possibly shared with identical in-flight requests). */
  PROVIDER,
  /** A cache tier served a stored answer; see {@link LlmResponse#cacheTier()}. */
  CACHE
}
