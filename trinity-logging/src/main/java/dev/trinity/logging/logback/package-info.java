/**
 * Logback pieces behind Trinity's ready-made profiles: the JSON encoder, the human-readable
 * converters, the performance-log filter and the loader. Everything Logback-specific lives here, so
 * that {@code dev.trinity.logging} loads without Logback on the classpath. Hosts with their own
 * {@code logback.xml} can use these classes directly; the conversion words the profiles declare are
 * listed on each converter.
 */
@NullMarked
package dev.trinity.logging.logback;

import org.jspecify.annotations.NullMarked;
