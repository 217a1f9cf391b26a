package dev.trinity.cli.internal;

import dev.trinity.api.LlmProviderFactory;
import dev.trinity.core.EffectiveConfig;
import dev.trinity.core.LlmConfig;
import dev.trinity.core.ProviderFactories;
import dev.trinity.core.ProviderSelection;
import dev.trinity.core.Trinity;
import dev.trinity.core.TrinityConfig;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The configuration of one run: defaults &lt; the {@code --config} file &lt; environment variables
 * &lt; the {@code --provider/--url/--model} options (which set the same keys as {@code
 * LLM_PROVIDER}, {@code LLM_API_URL} and {@code LLM_MODEL}).
 */
final class Settings {
  /** The options that stand for environment variables, by variable. */
  static final Map<String, String> OPTION_NAMES =
      Map.of(
          "LLM_PROVIDER",
          "--provider",
          "LLM_API_URL",
          "--url",
          "LLM_MODEL",
          "--model",
          "LOG_PROFILE",
          "--log-profile");

  private final EffectiveConfig effective;
  private final Map<String, String> options;
  private final @Nullable Path file;

  private Settings(EffectiveConfig effective, Map<String, String> options, @Nullable Path file) {
    this.effective = effective;
    this.options = options;
    this.file = file;
  }

  static Settings load(
      @Nullable Path file, Map<String, String> environment, Map<String, String> options) {
    Map<String, String> merged = new HashMap<>(environment);
    merged.putAll(options);
    return new Settings(EffectiveConfig.load(file, merged), new LinkedHashMap<>(options), file);
  }

  EffectiveConfig effective() {
    return effective;
  }

  TrinityConfig config() {
    return effective.config();
  }

  Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /** Where a setting came from, as a person reads it: default, the file, a variable, an option. */
  String originOf(EffectiveConfig.Setting s) {
    return switch (s.origin()) {
      case DEFAULT -> "default";
      case FILE -> "file " + s.source().orElse("");
      case ENVIRONMENT -> {
        String variable = s.source().orElse("");
        yield options.containsKey(variable)
            ? "option " + OPTION_NAMES.get(variable)
            : "environment " + variable;
      }
    };
  }

  /** The base URL requests go to: the configured one, else the provider's default. */
  Optional<URI> baseUrl() {
    LlmConfig llm = config().llm();
    return llm.baseUrl().or(() -> factory().flatMap(LlmProviderFactory::defaultBaseUrl));
  }

  /** The model requests ask for: the configured one, else the provider's default. */
  Optional<String> model() {
    LlmConfig llm = config().llm();
    return llm.model().or(() -> factory().flatMap(LlmProviderFactory::defaultModel));
  }

  private Optional<LlmProviderFactory> factory() {
    return ProviderFactories.find(config().llm().provider());
  }

  /**
   * Opens Trinity with this configuration. When nobody chose a provider and Ollama does not answer
   * at its address, says so on {@code notices} and uses the offline provider instead.
   */
  Trinity open(PrintStream notices) {
    ProviderSelection selection = ProviderSelection.of(effective, LlmServerProbe.TIMEOUT);
    selection
        .unansweredServer()
        .ifPresent(
            base ->
                notices.println(
                    "No LLM provider configured and Ollama does not answer at "
                        + base
                        + ": using the offline provider (rule-based extraction, no model). Set"
                        + " --provider or LLM_PROVIDER to choose one."));
    return Trinity.builder().config(selection.config()).build();
  }
}
