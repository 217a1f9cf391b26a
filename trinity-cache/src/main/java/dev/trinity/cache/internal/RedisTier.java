package dev.trinity.cache.internal;

import dev.trinity.api.internal.Throwables;
import dev.trinity.cache.CacheConfig;
import dev.trinity.cache.CacheEntry;
import dev.trinity.cache.CacheTier;
import dev.trinity.cache.TierHealth;
import dev.trinity.cache.TierStats;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import java.net.SocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared tier: entries in Redis strings under {@code key_prefix + key}, stored with {@code SET
 * key value PX ttl} in a {@link RedisEnvelope}. Only Lettuce's asynchronous API is used.
 *
 * <p><b>Degrading, not hanging.</b> The client rejects commands while disconnected, reconnects by
 * itself, bounds its request queue and times every command out after {@code command_timeout}. On
 * top of that a {@link HealthGate}: the first failure takes the tier DOWN, after which calls are
 * answered at once (miss, dropped write) without reaching Lettuce. The tier comes back UP when a
 * probe succeeds: a {@code PING} (or, before the first connection, a connect) started by the first
 * call after a back-off of 200 ms doubling to 5 s, or at once when Lettuce reports that it has
 * reconnected.
 *
 * <p>The constructor only starts an asynchronous connect: building the tier with Redis down neither
 * fails nor blocks. The password is never part of {@link #toString()}, health reasons or logs.
 */
public final class RedisTier implements CacheTier {
  /** The tier's name. */
  public static final String NAME = "redis";

  private static final Logger LOG = LoggerFactory.getLogger("dev.trinity.cache");
  private static final Duration MIN_BACKOFF = Duration.ofMillis(200);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
  private static final int SCAN_BATCH = 500;

  private final String prefix;
  private final String description;
  private final @Nullable String password;
  private final Clock clock;
  private final ClientResources resources;
  private final RedisClient client;
  private final RedisURI uri;
  private final HealthGate gate;
  private final StatsRecorder stats = new StatsRecorder();
  private volatile @Nullable StatefulRedisConnection<String, String> connection;
  private volatile boolean closed;

  /**
   * A Redis tier for the {@code cache.redis.*} settings of a configuration. Starts connecting in
   * the background.
   *
   * @param config the settings
   * @param clock the time source of entries and back-off
   */
  public RedisTier(CacheConfig config, Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.prefix = config.redis().keyPrefix();
    this.password = config.redis().password();
    this.description = RedisClients.describe(config.redis());
    this.uri = RedisClients.uri(config.redis());
    this.resources = RedisClients.resources();
    this.client = RedisClients.client(resources, config.redis());
    this.gate = HealthGate.starting(NAME, clock, MIN_BACKOFF, MAX_BACKOFF, "connecting");
    client.addListener(new GateListener());
    probeIfDue();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CompletableFuture<Optional<CacheEntry>> get(String key) {
    Objects.requireNonNull(key, "key");
    RedisAsyncCommands<String, String> redis = commands();
    if (redis == null) {
      return miss();
    }
    long start = System.nanoTime();
    return send(() -> redis.get(prefix + key))
        .handle(
            (raw, error) -> {
              stats.latencySince(start);
              Optional<CacheEntry> entry =
                  error != null || raw == null
                      ? Optional.empty()
                      : RedisEnvelope.decode(raw).filter(e -> !e.isExpiredAt(clock.instant()));
              if (error != null) {
                onFailure(error);
              } else if (raw != null && entry.isEmpty()) {
                LOG.debug("redis value under {}{} is not a live cache entry; a miss", prefix, key);
              }
              if (entry.isPresent()) {
                stats.hit();
              } else {
                stats.miss();
              }
              return entry;
            });
  }

  @Override
  public CompletableFuture<Void> put(String key, String value, Duration ttl) {
    return put(key, CacheEntry.of(value, clock.instant(), ttl));
  }

  @Override
  public CompletableFuture<Void> put(String key, CacheEntry entry) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(entry, "entry");
    long ttlMillis = Times.millisUntil(clock, entry.expiresAt());
    if (ttlMillis <= 0) {
      return done();
    }
    RedisAsyncCommands<String, String> redis = commands();
    if (redis == null) {
      return done();
    }
    long start = System.nanoTime();
    String encoded = RedisEnvelope.encode(entry);
    return send(() -> redis.set(prefix + key, encoded, SetArgs.Builder.px(ttlMillis)))
        .handle(
            (ok, error) -> {
              stats.latencySince(start);
              if (error != null) {
                onFailure(error);
              } else {
                stats.put();
              }
              return null;
            });
  }

  @Override
  public CompletableFuture<Void> delete(String key) {
    Objects.requireNonNull(key, "key");
    RedisAsyncCommands<String, String> redis = commands();
    if (redis == null) {
      return done();
    }
    return send(() -> redis.del(prefix + key)).handle(this::ignoreResult);
  }

  /**
   * Deletes the keys under the prefix with {@code SCAN MATCH} and {@code UNLINK}, batch by batch.
   */
  @Override
  public CompletableFuture<Void> clear() {
    RedisAsyncCommands<String, String> redis = commands();
    if (redis == null) {
      return done();
    }
    ScanArgs match = ScanArgs.Builder.matches(escapeGlob(prefix) + "*").limit(SCAN_BATCH);
    return clearFrom(redis, ScanCursor.INITIAL, match).handle(this::ignoreResult);
  }

  private CompletableFuture<Void> clearFrom(
      RedisAsyncCommands<String, String> redis, ScanCursor cursor, ScanArgs match) {
    return send(() -> redis.scan(cursor, match))
        .thenCompose(
            batch -> {
              List<String> keys = batch.getKeys();
              CompletableFuture<?> unlinked =
                  keys.isEmpty() ? done() : send(() -> redis.unlink(keys.toArray(String[]::new)));
              return unlinked.thenCompose(
                  done -> batch.isFinished() ? done() : clearFrom(redis, batch, match));
            });
  }

  @Override
  public TierStats stats() {
    return stats.snapshot(NAME);
  }

  /** The current health; when a probe is due, also starts it in the background. */
  @Override
  public TierHealth health() {
    if (!gate.isUp()) {
      probeIfDue();
    }
    return gate.health();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    gate.disable("closed");
    RedisClients.shutdown(client, resources);
  }

  // fresh futures: a caller may complete or obtrude what it is given
  private static CompletableFuture<Optional<CacheEntry>> miss() {
    return CompletableFuture.completedFuture(Optional.empty());
  }

  private static CompletableFuture<Void> done() {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public String toString() {
    return "RedisTier[" + description + ", prefix=" + prefix + "]";
  }

  /** The commands to use now, or null (a skipped call) when closed, not connected or DOWN. */
  private @Nullable RedisAsyncCommands<String, String> commands() {
    StatefulRedisConnection<String, String> c = connection;
    if (!closed && c != null && gate.isUp()) {
      return c.async();
    }
    stats.skipped();
    probeIfDue();
    return null;
  }

  private void probeIfDue() {
    if (closed || !gate.tryStartProbe()) {
      return;
    }
    StatefulRedisConnection<String, String> c = connection;
    CompletableFuture<?> probe = c == null ? connect() : send(() -> c.async().ping());
    probe.whenComplete(
        (ok, error) -> {
          if (error == null) {
            gate.succeeded();
          } else {
            stats.error();
            gate.probeFailed(describe(error));
          }
        });
  }

  private CompletableFuture<StatefulRedisConnection<String, String>> connect() {
    try {
      return client
          .connectAsync(StringCodec.UTF8, uri)
          .toCompletableFuture()
          .thenApply(
              c -> {
                if (closed) {
                  c.closeAsync();
                  throw new IllegalStateException("tier closed while connecting");
                }
                connection = c;
                return c;
              });
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static <T> CompletableFuture<T> send(Supplier<RedisFuture<T>> command) {
    try {
      return command.get().toCompletableFuture();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private @Nullable Void ignoreResult(@Nullable Object result, @Nullable Throwable error) {
    if (error != null) {
      onFailure(error);
    }
    return null;
  }

  /**
   * Counts a failed command. An error answered by the server (wrong type, out of memory) leaves the
   * connection usable; anything else (timeout, connection lost, queue full) takes the tier DOWN.
   */
  private void onFailure(Throwable error) {
    stats.error();
    Throwable cause = Throwables.unwrap(error);
    if (cause instanceof RedisCommandExecutionException) {
      LOG.debug("redis answered with an error: {}", describe(cause));
    } else {
      gate.failed(describe(cause));
    }
  }

  /** The failure and its root cause, without the password. */
  private String describe(Throwable error) {
    Throwable cause = Throwables.unwrap(error);
    String text = Failures.describe(cause);
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root != cause) {
      text += " (" + Failures.describe(root) + ")";
    }
    return password == null || password.isEmpty() ? text : text.replace(password, "****");
  }

  private static String escapeGlob(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (char ch : text.toCharArray()) {
      if (ch == '*' || ch == '?' || ch == '[' || ch == ']' || ch == '\\') {
        out.append('\\');
      }
      out.append(ch);
    }
    return out.toString();
  }

  /**
   * Lettuce's connection events: a lost connection takes the tier DOWN at once, a new one probes.
   */
  private final class GateListener implements RedisConnectionStateListener {
    @Override
    public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress address) {
      if (connection != null) {
        gate.probeDueNow();
        probeIfDue();
      }
    }

    @Override
    public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
      if (!closed) {
        gate.failed("connection to " + description + " lost");
      }
    }
  }
}
