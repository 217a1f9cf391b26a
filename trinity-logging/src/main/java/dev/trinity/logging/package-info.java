/**
 * Correlation ids across async hops and the names of Trinity's structured log events. Trinity logs
 * through the SLF4J API only; the host chooses the backend.
 */
@NullMarked
package dev.trinity.logging;

import org.jspecify.annotations.NullMarked;
