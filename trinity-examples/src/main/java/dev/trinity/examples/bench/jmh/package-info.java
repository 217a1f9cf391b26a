/**
 * JMH microbenchmarks: cache tier hits, request-key hashing and the circuit breaker's permit check.
 * Run with {@code ./mvnw -q -pl trinity-examples exec:exec@jmh}; see docs/benchmarks.md.
 */
package dev.trinity.examples.bench.jmh;
