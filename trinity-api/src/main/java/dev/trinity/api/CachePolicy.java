package dev.trinity.api;

/** How one request uses the response cache. */
public enum CachePolicy {
  /** Read from the cache and store new answers (the default). */
  USE,
  /** Neither read nor write the cache. */
  BYPASS,
  /** Skip the read, call the provider, and store the new answer. */
  REFRESH
}
