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
 * The one Lettuce client setup for the {@code cache.redis.*} settings, shared by the Redis tier and
 * fleet mode's leases: address, database, password, TLS, command timeout, bounded request queue,
 * commands rejected at once while disconnected, reconnection in the background.
 */
final class RedisClients {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  private static final int REQUEST_QUEUE_SIZE = 10_000;

  private RedisClients() {}

  /** The server's address as text, never with the password. */
  static String describe(RedisTierConfig redis) {
    return (redis.tls() ? "rediss://" : "redis://")
        + redis.host()
        + ":"
        + redis.port()
        + "/"
        + redis.db();
  }

  /** The address, database, password and TLS of the settings. */
  static RedisURI uri(RedisTierConfig redis) {
    Duration timeout =
        redis.commandTimeout().compareTo(CONNECT_TIMEOUT) >= 0
            ? redis.commandTimeout()
            : CONNECT_TIMEOUT;
    RedisURI.Builder uri =
        RedisURI.Builder.redis(redis.host(), redis.port())
            .withDatabase(redis.db())
            .withSsl(redis.tls())
            .withTimeout(timeout);
    if (redis.password() != null) {
      uri.withPassword(redis.password().toCharArray());
    }
    return uri.build();
  }

  /** One I/O thread and one computation thread, reconnecting after 50 ms doubling to 2 s. */
  static ClientResources resources() {
    return DefaultClientResources.builder()
        .ioThreadPoolSize(1)
        .computationThreadPoolSize(1)
        .reconnectDelay(
            Delay.exponential(
                Duration.ofMillis(50), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
        .build();
  }

  /** A client on those resources, every command timed out after {@code command_timeout}. */
  static RedisClient client(ClientResources resources, RedisTierConfig redis) {
    RedisClient client = RedisClient.create(resources);
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .requestQueueSize(REQUEST_QUEUE_SIZE)
            .timeoutOptions(TimeoutOptions.enabled(redis.commandTimeout()))
            .socketOptions(
                SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).keepAlive(true).build())
            .build());
    return client;
  }
}
