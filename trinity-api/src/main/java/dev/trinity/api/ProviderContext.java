package dev.trinity.api;

import java.time.Clock;

/**
 * Shared resources Trinity hands to an {@link LlmProviderFactory}: the HTTP transport and the
 * clock. Owned by the {@code Trinity} instance; providers must not close them.
 */
public interface ProviderContext {

  /**
   * The shared HTTP transport.
   *
   * @return the transport
   */
  HttpTransport transport();

  /**
   * The clock to measure latency with (a fake one in tests).
   *
   * @return the clock
   */
  Clock clock();
}
