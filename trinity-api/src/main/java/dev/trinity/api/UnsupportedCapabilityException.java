package dev.trinity.api;

import java.util.Objects;

/**
 * A request needs a {@link Capability} the provider does not declare, such as a stream from a
 * provider without {@link Capability#STREAMING}. Never retried: asking again will not help.
 */
public final class UnsupportedCapabilityException extends TrinityException {
  private static final long serialVersionUID = 1L;

  private final String provider;
  private final Capability capability;

  /**
   * Creates the failure.
   *
   * @param provider the provider's name
   * @param capability what the request needed
   */
  public UnsupportedCapabilityException(String provider, Capability capability) {
    super(
        Objects.requireNonNull(provider, "provider")
            + " does not support "
            + Objects.requireNonNull(capability, "capability")
            + " (its declared capabilities do not include it)",
        null,
        false);
    this.provider = provider;
    this.capability = capability;
  }

  /**
   * The provider that lacks the capability.
   *
   * @return its name
   */
  public String provider() {
    return provider;
  }

  /**
   * The capability the request needed.
   *
   * @return the capability
   */
  public Capability capability() {
    return capability;
  }
}
