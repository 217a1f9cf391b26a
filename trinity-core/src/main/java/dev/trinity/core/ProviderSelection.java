package dev.trinity.core;

import dev.trinity.api.LlmProviderFactory;
import dev.trinity.core.EffectiveConfig.Origin;
import dev.trinity.core.content.internal.offline.OfflineExtractor;
import dev.trinity.core.internal.providers.ollama.OllamaProviderFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The zero-setup choice of provider that the command line and the quick start make: when nobody
 * chose a provider (the file, the environment and the options leave {@code llm.provider} at its
 * default, Ollama) and no server answers at Ollama's base URL, run with the {@code offline}
 * provider, which needs no server, instead of failing on the first request. A provider the user
 * chose is kept without probing anything.
 *
 * <pre>{@code
 * ProviderSelection selection = ProviderSelection.of(EffectiveConfig.load(file, System.getenv()));
 * selection.unansweredServer().ifPresent(url -> System.err.println("offline: nothing at " + url));
 * try (Trinity trinity = Trinity.builder().config(selection.config()).build()) { … }
 * }</pre>
 *
 * <p>Immutable and thread-safe; only {@link #of} does I/O (one HTTP GET).
 */
public final class ProviderSelection {
  /** How long the probe of the Ollama server waits, by default: 3 seconds. */
  public static final Duration DEFAULT_PROBE_TIMEOUT = Duration.ofSeconds(3);

  /** The Ollama endpoint probed: any HTTP answer, whatever its status, counts as a server. */
  static final String PROBE_PATH = "/api/tags";

  private final TrinityConfig config;
  private final @Nullable URI unanswered;

  private ProviderSelection(TrinityConfig config, @Nullable URI unanswered) {
    this.config = config;
    this.unanswered = unanswered;
  }

  /**
   * Chooses with the default probe timeout.
   *
   * @param effective the loaded configuration with each value's origin
   * @return the choice
   */
  public static ProviderSelection of(EffectiveConfig effective) {
    return of(effective, DEFAULT_PROBE_TIMEOUT);
  }

  /**
   * Chooses: the configuration as it is when the user chose the provider or when the provider is
   * not Ollama; else, when nothing answers HTTP at {@code <base URL>/api/tags} within the timeout,
   * the same configuration with the offline provider (and no base URL or model).
   *
   * @param effective the loaded configuration with each value's origin
   * @param probeTimeout how long to wait for the Ollama server (connect and answer)
   * @return the choice
   * @throws IllegalArgumentException when the timeout is not positive
   */
  public static ProviderSelection of(EffectiveConfig effective, Duration probeTimeout) {
    Objects.requireNonNull(effective, "effective");
    Objects.requireNonNull(probeTimeout, "probeTimeout");
    if (probeTimeout.isZero() || probeTimeout.isNegative()) {
      throw new IllegalArgumentException("probeTimeout must be positive, was " + probeTimeout);
    }
    TrinityConfig config = effective.config();
    boolean chosen =
        effective.setting("llm.provider").map(s -> s.origin() != Origin.DEFAULT).orElse(false);
    if (chosen || !OllamaProviderFactory.NAME.equals(config.llm().provider())) {
      return new ProviderSelection(config, null);
    }
    URI base =
        config
            .llm()
            .baseUrl()
            .or(
                () ->
                    ProviderFactories.find(OllamaProviderFactory.NAME)
                        .flatMap(LlmProviderFactory::defaultBaseUrl))
            .orElseThrow();
    if (answers(base, probeTimeout)) {
      return new ProviderSelection(config, null);
    }
    LlmConfig offline =
        config.llm().toBuilder()
            .provider(OfflineExtractor.NAME)
            .baseUrl((URI) null)
            .model(null)
            .build();
    return new ProviderSelection(config.toBuilder().llm(offline).build(), base);
  }

  /**
   * The configuration to open {@link Trinity} with.
   *
   * @return the configuration as loaded, or with the offline provider in place of Ollama
   */
  public TrinityConfig config() {
    return config;
  }

  /**
   * Whether the offline provider was chosen because nothing answered at Ollama's base URL.
   *
   * @return the base URL that did not answer, or empty when the configured provider is kept
   */
  public Optional<URI> unansweredServer() {
    return Optional.ofNullable(unanswered);
  }

  private static boolean answers(URI base, Duration timeout) {
    URI url = URI.create(base.toString().replaceAll("/+$", "") + PROBE_PATH);
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    HttpRequest probe = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
    try {
      client.send(probe, HttpResponse.BodyHandlers.discarding());
      return true;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
