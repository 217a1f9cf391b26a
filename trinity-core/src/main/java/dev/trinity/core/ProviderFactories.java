package dev.trinity.core;

import dev.trinity.api.LlmProviderFactory;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The provider factories this JVM offers: those {@link ServiceLoader} finds for {@link
 * LlmProviderFactory} on the thread's context class loader (else Trinity's), by name; when two
 * share a name the first found wins. {@link Trinity} chooses {@code llm.provider} among these and
 * the factories registered on its builder.
 *
 * <p>Stateless and thread-safe; each call looks the factories up again.
 */
public final class ProviderFactories {
  private ProviderFactories() {}

  /**
   * Every provider factory found, by name.
   *
   * @return an unmodifiable map in the order the factories were found
   */
  public static Map<String, LlmProviderFactory> available() {
    Map<String, LlmProviderFactory> all = new LinkedHashMap<>();
    for (LlmProviderFactory f : ServiceLoader.load(LlmProviderFactory.class, classLoader())) {
      all.putIfAbsent(f.name(), f);
    }
    return Collections.unmodifiableMap(all);
  }

  /**
   * The factory of the given name.
   *
   * @param name a provider name, such as {@code ollama} or {@code offline}
   * @return the factory, or empty when none of that name is found
   */
  public static Optional<LlmProviderFactory> find(String name) {
    return Optional.ofNullable(available().get(name));
  }

  private static ClassLoader classLoader() {
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    return cl != null ? cl : ProviderFactories.class.getClassLoader();
  }
}
