package dev.trinity.examples.bench.jmh;

import dev.trinity.api.LlmResponse;
import dev.trinity.cache.CacheConfig;
import dev.trinity.cache.CacheEntry;
import dev.trinity.cache.CacheTiers;
import dev.trinity.cache.SyncCacheTier;
import dev.trinity.cache.TierType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A hit in each cache tier, with the key already computed and a 3 KB stored answer: the memory tier
 * (Caffeine), the filesystem tier (read, checksum check and decode of one entry file) and the Redis
 * tier against a {@code redis-server} this benchmark starts on a free loopback port (skipped with a
 * message when {@code redis-server} is not installed). Sample time, so JMH reports p50.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class CacheTierBenchmark {
  static final String KEY = "5f1d7e0c3b9a4c2e8d6f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f";

  private Path dir;
  private SyncCacheTier memory;
  private SyncCacheTier filesystem;
  private SyncCacheTier redis;
  private Process redisServer;

  /** Fills each tier with one 3 KB entry. */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    String value = storedAnswer(3 * 1024);
    CacheEntry entry = CacheEntry.of(value, Clock.systemUTC().instant(), Duration.ofHours(1));
    CacheConfig config =
        CacheConfig.builder().tiers(TierType.MEMORY).memory(m -> m.maxEntries(100)).build();
    memory = CacheTiers.memory(config, Clock.systemUTC()).sync();
    memory.put(KEY, entry);

    dir = Files.createTempDirectory("trinity-jmh-cache");
    CacheConfig fs =
        CacheConfig.builder().tiers(TierType.FILESYSTEM).filesystem(f -> f.directory(dir)).build();
    filesystem = CacheTiers.filesystem(fs, Clock.systemUTC()).sync();
    filesystem.put(KEY, entry);

    int port = RedisProcess.freePort();
    redisServer = RedisProcess.start(port);
    if (redisServer != null) {
      CacheConfig rc =
          CacheConfig.builder()
              .tiers(TierType.REDIS)
              .redis(r -> r.host("127.0.0.1").port(port))
              .build();
      redis = CacheTiers.redis(rc, Clock.systemUTC()).sync();
      redis.put(KEY, entry);
    }
    check(memory.get(KEY), "memory");
    check(filesystem.get(KEY), "filesystem");
  }

  /** Stops Redis and removes the directory. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    close(memory);
    close(filesystem);
    close(redis);
    if (redisServer != null) {
      redisServer.destroyForcibly();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** A memory-tier hit. */
  @Benchmark
  public Optional<CacheEntry> memoryHit() {
    return memory.get(KEY);
  }

  /** A filesystem-tier hit. */
  @Benchmark
  public Optional<CacheEntry> filesystemHit() {
    return filesystem.get(KEY);
  }

  /** A Redis-tier hit over loopback. */
  @Benchmark
  public Optional<CacheEntry> redisHit() {
    if (redis == null) {
      throw new IllegalStateException("redis-server is not installed: Redis hit not measured");
    }
    return redis.get(KEY);
  }

  static String storedAnswer(int size) {
    StringBuilder text = new StringBuilder();
    while (text.length() < size) {
      text.append("{\\\"brand_name\\\":\\\"Ada\\\",\\\"tagline\\\":\\\"Ships fast systems\\\"} ");
    }
    return dev.trinity.core.internal.cache.ResponseCodec.encode(
        LlmResponse.builder().text(text.toString()).model("m").provider("ollama").build());
  }

  private static void check(Optional<CacheEntry> e, String tier) {
    if (e.isEmpty()) {
      throw new IllegalStateException(tier + " tier did not return the entry");
    }
  }

  private static void close(SyncCacheTier tier) {
    if (tier != null) {
      tier.asyncTier().close();
    }
  }

  /** Starts a throwaway redis-server when one is installed. */
  public static final class RedisProcess {
    private RedisProcess() {}

    public static int freePort() throws IOException {
      try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
        return s.getLocalPort();
      }
    }

    public static Process start(int port) throws Exception {
      Path exe = null;
      for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
        Path p = Path.of(d, "redis-server");
        if (Files.isExecutable(p)) {
          exe = p;
          break;
        }
      }
      if (exe == null) {
        System.err.println("redis-server not found: the Redis hit is not measured");
        return null;
      }
      Process p =
          new ProcessBuilder(
                  exe.toString(),
                  "--port",
                  Integer.toString(port),
                  "--save",
                  "",
                  "--appendonly",
                  "no",
                  "--bind",
                  "127.0.0.1")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      for (int i = 0; i < 200; i++) {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
          return p;
        } catch (IOException notYet) {
          TimeUnit.MILLISECONDS.sleep(10); // benchmark setup waiting for the server to listen
        }
      }
      p.destroyForcibly();
      throw new IllegalStateException("redis-server did not start on port " + port);
    }
  }
}
