package dev.trinity.cli;

import dev.trinity.cli.internal.CommandLines;
import picocli.CommandLine;

/**
 * The {@code trinity} command: {@code build}, {@code build-all}, {@code themes}, {@code cache},
 * {@code config}, {@code doctor}, {@code predict} and {@code generate-completion}. Run it with
 * {@code java -jar trinity-cli/target/trinity.jar --help}.
 *
 * <p>Exit codes: {@value #OK} success, {@value #ITEMS_FAILED} some items (or doctor checks) failed,
 * {@value #USAGE} bad usage or configuration. Errors are one line on the error stream; a stack
 * trace only with {@code -v}.
 *
 * <p>Each run builds its own command objects, so runs in different threads do not share state apart
 * from the logging backend, which a run configures for the whole process.
 */
public final class TrinityCli {
  /** Exit code of a run that did everything it was asked: {@value}. */
  public static final int OK = 0;

  /** Exit code of a run where some items or checks failed: {@value}. */
  public static final int ITEMS_FAILED = 1;

  /** Exit code of bad usage (unknown option, missing file) or bad configuration: {@value}. */
  public static final int USAGE = 2;

  private TrinityCli() {}

  /**
   * Runs the command line in this process and exits with its exit code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(run(CliEnvironment.system(), args));
  }

  /**
   * Runs the command line without exiting.
   *
   * @param environment the variables and streams to use
   * @param args the arguments
   * @return the exit code
   */
  public static int run(CliEnvironment environment, String... args) {
    return commandLine(environment).execute(args);
  }

  /**
   * The picocli command line, for hosts that want to add subcommands or inspect the model.
   *
   * @param environment the variables and streams to use
   * @return a new command line; call {@link CommandLine#execute(String...)} to run it
   */
  public static CommandLine commandLine(CliEnvironment environment) {
    return CommandLines.create(environment);
  }
}
