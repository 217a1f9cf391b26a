package dev.trinity.cli.internal;

import dev.trinity.api.ConfigurationException;
import dev.trinity.api.InvalidInputException;
import dev.trinity.cli.CliEnvironment;
import dev.trinity.cli.TrinityCli;
import dev.trinity.site.LayoutModelException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** Builds the command line: the command tree, its streams, and one-line error reporting. */
public final class CommandLines {
  /**
   * Selenium reports through java.util.logging (for example that it has no CDP mapping for the
   * installed Chromium, which the layout check does not use); only its errors reach the terminal.
   * Held here so that the level is not lost when the logger is garbage collected.
   */
  private static final java.util.logging.Logger SELENIUM =
      java.util.logging.Logger.getLogger("org.openqa.selenium");

  static {
    SELENIUM.setLevel(java.util.logging.Level.SEVERE);
  }

  private CommandLines() {}

  /**
   * A new command line over the given environment.
   *
   * @param environment the variables and streams
   * @return the command line
   */
  public static CommandLine create(CliEnvironment environment) {
    RootCommand root = new RootCommand(environment);
    CommandLine cli = new CommandLine(root);
    cli.setOut(new PrintWriter(environment.out(), true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(environment.err(), true, StandardCharsets.UTF_8));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler(CommandLines::usageError);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> failure(root, e, commandLine, parseResult));
    cli.setExecutionStrategy(
        parseResult -> {
          root.configureLogging();
          return new CommandLine.RunLast().execute(parseResult);
        });
    return cli;
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    PrintWriter err = cli.getErr();
    err.println("error: " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for more information.");
    return TrinityCli.USAGE;
  }

  private static int failure(
      RootCommand root, Exception e, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    err.println("error: " + Errors.describe(e));
    if (root.verbose()) {
      e.printStackTrace(err);
    } else {
      err.println("(run with -v for the stack trace)");
    }
    return isUsage(e) ? TrinityCli.USAGE : TrinityCli.ITEMS_FAILED;
  }

  private static boolean isUsage(Throwable e) {
    return e instanceof ConfigurationException
        || e instanceof InvalidInputException
        || e instanceof IllegalArgumentException
        || e instanceof LayoutModelException;
  }
}
