package dev.trinity.core.observe;

/** Who answered a completed call. */
public enum Served {
  /** The provider answered this call. */
  PROVIDER,
  /** A cache tier served a stored answer. */
  CACHE,
  /**
   * An identical call in flight answered it (single flight): the provider was asked once for
   * several callers, and this one used no tokens of its own.
   */
  COALESCED
}
