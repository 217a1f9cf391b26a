/**
 * JMH microbenchmarks: cache tier hits, request-key hashing, the circuit breaker's permit check and
 * the Redis permits of the fleet-wide concurrency limit. Run with {@code ./mvnw -q -pl
 * trinity-examples exec:exec@jmh}; see docs/benchmarks.md.
 */
package dev.trinity.examples.bench.jmh;
