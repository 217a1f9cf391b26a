package dev.trinity.cli.internal;

import dev.trinity.cli.CliEnvironment;
import dev.trinity.logging.TrinityLogging;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code trinity}: the global options, shared by every subcommand ({@code trinity build x.md
 * --provider offline} and {@code trinity --provider offline build x.md} mean the same).
 */
@Command(
    name = "trinity",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Turns portfolio text into theme-styled website content with an LLM.",
    footer = {
      "",
      "Exit codes: 0 success, 1 some items or checks failed, 2 bad usage or configuration.",
      "Environment: LLM_PROVIDER, LLM_API_URL, LLM_MODEL, LLM_API_KEY, CACHE_*, LOG_PROFILE"
          + " (see 'trinity config show')."
    },
    subcommands = {
      BuildCommand.class,
      BuildAllCommand.class,
      ThemesCommand.class,
      CacheCommand.class,
      ConfigCommand.class,
      DoctorCommand.class,
      PredictCommand.class,
      AutoComplete.GenerateCompletion.class
    })
public final class RootCommand {
  /** Names the configuration file when {@code --config} is not given: {@value}. */
  static final String CONFIG_VARIABLE = "TRINITY_CONFIG";

  private final CliEnvironment environment;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      scope = ScopeType.INHERIT,
      description =
          "YAML configuration file (defaults < file < environment < these options); default"
              + " $TRINITY_CONFIG when set.")
  @Nullable Path configFile;

  @Option(
      names = "--provider",
      paramLabel = "NAME",
      scope = ScopeType.INHERIT,
      description = "Model provider: ollama, openai, llamacpp, offline (as LLM_PROVIDER).")
  @Nullable String provider;

  @Option(
      names = "--url",
      paramLabel = "URL",
      scope = ScopeType.INHERIT,
      description = "Model server base URL (as LLM_API_URL).")
  @Nullable String url;

  @Option(
      names = "--model",
      paramLabel = "NAME",
      scope = ScopeType.INHERIT,
      description = "Model name (as LLM_MODEL).")
  @Nullable String model;

  @Option(
      names = "--log-profile",
      paramLabel = "PROFILE",
      scope = ScopeType.INHERIT,
      description =
          "Logging profile: ${COMPLETION-CANDIDATES} (as LOG_PROFILE). production writes JSON"
              + " to logs/.")
  TrinityLogging.@Nullable Profile logProfile;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Print stack traces with errors.")
  boolean verbose;

  RootCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  CliEnvironment environment() {
    return environment;
  }

  boolean verbose() {
    return verbose;
  }

  /** The configuration layers as the options and the environment give them. */
  Settings settings() {
    Map<String, String> options = new LinkedHashMap<>();
    if (provider != null) {
      options.put("LLM_PROVIDER", provider);
    }
    if (url != null) {
      options.put("LLM_API_URL", url);
    }
    if (model != null) {
      options.put("LLM_MODEL", model);
    }
    if (logProfile != null) {
      // so that the configuration's logging: section, applied when Trinity opens, agrees
      options.put(TrinityLogging.PROFILE, logProfile.id());
    }
    Path file = configFile;
    String fromEnvironment = environment.variables().get(CONFIG_VARIABLE);
    if (file == null && fromEnvironment != null && !fromEnvironment.isBlank()) {
      file = Path.of(fromEnvironment);
    }
    return Settings.load(file, environment.variables(), options);
  }

  /**
   * Sets up logging for this run: the profile from {@code --log-profile} or {@code LOG_PROFILE};
   * WARN and above unless {@code LOG_LEVEL} or the configuration file's {@code logging.level} says
   * otherwise (INFO for production, whose JSON files are what the log recipes read). The file's
   * {@code logging:} section takes effect when a command opens Trinity.
   */
  void configureLogging() {
    String named = environment.variables().get(TrinityLogging.PROFILE);
    boolean chosen = logProfile != null || (named != null && !named.isBlank());
    TrinityLogging.Profile profile =
        logProfile != null
            ? logProfile
            : chosen ? TrinityLogging.Profile.fromName(named) : TrinityLogging.Profile.DEVELOPMENT;
    if (System.getProperty(TrinityLogging.LEVEL) == null
        && environment.variables().get(TrinityLogging.LEVEL) == null) {
      System.setProperty(
          TrinityLogging.LEVEL, profile == TrinityLogging.Profile.PRODUCTION ? "INFO" : "WARN");
    }
    if (chosen) {
      TrinityLogging.configure(profile);
    } // else the bundled logback.xml: development format, WARN and above
  }
}
