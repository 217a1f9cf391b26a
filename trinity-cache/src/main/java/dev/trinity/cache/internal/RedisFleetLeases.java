package dev.trinity.cache.internal;

import dev.trinity.cache.RedisTierConfig;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * {@link FleetLeases} on Lettuce: one command connection and one pub/sub connection, both from the
 * Redis tier's client setup, connected lazily and again after a failed connect.
 */
final class RedisFleetLeases implements FleetLeases {
  /** Extends the lease only for its owner. */
  static final String RENEW =
      "if redis.call('get', KEYS[1]) == ARGV[1] then"
          + " return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

  /** Deletes the lease only for its owner. */
  static final String RELEASE =
      "if redis.call('get', KEYS[1]) == ARGV[1] then"
          + " return redis.call('del', KEYS[1]) else return 0 end";

  private final String prefix;
  private final String channel;
  private final String description;
  private final Duration commandTimeout;
  private final ClientResources resources;
  private final RedisClient client;
  private final RedisURI uri;
  private final Map<String, Set<Runnable>> listeners = new ConcurrentHashMap<>();
  private final Object lock = new Object();
  private @Nullable CompletableFuture<StatefulRedisConnection<String, String>> connection;
  private @Nullable CompletableFuture<StatefulRedisPubSubConnection<String, String>> pubSub;
  private volatile boolean closed;

  RedisFleetLeases(RedisTierConfig redis) {
    this.prefix = redis.keyPrefix();
    this.channel = prefix + "answers";
    this.commandTimeout = redis.commandTimeout();
    this.description = RedisClients.describe(redis);
    this.uri = RedisClients.uri(redis);
    this.resources = RedisClients.resources();
    this.client = RedisClients.client(resources, redis);
    commands();
    subscription();
  }

  @Override
  public CompletableFuture<Boolean> acquire(String key, String token, Duration leaseTime) {
    return send(
        r -> r.set(leaseKey(key), token, SetArgs.Builder.nx().px(leaseTime.toMillis())),
        "OK"::equals);
  }

  @Override
  public CompletableFuture<Boolean> renew(String key, String token, Duration leaseTime) {
    return send(
        r ->
            r.<Long>eval(
                RENEW,
                ScriptOutputType.INTEGER,
                new String[] {leaseKey(key)},
                token,
                Long.toString(leaseTime.toMillis())),
        n -> n != null && n == 1L);
  }

  @Override
  public CompletableFuture<Boolean> release(String key, String token) {
    return send(
        r -> r.<Long>eval(RELEASE, ScriptOutputType.INTEGER, new String[] {leaseKey(key)}, token),
        n -> n != null && n == 1L);
  }

  @Override
  public CompletableFuture<Void> publish(String key) {
    return send(r -> r.publish(channel, key), n -> null);
  }

  @Override
  public Subscription onPublished(String key, Runnable action) {
    listeners.computeIfAbsent(key, k -> new CopyOnWriteArraySet<>()).add(action);
    subscription();
    return () ->
        listeners.computeIfPresent(
            key,
            (k, set) -> {
              set.remove(action);
              return set.isEmpty() ? null : set;
            });
  }

  @Override
  public void close() {
    closed = true;
    client
        .shutdownAsync(0, 2, TimeUnit.SECONDS)
        .whenComplete((v, e) -> resources.shutdown(0, 2, TimeUnit.SECONDS));
  }

  @Override
  public String toString() {
    return "RedisFleetLeases[" + description + ", prefix=" + prefix + "]";
  }

  private String leaseKey(String key) {
    return prefix + "lease:" + key;
  }

  private <T, R> CompletableFuture<R> send(
      Function<RedisAsyncCommands<String, String>, RedisFuture<T>> command,
      Function<@Nullable T, R> result) {
    return commands()
        .thenCompose(c -> command.apply(c.async()).toCompletableFuture())
        .thenApply(result::apply);
  }

  /** The command connection; a failed connect is forgotten so that the next call tries again. */
  private CompletableFuture<StatefulRedisConnection<String, String>> commands() {
    synchronized (lock) {
      CompletableFuture<StatefulRedisConnection<String, String>> c = connection;
      if (c == null || c.isCompletedExceptionally()) {
        c = connect(() -> client.connectAsync(StringCodec.UTF8, uri).toCompletableFuture());
        connection = c;
      }
      // a connect that hangs (a black-holed address) must not hold callers past the timeout
      return c.isDone() ? c : c.copy().orTimeout(commandTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void subscription() {
    synchronized (lock) {
      CompletableFuture<StatefulRedisPubSubConnection<String, String>> s = pubSub;
      if (s != null && !s.isCompletedExceptionally()) {
        return;
      }
      pubSub =
          connect(
              () ->
                  client
                      .connectPubSubAsync(StringCodec.UTF8, uri)
                      .toCompletableFuture()
                      .thenCompose(
                          p -> {
                            p.addListener(
                                new RedisPubSubAdapter<>() {
                                  @Override
                                  public void message(String from, String key) {
                                    published(key);
                                  }
                                });
                            // Lettuce subscribes again by itself after a reconnect
                            return p.async()
                                .subscribe(channel)
                                .toCompletableFuture()
                                .thenApply(v -> p);
                          }));
    }
  }

  private void published(String key) {
    Set<Runnable> actions = listeners.get(key);
    if (actions != null) {
      actions.forEach(Runnable::run);
    }
  }

  private <C extends AutoCloseable> CompletableFuture<C> connect(
      Supplier<CompletableFuture<C>> connect) {
    if (closed) {
      return CompletableFuture.failedFuture(new IllegalStateException("fleet leases closed"));
    }
    try {
      return connect.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
