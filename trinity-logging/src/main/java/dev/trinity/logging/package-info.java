/**
 * Correlation ids across async hops and the names of Trinity's structured log events. Trinity logs
 * through the SLF4J API only; the host chooses the backend.
 *
 * <ul>
 *   <li>{@link dev.trinity.logging.CorrelationContext} puts a correlation id in the MDC for a
 *       scope;
 *   <li>{@link dev.trinity.logging.MdcSnapshot} and {@link dev.trinity.logging.MdcPropagation}
 *       carry the MDC to executors and {@code CompletableFuture} stages;
 *   <li>{@link dev.trinity.logging.LogEvents} names the events and their key-value pairs;
 *   <li>{@link dev.trinity.logging.Redaction} masks secrets in text;
 *   <li>{@link dev.trinity.logging.TrinityLogging} configures Logback with a ready-made profile,
 *       for hosts that opt in.
 * </ul>
 *
 * <p>Nothing in this package loads a Logback type; the Logback pieces live in {@code
 * dev.trinity.logging.logback}.
 */
@NullMarked
package dev.trinity.logging;

import org.jspecify.annotations.NullMarked;
