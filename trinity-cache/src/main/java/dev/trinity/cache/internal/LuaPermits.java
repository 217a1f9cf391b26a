package dev.trinity.cache.internal;

import dev.trinity.api.internal.Checks;
import dev.trinity.api.internal.Throwables;
import dev.trinity.cache.RedisPermits;
import dev.trinity.cache.RedisPermitsException;
import dev.trinity.cache.RedisTierConfig;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * {@link RedisPermits} with Lua scripts run through Lettuce's asynchronous API on one connection
 * made by {@link RedisClients}. Every script reads the server's {@code TIME}; Redis 5 and later
 * replicate a script's effects, not the script, so reading the time before writing is allowed (the
 * scripts also ask for effect replication explicitly, for Redis 3.2 to 4).
 *
 * <p>A waiting acquire subscribes (a second, pub/sub connection, made on first use) to the channel
 * the release script publishes on, one subscription per resource kept until closing; Lettuce
 * subscribes again after reconnecting. Its retries are scheduled with {@link
 * CompletableFuture#completeOnTimeout}, so no thread waits.
 *
 * <p>While the first connection has not been made, each call waits for it at most {@code
 * command_timeout}; a failed connection attempt is replaced by a new one on the next call. Once
 * connected, Lettuce reconnects by itself and rejects commands while disconnected.
 */
public final class LuaPermits implements RedisPermits {
  /** Milliseconds of the server's clock; the first lines of every script. */
  private static final String NOW =
      """
      if redis.replicate_commands then redis.replicate_commands() end
      local t = redis.call('TIME')
      local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
      """;

  /** Extends the set's own expiry to its latest permit's. */
  private static final String EXPIRE_WITH_LAST =
      """
      local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
      if last[2] then redis.call('PEXPIREAT', KEYS[1], last[2]) end
      """;

  /** KEYS[1] the set; ARGV: max permits, ttl ms, permit id. 1 when acquired, else 0. */
  static final String ACQUIRE =
      NOW
          + """
          redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
          if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end
          redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[3])
          """
          + EXPIRE_WITH_LAST
          + "return 1\n";

  /** KEYS[1] the set; ARGV: permit id, ttl ms. 1 when renewed, 0 when expired or released. */
  static final String RENEW =
      NOW
          + """
          local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
          if not score then return 0 end
          if tonumber(score) <= now then
            redis.call('ZREM', KEYS[1], ARGV[1])
            return 0
          end
          redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
          """
          + EXPIRE_WITH_LAST
          + "return 1\n";

  /**
   * KEYS[1] the set; ARGV: permit id. 1 when this call freed a live permit, and then announced on
   * the channel named like the set; 0 when it was no longer held (released before, or expired).
   */
  static final String RELEASE =
      NOW
          + """
          local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
          if not score then return 0 end
          redis.call('ZREM', KEYS[1], ARGV[1])
          if tonumber(score) <= now then return 0 end
          redis.call('PUBLISH', KEYS[1], 'released')
          return 1
          """;

  /** KEYS[1] the set. The number of live permits. */
  static final String COUNT = NOW + "return redis.call('ZCOUNT', KEYS[1], '(' .. now, '+inf')\n";

  private final RedisTierConfig config;
  private final String keyPrefix;
  private final String description;
  private final Duration commandTimeout;
  private final ClientResources resources;
  private final RedisClient client;
  private final Script acquire;
  private final Script renew;
  private final Script release;
  private final Script count;
  private final AtomicReference<CompletableFuture<StatefulRedisConnection<String, String>>>
      connection = new AtomicReference<>();
  private final AtomicReference<CompletableFuture<StatefulRedisPubSubConnection<String, String>>>
      pubSub = new AtomicReference<>();
  private final Set<String> subscribed = ConcurrentHashMap.newKeySet();
  private final Map<String, CompletableFuture<Void>> releases = new ConcurrentHashMap<>();
  private final Duration pollInterval;
  private volatile boolean closed;

  private LuaPermits(RedisTierConfig config, Duration pollInterval) {
    this.config = config;
    this.pollInterval = pollInterval;
    this.keyPrefix = KEY_NAMESPACE + config.keyPrefix();
    this.description = RedisClients.describe(config);
    this.commandTimeout = config.commandTimeout();
    this.resources = RedisClients.resources();
    this.client = RedisClients.client(resources, config);
    this.acquire = new Script("acquire", ACQUIRE);
    this.renew = new Script("renew", RENEW);
    this.release = new Script("release", RELEASE);
    this.count = new Script("count", COUNT);
    CompletableFuture<StatefulRedisConnection<String, String>> first = new CompletableFuture<>();
    connection.set(first);
    connectInto(first);
  }

  /**
   * Permits for the settings; starts connecting in the background.
   *
   * @param config the Redis settings
   * @return the permits
   */
  public static LuaPermits connect(RedisTierConfig config) {
    return connect(config, POLL_INTERVAL);
  }

  /**
   * Permits whose waiting acquires poll at another interval; tests use a long one to show that a
   * release wakes a waiter by itself.
   *
   * @param config the Redis settings
   * @param pollInterval the longest a waiting acquire goes without trying again; positive
   * @return the permits
   */
  public static LuaPermits connect(RedisTierConfig config, Duration pollInterval) {
    Checks.requirePositive(pollInterval, "pollInterval");
    return new LuaPermits(Objects.requireNonNull(config, "config"), pollInterval);
  }

  @Override
  public CompletionStage<Optional<Permit>> tryAcquire(
      String resource, int maxPermits, Duration ttl) {
    checkResource(resource);
    Checks.requirePositive(maxPermits, "maxPermits");
    long ttlMillis = ttlMillis(ttl);
    Permit permit = new Permit(resource, UUID.randomUUID().toString());
    return run(
            acquire,
            key(resource),
            Integer.toString(maxPermits),
            Long.toString(ttlMillis),
            permit.id())
        .thenApply(acquired -> acquired == 1L ? Optional.of(permit) : Optional.empty());
  }

  @Override
  public CompletionStage<Optional<Permit>> acquire(
      String resource, int maxPermits, Duration ttl, Duration maxWait) {
    checkResource(resource);
    Checks.requirePositive(maxPermits, "maxPermits");
    ttlMillis(ttl);
    Checks.requireNonNegative(maxWait, "maxWait");
    if (maxWait.isZero()) {
      return tryAcquire(resource, maxPermits, ttl);
    }
    long deadline = System.nanoTime() + maxWait.toNanos();
    CompletableFuture<Optional<Permit>> result = new CompletableFuture<>();
    String key = key(resource);
    subscribe(key);
    attempt(result, resource, key, maxPermits, ttl, deadline);
    return result;
  }

  /**
   * One try of a waiting acquire. The release signal is taken before the try, so a release between
   * the refusal and the wait still wakes it.
   */
  private void attempt(
      CompletableFuture<Optional<Permit>> result,
      String resource,
      String key,
      int maxPermits,
      Duration ttl,
      long deadline) {
    CompletableFuture<Void> released =
        releases.computeIfAbsent(key, k -> new CompletableFuture<>());
    tryAcquire(resource, maxPermits, ttl)
        .whenComplete(
            (permit, error) -> {
              long left = deadline - System.nanoTime();
              if (error != null) {
                result.completeExceptionally(error);
              } else if (permit.isPresent() || left <= 0 || closed) {
                result.complete(permit);
              } else {
                long waitNanos = Math.min(left, pollInterval.toNanos());
                released
                    .copy()
                    .completeOnTimeout(null, waitNanos, TimeUnit.NANOSECONDS)
                    .thenRun(() -> attempt(result, resource, key, maxPermits, ttl, deadline));
              }
            });
  }

  /** Listens to a resource's release channel, once per resource; on failure, polling remains. */
  private void subscribe(String key) {
    if (closed || !subscribed.add(key)) {
      return;
    }
    pubSubConnection()
        .thenCompose(c -> c.async().subscribe(key).toCompletableFuture())
        .whenComplete(
            (ok, error) -> {
              if (error != null) {
                subscribed.remove(key); // the next waiting acquire subscribes again
              }
            });
  }

  private CompletableFuture<StatefulRedisPubSubConnection<String, String>> pubSubConnection() {
    CompletableFuture<StatefulRedisPubSubConnection<String, String>> current = pubSub.get();
    if (current != null && !current.isCompletedExceptionally()) {
      return current;
    }
    CompletableFuture<StatefulRedisPubSubConnection<String, String>> next =
        new CompletableFuture<>();
    if (!pubSub.compareAndSet(current, next)) {
      return pubSub.get();
    }
    CompletableFuture<StatefulRedisPubSubConnection<String, String>> attempt;
    try {
      attempt =
          client
              .connectPubSubAsync(StringCodec.UTF8, RedisClients.uri(config))
              .toCompletableFuture();
    } catch (RuntimeException e) {
      attempt = CompletableFuture.failedFuture(e);
    }
    attempt.whenComplete(
        (c, error) -> {
          if (error != null) {
            next.completeExceptionally(error);
          } else if (closed) {
            c.closeAsync();
            next.completeExceptionally(new IllegalStateException("permits closed"));
          } else {
            c.addListener(
                new RedisPubSubAdapter<>() {
                  @Override
                  public void message(String channel, String message) {
                    CompletableFuture<Void> waiting = releases.remove(channel);
                    if (waiting != null) {
                      waiting.complete(null);
                    }
                  }
                });
            next.complete(c);
          }
        });
    return next;
  }

  @Override
  public CompletionStage<Boolean> renew(Permit permit, Duration ttl) {
    Objects.requireNonNull(permit, "permit");
    long ttlMillis = ttlMillis(ttl);
    return run(renew, key(permit.resource()), permit.id(), Long.toString(ttlMillis))
        .thenApply(renewed -> renewed == 1L);
  }

  @Override
  public CompletionStage<Boolean> release(Permit permit) {
    Objects.requireNonNull(permit, "permit");
    return run(release, key(permit.resource()), permit.id()).thenApply(freed -> freed == 1L);
  }

  @Override
  public CompletionStage<Integer> inUse(String resource) {
    checkResource(resource);
    return run(count, key(resource)).thenApply(Long::intValue);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    releases.values().forEach(waiting -> waiting.complete(null));
    RedisClients.shutdown(client, resources);
  }

  @Override
  public String toString() {
    return "RedisPermits[" + description + ", keys=" + keyPrefix + "*]";
  }

  private String key(String resource) {
    return keyPrefix + resource;
  }

  private static void checkResource(String resource) {
    Checks.requireNonBlank(resource, "resource");
  }

  private static long ttlMillis(Duration ttl) {
    Checks.requirePositive(ttl, "ttl");
    Checks.requireAtMost(ttl, MAX_TTL, "ttl");
    Checks.requireArgument(
        ttl.toMillis() > 0, () -> "ttl must be at least 1 ms, was " + ttl.toNanos() + " ns");
    return ttl.toMillis();
  }

  /** Runs a script by its SHA-1, sending its text when Redis does not know it. */
  private CompletableFuture<Long> run(Script script, String key, String... args) {
    String[] keys = {key};
    CompletableFuture<Long> result =
        commands()
            .thenCompose(
                redis ->
                    send(() ->
                            redis.<Long>evalsha(script.sha, ScriptOutputType.INTEGER, keys, args))
                        .exceptionallyCompose(
                            error ->
                                Throwables.unwrap(error) instanceof RedisNoScriptException
                                    ? send(
                                        () ->
                                            redis.<Long>eval(
                                                script.text, ScriptOutputType.INTEGER, keys, args))
                                    : CompletableFuture.failedFuture(error)));
    return result.exceptionallyCompose(
        error -> CompletableFuture.failedFuture(failure(script.name, key, error)));
  }

  /** The connected commands, waiting at most the command timeout for a connection. */
  private CompletableFuture<RedisAsyncCommands<String, String>> commands() {
    if (closed) {
      return CompletableFuture.failedFuture(new IllegalStateException("permits closed"));
    }
    CompletableFuture<StatefulRedisConnection<String, String>> current = connection.get();
    if (current.isCompletedExceptionally()) {
      CompletableFuture<StatefulRedisConnection<String, String>> next = new CompletableFuture<>();
      if (connection.compareAndSet(current, next)) {
        connectInto(next);
      }
      current = connection.get();
    }
    if (current.isDone()) {
      return current.thenApply(StatefulRedisConnection::async);
    }
    return current
        .copy()
        .orTimeout(commandTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .thenApply(StatefulRedisConnection::async);
  }

  private void connectInto(CompletableFuture<StatefulRedisConnection<String, String>> target) {
    CompletableFuture<StatefulRedisConnection<String, String>> attempt;
    try {
      attempt =
          client.connectAsync(StringCodec.UTF8, RedisClients.uri(config)).toCompletableFuture();
    } catch (RuntimeException e) {
      attempt = CompletableFuture.failedFuture(e);
    }
    attempt.whenComplete(
        (c, error) -> {
          if (error != null) {
            target.completeExceptionally(error);
          } else if (closed) {
            c.closeAsync();
            target.completeExceptionally(new IllegalStateException("permits closed"));
          } else {
            target.complete(c);
          }
        });
  }

  private RedisPermitsException failure(String operation, String key, Throwable error) {
    Throwable cause = Throwables.unwrap(error);
    String what =
        cause instanceof TimeoutException
            ? "no connection within " + commandTimeout
            : Failures.describe(cause);
    return new RedisPermitsException(
        "redis permits "
            + operation
            + " on "
            + key
            + " at "
            + description
            + " failed: "
            + redact(what),
        cause);
  }

  private String redact(String text) {
    String password = config.password();
    return password == null ? text : text.replace(password, "****");
  }

  private static <T> CompletableFuture<T> send(Supplier<RedisFuture<T>> command) {
    try {
      return command.get().toCompletableFuture();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** A script's name, text and SHA-1. */
  private static final class Script {
    final String name;
    final String text;
    final String sha;

    Script(String name, String text) {
      this.name = name;
      this.text = text;
      this.sha = sha1(text);
    }

    private static String sha1(String text) {
      try {
        byte[] digest =
            java.security.MessageDigest.getInstance("SHA-1")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(digest);
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-1 is required of every Java platform", e);
      }
    }
  }
}
