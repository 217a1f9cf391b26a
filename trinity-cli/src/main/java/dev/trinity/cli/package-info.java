/**
 * The {@code trinity} command line: {@link dev.trinity.cli.TrinityCli} runs it, in a new process
 * ({@code java -jar trinity.jar}) or inside a host or a test with a {@link
 * dev.trinity.cli.CliEnvironment} of its own.
 */
@NullMarked
package dev.trinity.cli;

import org.jspecify.annotations.NullMarked;
