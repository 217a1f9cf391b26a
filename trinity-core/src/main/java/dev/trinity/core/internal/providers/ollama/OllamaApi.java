package dev.trinity.core.internal.providers.ollama;

import dev.trinity.api.ConfigurationException;
import dev.trinity.api.ProviderConfig;
import java.util.Locale;

/** Which of Ollama's two generation endpoints to call, chosen by the option {@code api}. */
enum OllamaApi {
  /** {@code POST /api/chat}: a list of messages; the answer is {@code message.content}. */
  CHAT("/api/chat", "/message/content"),
  /** {@code POST /api/generate}: one prompt and a system text; the answer is {@code response}. */
  GENERATE("/api/generate", "/response");

  /** The option's key in {@link ProviderConfig#options()}. */
  static final String OPTION = "api";

  final String path;
  final String textPointer;

  OllamaApi(String path, String textPointer) {
    this.path = path;
    this.textPointer = textPointer;
  }

  /**
   * Reads the option {@code api}: absent or {@code chat} selects {@link #CHAT}, {@code generate}
   * selects {@link #GENERATE} (case-insensitive).
   *
   * @throws ConfigurationException naming {@code llm.options.api} for any other value
   */
  static OllamaApi from(ProviderConfig config) {
    String v = config.option(OPTION).map(String::strip).orElse("chat");
    switch (v.toLowerCase(Locale.ROOT)) {
      case "chat":
        return CHAT;
      case "generate":
        return GENERATE;
      default:
        throw new ConfigurationException(
            "llm.options." + OPTION, "must be 'chat' or 'generate', was '" + v + "'");
    }
  }
}
