/**
 * JMH microbenchmarks, one class per subject, all run by {@link
 * dev.trinity.examples.bench.jmh.JmhMain} with a short configuration (1 fork, 3 × 1 s warm-up, 5 ×
 * 1 s measurement) that fits a 2-core machine:
 *
 * <ul>
 *   <li>{@link dev.trinity.examples.bench.jmh.RequestKeyBenchmark}: the cache key (SHA-256 of the
 *       canonical request encoding) of a 30 KB prompt, beside the bare SHA-256 of the same bytes;
 *   <li>{@link dev.trinity.examples.bench.jmh.CircuitBreakerBenchmark}: the breaker's permission
 *       check and success report, one thread and two.
 * </ul>
 *
 * <p>Cache tiers go here as {@code CacheTierBenchmark}: one {@code @State} per tier set up in
 * {@code @Setup(Level.Trial)} (memory; filesystem in a temporary directory; Redis only when a
 * server is reachable), {@code get} hit / miss and {@code put} as {@code @Benchmark} methods in
 * {@code Mode.SampleTime} so that the p50 prints beside the Python original's tier latencies. Any
 * class in this package is picked up by {@code JmhMain} without further registration.
 */
package dev.trinity.examples.bench.jmh;
