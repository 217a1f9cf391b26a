package dev.trinity.examples.bench;

import java.util.concurrent.CompletableFuture;

/**
 * One unit of work that {@link ThroughputBenchmark} times, made the blocking way and the
 * non-blocking way: one LLM call today ({@link LlmWorkload}); one content-engine generation (a
 * {@code ContentEngine} / {@code AsyncContentEngine} pair) when that benchmark is added. Calls
 * numbered differently must be different requests, so that nothing is coalesced or cached.
 */
public interface Workload {

  /**
   * Does call number {@code i} and returns when it is done.
   *
   * @param i the call's number, from 0
   * @return what the call produced, for {@link #attempts}
   * @throws Exception when the call fails
   */
  Object callSync(int i) throws Exception;

  /**
   * Starts call number {@code i} without blocking.
   *
   * @param i the call's number, from 0
   * @return the call's result
   */
  CompletableFuture<?> callAsync(int i);

  /**
   * How many attempts a result took, when the workload can tell (retries show up here).
   *
   * @param result what a call produced
   * @return attempts, 1 when unknown
   */
  default int attempts(Object result) {
    return 1;
  }
}
