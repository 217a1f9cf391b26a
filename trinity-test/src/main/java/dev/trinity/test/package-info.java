/**
 * Test fixtures for Trinity's own tests and for hosts that test their use of Trinity. Add {@code
 * dev.trinity:trinity-test} with test scope.
 *
 * <ul>
 *   <li>{@link dev.trinity.test.VirtualTime}: a clock and a task scheduler that move only when the
 *       test moves them, so back-off, deadlines and breaker timers run without waiting;
 *   <li>{@link dev.trinity.test.LogCapture}: records a logger's events (Logback) with their
 *       key-value pairs and MDC, as a JUnit 5 extension or by hand;
 *   <li>{@link dev.trinity.test.RedisServerProcess}: a real {@code redis-server} on a free port,
 *       skipped when it is not installed unless {@code TRINITY_REQUIRE_REDIS=1};
 *   <li>{@link dev.trinity.test.Cassette}, {@link dev.trinity.test.CassetteProvider} and {@link
 *       dev.trinity.test.LlmCassette}: record a provider's answers into files keyed by request and
 *       replay them without a server.
 * </ul>
 *
 * <p>Of Trinity's modules this one depends on {@code trinity-api} only, so that every other
 * module's tests can use it. Each fixture is one small class named for what it stands in for.
 */
package dev.trinity.test;
