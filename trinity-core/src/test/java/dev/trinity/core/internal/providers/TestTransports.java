package dev.trinity.core.internal.providers;

import dev.trinity.api.HttpTransport;
import dev.trinity.api.ProviderContext;
import dev.trinity.core.internal.http.DefaultProviderContext;
import dev.trinity.core.internal.http.JdkHttpTransport;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Real {@link JdkHttpTransport}s over one client, as Trinity wires them, for provider tests. */
final class TestTransports implements AutoCloseable {
  static final long DEFAULT_MAX_BYTES = 16L << 20;

  private final ExecutorService executor =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "test-http");
            t.setDaemon(true);
            return t;
          });
  private final HttpClient client = JdkHttpTransport.newClient(Duration.ofSeconds(5), executor);

  /** A transport with the default 16 MiB cap and the system clock. */
  JdkHttpTransport transport() {
    return transport(DEFAULT_MAX_BYTES, Clock.systemUTC());
  }

  /** A transport with the given cap, reading HTTP-date {@code Retry-After}s against a clock. */
  JdkHttpTransport transport(long maxBytes, Clock clock) {
    return new JdkHttpTransport(client, clock, maxBytes, false);
  }

  /** A context over the default transport that measures latency with the given clock. */
  ProviderContext context(Clock clock) {
    return context(transport(), clock);
  }

  static ProviderContext context(HttpTransport transport, Clock clock) {
    return new DefaultProviderContext(transport, clock);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
