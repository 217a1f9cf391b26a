package dev.trinity.examples.bench.jmh;

import dev.trinity.cache.RedisPermits;
import dev.trinity.cache.RedisTierConfig;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
 * What the fleet-wide concurrency limit costs a request when nothing is contended: a {@link
 * RedisPermits} acquire followed by its release (two script round trips), and a refused acquire
 * (one), against a {@code redis-server} this benchmark starts on a free loopback port (it fails
 * with a message when {@code redis-server} is not installed). Sample time, so JMH reports p50.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class RedisPermitsBenchmark {
  private static final Duration TTL = Duration.ofSeconds(30);

  private Process redisServer;
  private RedisPermits permits;

  /** Starts Redis, connects, and takes the one permit of the "full" resource. */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    int port = CacheTierBenchmark.RedisProcess.freePort();
    redisServer = CacheTierBenchmark.RedisProcess.start(port);
    if (redisServer == null) {
      throw new IllegalStateException("redis-server is not installed: permits not measured");
    }
    permits = RedisPermits.create(RedisTierConfig.builder().host("127.0.0.1").port(port).build());
    Optional<RedisPermits.Permit> held =
        permits.tryAcquire("full", 1, Duration.ofHours(1)).toCompletableFuture().get();
    if (held.isEmpty()) {
      throw new IllegalStateException("could not take the permit of the full resource");
    }
  }

  /** Closes the connection and stops Redis. */
  @TearDown(Level.Trial)
  public void tearDown() {
    if (permits != null) {
      permits.close();
    }
    if (redisServer != null) {
      redisServer.destroyForcibly();
    }
  }

  /** Acquire a free permit, then release it: the per-request cost of the fleet limit. */
  @Benchmark
  public boolean acquireAndRelease() {
    RedisPermits.Permit permit =
        permits.tryAcquire("free", 4, TTL).toCompletableFuture().join().orElseThrow();
    return permits.release(permit).toCompletableFuture().join();
  }

  /** An acquire refused because every permit is taken. */
  @Benchmark
  public Optional<RedisPermits.Permit> refusedAcquire() {
    return permits.tryAcquire("full", 1, TTL).toCompletableFuture().join();
  }
}
