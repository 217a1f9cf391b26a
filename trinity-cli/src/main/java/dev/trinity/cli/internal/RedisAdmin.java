package dev.trinity.cli.internal;

import dev.trinity.cache.CacheConfig;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * One-shot Redis commands for the command line (ping, count and delete the cache's keys), over a
 * connection opened for the command and closed after it. The password never appears in messages.
 */
final class RedisAdmin {
  static final Duration TIMEOUT = Duration.ofSeconds(2);

  private RedisAdmin() {}

  static String address(CacheConfig c) {
    return c.redis().host() + ":" + c.redis().port() + "/" + c.redis().db();
  }

  /** PING; returns the server's version. */
  static String ping(CacheConfig c) {
    return run(
        c,
        r -> {
          r.ping();
          String info = r.info("server");
          return info.lines()
              .filter(l -> l.startsWith("redis_version:"))
              .map(l -> l.substring("redis_version:".length()).strip())
              .findFirst()
              .orElse("unknown version");
        });
  }

  /** The number of keys under the cache's prefix. */
  static long count(CacheConfig c) {
    return run(c, r -> scan(r, c.redis().keyPrefix(), false));
  }

  /** Deletes the keys under the cache's prefix; returns how many. */
  static long clear(CacheConfig c) {
    return run(c, r -> scan(r, c.redis().keyPrefix(), true));
  }

  private static long scan(RedisCommands<String, String> r, String prefix, boolean delete) {
    ScanArgs args = ScanArgs.Builder.matches(escape(prefix) + "*").limit(500);
    long n = 0;
    ScanCursor cursor = ScanCursor.INITIAL;
    do {
      KeyScanCursor<String> page = r.scan(cursor, args);
      n += page.getKeys().size();
      if (delete && !page.getKeys().isEmpty()) {
        r.unlink(page.getKeys().toArray(String[]::new));
      }
      cursor = page;
    } while (!cursor.isFinished());
    return n;
  }

  private static String escape(String glob) {
    return glob.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
  }

  private static <T> T run(CacheConfig c, Function<RedisCommands<String, String>, T> work) {
    RedisURI.Builder uri =
        RedisURI.builder()
            .withHost(c.redis().host())
            .withPort(c.redis().port())
            .withDatabase(c.redis().db())
            .withSsl(c.redis().tls())
            .withTimeout(TIMEOUT);
    String password = c.redis().password();
    if (password != null) {
      uri.withPassword(password.toCharArray());
    }
    RedisClient client = RedisClient.create(uri.build());
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      return work.apply(connection.sync());
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "Redis at "
              + address(c)
              + ": "
              + Errors.describe(e)
                  .replace(Objects.requireNonNullElse(c.redis().password(), "\u0000"), "****"),
          e);
    } finally {
      client.shutdown(Duration.ZERO, TIMEOUT);
    }
  }
}
