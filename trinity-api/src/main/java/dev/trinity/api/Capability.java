package dev.trinity.api;

/** Optional features an {@link LlmProvider} declares. */
public enum Capability {
  /** Can be asked for "any JSON object" output. */
  JSON_MODE,
  /** Can be held to a JSON Schema. */
  JSON_SCHEMA,
  /** Can stream tokens as they are produced. */
  STREAMING
}
