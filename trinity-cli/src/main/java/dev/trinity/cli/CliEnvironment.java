package dev.trinity.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.Objects;

/**
 * What a run of the command line sees of the world: environment variables, where its output and
 * errors go, and whether a person watches a terminal (progress bar) or not (plain lines).
 *
 * @param variables the environment variables ({@code LLM_*}, {@code CACHE_*}, {@code PATH}, …)
 * @param out normal output: tables, reports, JSON paths
 * @param err errors, notices and progress
 * @param interactive whether output goes to a terminal
 */
public record CliEnvironment(
    Map<String, String> variables, PrintStream out, PrintStream err, boolean interactive) {

  /** Checks the arguments and copies the variables. */
  public CliEnvironment {
    variables = Map.copyOf(Objects.requireNonNull(variables, "variables"));
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
  }

  /**
   * The process's own environment, {@code System.out} and {@code System.err}; interactive when the
   * JVM has a console (standard input and output are a terminal).
   *
   * @return the environment of this process
   */
  public static CliEnvironment system() {
    return new CliEnvironment(System.getenv(), System.out, System.err, System.console() != null);
  }
}
