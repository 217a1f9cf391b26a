package dev.trinity.core.internal.http;

import dev.trinity.api.HttpTransport;
import dev.trinity.api.ProviderContext;
import java.time.Clock;

/**
 * The {@link ProviderContext} Trinity hands to provider factories.
 *
 * @param transport the shared transport
 * @param clock the clock
 */
public record DefaultProviderContext(HttpTransport transport, Clock clock)
    implements ProviderContext {}
