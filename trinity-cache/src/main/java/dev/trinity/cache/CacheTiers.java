package dev.trinity.cache;

import dev.trinity.cache.internal.DisabledTier;
import dev.trinity.cache.internal.FilesystemTier;
import dev.trinity.cache.internal.MemoryTier;
import dev.trinity.cache.internal.RedisTiers;
import dev.trinity.logging.LogEvents;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;

/**
 * Factories of the built-in tiers, each configured from a {@link CacheConfig}. {@link
 * CacheManager#create(CacheConfig)} uses them; call them directly to assemble tiers by hand with
 * {@link CacheManager#builder()}. Each tier takes the clock it reads time from, so that tests can
 * drive expiry and back-off with a fake clock.
 */
public final class CacheTiers {
  /** Threads of the filesystem tier's default executor: {@value}. */
  public static final int DEFAULT_FILE_THREADS = 2;

  /** Tasks the filesystem tier's default executor queues before it drops work: {@value}. */
  public static final int DEFAULT_FILE_QUEUE = 1024;

  private CacheTiers() {}

  /**
   * The in-process tier, bounded by {@code cache.memory.max_entries}. Its futures are complete on
   * return; it starts no thread (Caffeine's maintenance runs on the calling thread).
   *
   * @param config the settings; only {@code cache.memory.*} is read
   * @param clock the time source of expiry
   * @return the tier, named {@code memory}
   */
  public static CacheTier memory(CacheConfig config, Clock clock) {
    return new MemoryTier(config.memory().maxEntries(), clock, Runnable::run);
  }

  /**
   * The Redis tier for {@code cache.redis.*}. Connects in the background: with Redis down, this
   * returns at once and the tier reports {@link TierHealth.Status#DOWN} until Redis answers. When
   * {@code io.lettuce:lettuce-core} is not on the class path, returns a tier that is {@link
   * TierHealth.Status#DISABLED} and logs why once.
   *
   * <p>The tier owns a Lettuce client with one I/O thread; {@link CacheTier#close()} stops it.
   *
   * @param config the settings; only {@code cache.redis.*} is read
   * @param clock the time source of entries and back-off
   * @return the tier, named {@code redis}
   */
  public static CacheTier redis(CacheConfig config, Clock clock) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(clock, "clock");
    if (!lettucePresent()) {
      String reason = "io.lettuce:lettuce-core is not on the class path";
      LoggerFactory.getLogger("dev.trinity.cache")
          .atWarn()
          .setMessage(LogEvents.CACHE_TIER_UNAVAILABLE)
          .addKeyValue(LogEvents.Keys.CACHE_TIER, TierType.REDIS.yamlName())
          .addKeyValue(LogEvents.Keys.ERROR, reason)
          .log();
      return new DisabledTier(TierType.REDIS.yamlName(), reason);
    }
    return RedisTiers.create(config, clock);
  }

  /**
   * The filesystem tier for {@code cache.filesystem.*}, doing its file I/O on an executor of its
   * own: {@value #DEFAULT_FILE_THREADS} daemon threads (named {@code trinity-cache-file-N}, stopped
   * when idle) and a queue of {@value #DEFAULT_FILE_QUEUE} tasks; work beyond that is dropped (a
   * miss, an unsaved write). {@link CacheTier#close()} shuts the executor down.
   *
   * @param config the settings; only {@code cache.filesystem.*} is read
   * @param clock the time source of expiry and back-off
   * @return the tier, named {@code filesystem}
   */
  public static CacheTier filesystem(CacheConfig config, Clock clock) {
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            DEFAULT_FILE_THREADS,
            DEFAULT_FILE_THREADS,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(DEFAULT_FILE_QUEUE),
            daemonThreads("trinity-cache-file-"));
    pool.allowCoreThreadTimeOut(true);
    return new FilesystemTier(
        config.filesystem().directory(), config.filesystem().maxSizeMb(), clock, pool, pool);
  }

  /**
   * The filesystem tier for {@code cache.filesystem.*}, doing its file I/O on the host's executor.
   * The executor should be bounded; the tier never shuts it down. {@code Runnable::run} makes every
   * call complete before it returns, which suits tests.
   *
   * @param config the settings; only {@code cache.filesystem.*} is read
   * @param clock the time source of expiry and back-off
   * @param ioExecutor where file reads and writes run
   * @return the tier, named {@code filesystem}
   */
  public static CacheTier filesystem(CacheConfig config, Clock clock, Executor ioExecutor) {
    return new FilesystemTier(
        config.filesystem().directory(), config.filesystem().maxSizeMb(), clock, ioExecutor, null);
  }

  private static boolean lettucePresent() {
    try {
      Class.forName("io.lettuce.core.RedisClient", false, CacheTiers.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return task -> {
      Thread t = new Thread(task, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
