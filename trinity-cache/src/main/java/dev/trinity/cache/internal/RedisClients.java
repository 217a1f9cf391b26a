package dev.trinity.cache.internal;

import dev.trinity.cache.RedisTierConfig;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The one way Trinity connects to Redis for the {@code cache.redis.*} settings, shared by the Redis
 * tier, the permits and fleet mode's leases: the address, database, password and TLS of the
 * settings; one I/O thread; reconnecting by itself with a back-off of 50 ms doubling to 2 s;
 * commands rejected at once while disconnected, a bounded request queue, and every command timed
 * out after {@code command_timeout}.
 */
public final class RedisClients {
  /** How long a connection attempt may take. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

  private static final int REQUEST_QUEUE_SIZE = 10_000;

  private RedisClients() {}

  /**
   * The URI of the settings, with the password when there is one.
   *
   * @param config the settings
   * @return the URI
   */
  public static RedisURI uri(RedisTierConfig config) {
    RedisURI.Builder uri =
        RedisURI.Builder.redis(config.host(), config.port())
            .withDatabase(config.db())
            .withSsl(config.tls())
            .withTimeout(max(config.commandTimeout(), CONNECT_TIMEOUT));
    if (config.password() != null) {
      uri.withPassword(config.password().toCharArray());
    }
    return uri.build();
  }

  /**
   * Client resources with one I/O and one computation thread; the caller shuts them down with
   * {@link #shutdown(RedisClient, ClientResources)}.
   *
   * @return the resources
   */
  public static ClientResources resources() {
    return DefaultClientResources.builder()
        .ioThreadPoolSize(1)
        .computationThreadPoolSize(1)
        .reconnectDelay(
            Delay.exponential(
                Duration.ofMillis(50), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
        .build();
  }

  /**
   * A client on the resources with the options described above.
   *
   * @param resources from {@link #resources()}
   * @param config the settings; {@code command_timeout} is read
   * @return the client, not yet connected
   */
  public static RedisClient client(ClientResources resources, RedisTierConfig config) {
    RedisClient client = RedisClient.create(resources);
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .requestQueueSize(REQUEST_QUEUE_SIZE)
            .timeoutOptions(TimeoutOptions.enabled(config.commandTimeout()))
            .socketOptions(
                SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).keepAlive(true).build())
            .build());
    return client;
  }

  /**
   * Where the settings point, without the password: {@code redis://host:port/db} or {@code
   * rediss://…}.
   *
   * @param config the settings
   * @return the description
   */
  public static String describe(RedisTierConfig config) {
    return (config.tls() ? "rediss://" : "redis://")
        + config.host()
        + ":"
        + config.port()
        + "/"
        + config.db();
  }

  /**
   * Shuts the client down, then its resources, waiting at most a few seconds.
   *
   * @param client the client
   * @param resources its resources
   */
  public static void shutdown(RedisClient client, ClientResources resources) {
    try {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    } catch (RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger("dev.trinity.cache")
          .debug("redis client did not shut down cleanly", e);
    }
    resources.shutdown(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
