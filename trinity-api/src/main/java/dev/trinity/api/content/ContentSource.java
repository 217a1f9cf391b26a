package dev.trinity.api.content;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a {@link GeneratedContent} came from. */
public enum ContentSource {
  /** A language model wrote it for this request. */
  @JsonProperty("llm")
  LLM,
  /**
   * A cache tier (memory, Redis or filesystem) served an answer stored earlier; {@link
   * GeneratedContent#originalSource()} says who wrote it ({@link #LLM} or {@link #OFFLINE}).
   */
  @JsonProperty("cache")
  CACHE,
  /**
   * The {@code offline} provider built it with rules, without a model: the projects are extracted
   * from the portfolio as written and the copy is plain.
   */
  @JsonProperty("offline")
  OFFLINE,
  /**
   * The model path failed and the engine's fallback answered instead: rule-based offline content or
   * content the host supplied. {@link GeneratedContent#warnings()} says why.
   */
  @JsonProperty("fallback")
  FALLBACK
}
