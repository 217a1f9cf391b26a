package dev.trinity.core.internal.pipeline;

import dev.trinity.api.ProviderException;
import dev.trinity.api.TrinityException;
import dev.trinity.api.internal.Throwables;
import java.util.concurrent.CancellationException;

/** Turns whatever a stage failed with into what the host receives. */
final class Failures {
  private Failures() {}

  /**
   * The failure as a {@link TrinityException} (or the {@link CancellationException} itself), with
   * completion wrappers removed. Anything else is a provider bug, reported as a non-retryable
   * {@link ProviderException}.
   */
  static RuntimeException normalize(Throwable failure, String provider) {
    Throwable t = Throwables.unwrap(failure);
    if (t instanceof TrinityException te) {
      return te;
    }
    if (t instanceof CancellationException ce) {
      return ce;
    }
    return new ProviderException(
        provider,
        ProviderException.Kind.OTHER,
        ProviderException.NO_STATUS,
        provider + " failed unexpectedly: " + t.getClass().getName(),
        false,
        null,
        t);
  }
}
