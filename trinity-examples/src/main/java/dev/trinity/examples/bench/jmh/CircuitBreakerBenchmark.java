package dev.trinity.examples.bench.jmh;

import dev.trinity.core.resilience.CircuitBreaker;
import dev.trinity.core.resilience.CircuitBreakerConfig;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * What a closed circuit breaker costs a call that succeeds: {@link
 * CircuitBreaker#tryAcquirePermission()} then {@link CircuitBreaker#onSuccess()}, in both modes,
 * from one thread and from two threads sharing the breaker (the machine has two cores).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CircuitBreakerBenchmark {
  /** The breaker's mode. */
  @Param({"CONSECUTIVE_FAILURES", "FAILURE_RATE"})
  public CircuitBreakerConfig.Mode mode;

  private CircuitBreaker breaker;

  /** Creates the breaker, closed. */
  @Setup
  public void setUp() {
    breaker =
        CircuitBreaker.of(
            "bench", CircuitBreakerConfig.builder().mode(mode).build(), Clock.systemUTC());
  }

  /** One permitted call that succeeds, from one thread. */
  @Benchmark
  public boolean permitAndSuccess() {
    boolean permitted = breaker.tryAcquirePermission();
    if (permitted) {
      breaker.onSuccess();
    }
    return permitted;
  }

  /** The same from two threads on one breaker. */
  @Benchmark
  @Threads(2)
  public boolean permitAndSuccessTwoThreads() {
    return permitAndSuccess();
  }
}
