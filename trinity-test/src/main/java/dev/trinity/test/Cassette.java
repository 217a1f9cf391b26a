package dev.trinity.test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trinity.api.LlmProvider;
import dev.trinity.api.LlmProviderFactory;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.ProviderConfig;
import dev.trinity.api.ProviderContext;
import dev.trinity.api.ProviderException;
import dev.trinity.api.Secret;
import dev.trinity.test.internal.Recording;
import dev.trinity.test.internal.SecretMask;
import dev.trinity.test.internal.SummaryDiff;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A named set of recorded LLM exchanges: a directory holding one pretty-printed JSON file per
 * request key ({@code <directory>/<name>/<key>.json}), and the {@link CassetteMode} calls through
 * it run in.
 *
 * <pre>{@code
 * Cassette cassette = Cassette.open(Path.of("src/test/resources/cassettes"), "bio", REPLAY);
 * try (Trinity trinity =
 *     Trinity.builder().config(config).registerProvider(cassette.wrap("ollama")).build()) {
 *   trinity.llm().generate("Write a one-line bio for a Rust developer");
 * }
 * }</pre>
 *
 * <p>Calls are matched by request key ({@link CassetteKeys}), never by order. Each file holds the
 * request summary (provider, model, sampling options, response format, system prompt, messages) and
 * the answer (status, text, model, finish reason, usage) or the server's error, with a fixed field
 * order, so a re-recording diffs well in code review. Secrets are never written: the wrapped
 * provider's API key, {@linkplain #maskSecret(Secret) secrets added} here, and anything shaped like
 * an {@code sk-…} key, a {@code Bearer} token or an {@code Authorization} header value are replaced
 * by {@code ****} in every string. Files are written atomically (a temporary file, then a move).
 * {@link CassetteMode#RECORD} replaces the files of the keys it records and leaves the others;
 * delete the directory first to drop recordings no test makes any more.
 *
 * <p>Thread-safe. The files present when the cassette is opened are read at once; a malformed one
 * fails {@link #open} naming the file.
 */
public final class Cassette {
  /** Where cassettes live unless told otherwise, relative to the working directory. */
  public static final String DEFAULT_DIRECTORY = "src/test/resources/cassettes";

  /** The system property that overrides {@link #DEFAULT_DIRECTORY}. */
  public static final String DIRECTORY_PROPERTY = "trinity.cassettes.dir";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  private final String name;
  private final Path directory;
  private final CassetteMode mode;
  private final SecretMask mask = new SecretMask();
  private final Map<String, Recording> recordings = new ConcurrentHashMap<>();
  private final List<CassetteMissException> misses = new CopyOnWriteArrayList<>();

  private Cassette(String name, Path directory, CassetteMode mode) {
    this.name = name;
    this.directory = directory;
    this.mode = mode;
  }

  /**
   * Opens a cassette, reading the recordings already in its directory (none when it does not exist
   * yet).
   *
   * @param root the directory holding cassettes, such as {@value #DEFAULT_DIRECTORY}
   * @param name the cassette's name, its directory under {@code root}: letters, digits, {@code .},
   *     {@code _} and {@code -}, starting with a letter or digit
   * @param mode what calls do
   * @return the cassette
   * @throws IllegalArgumentException when the name is not acceptable or a file in the directory is
   *     not a recording
   * @throws UncheckedIOException when the directory cannot be read
   */
  public static Cassette open(Path root, String name, CassetteMode mode) {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mode, "mode");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "cassette name must be 1-128 letters, digits, '.', '_' or '-', starting with a letter or"
              + " digit, was '"
              + name
              + "'");
    }
    Cassette cassette = new Cassette(name, root.resolve(name), mode);
    cassette.load();
    return cassette;
  }

  /**
   * The directory cassettes live in: the system property {@value #DIRECTORY_PROPERTY}, else {@value
   * #DEFAULT_DIRECTORY}.
   *
   * @return the directory, relative to the working directory unless absolute
   */
  public static Path defaultRoot() {
    String dir = System.getProperty(DIRECTORY_PROPERTY);
    return Path.of(dir == null || dir.isBlank() ? DEFAULT_DIRECTORY : dir);
  }

  /**
   * The cassette's name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The directory holding this cassette's files.
   *
   * @return the directory
   */
  public Path directory() {
    return directory;
  }

  /**
   * What calls through this cassette do.
   *
   * @return the mode
   */
  public CassetteMode mode() {
    return mode;
  }

  /**
   * The request keys recorded, those read at opening and those written since.
   *
   * @return a sorted snapshot
   */
  public SortedSet<String> keys() {
    return new TreeSet<>(recordings.keySet());
  }

  /**
   * The replay misses so far, oldest first. {@link LlmCassette} fails a test that had one, even
   * when the code under test caught it (a content engine falling back to its offline answer, say).
   *
   * @return a snapshot
   */
  public List<CassetteMissException> misses() {
    return List.copyOf(misses);
  }

  /**
   * Masks a secret wherever it would be written, whatever its shape. A wrapped factory's API key is
   * masked without asking.
   *
   * @param secret the secret
   * @return this cassette
   */
  public Cassette maskSecret(Secret secret) {
    mask.add(Objects.requireNonNull(secret, "secret"));
    return this;
  }

  /**
   * Wraps a provider the host made, for {@code Trinity.builder().provider(…)}.
   *
   * @param provider the real provider; it is called only in the recording modes
   * @return a provider answering from this cassette; closing it closes {@code provider}
   */
  public CassetteProvider wrap(LlmProvider provider) {
    return new CassetteProvider(provider, this);
  }

  /**
   * Wraps a provider factory, for {@code Trinity.builder().registerProvider(…)}: the factory has
   * the wrapped one's name and defaults, so the configuration selects it as before, and each
   * provider it creates is the wrapped factory's, made with Trinity's transport and configuration,
   * inside a {@link CassetteProvider}. The configured API key is masked.
   *
   * @param factory the real provider's factory
   * @return a factory of the same name
   */
  public LlmProviderFactory wrap(LlmProviderFactory factory) {
    Objects.requireNonNull(factory, "factory");
    return new LlmProviderFactory() {
      @Override
      public String name() {
        return factory.name();
      }

      @Override
      public Optional<URI> defaultBaseUrl() {
        return factory.defaultBaseUrl();
      }

      @Override
      public Optional<String> defaultModel() {
        return factory.defaultModel();
      }

      @Override
      public LlmProvider create(ProviderConfig config, ProviderContext context) {
        config.apiKey().ifPresent(mask::add);
        return wrap(factory.create(config, context));
      }
    };
  }

  /**
   * Wraps the provider factory of a name found on the class path ({@link ServiceLoader}), as {@link
   * #wrap(LlmProviderFactory)}: {@code registerProvider(cassette.wrap("ollama"))}.
   *
   * @param providerName the provider's name, such as {@code ollama} or {@code openai}
   * @return a factory of that name
   * @throws IllegalArgumentException when no factory of that name is on the class path, listing
   *     those that are
   */
  public LlmProviderFactory wrap(String providerName) {
    Objects.requireNonNull(providerName, "providerName");
    Map<String, LlmProviderFactory> found = new TreeMap<>();
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    for (LlmProviderFactory f :
        ServiceLoader.load(
            LlmProviderFactory.class, loader == null ? Cassette.class.getClassLoader() : loader)) {
      found.putIfAbsent(f.name(), f);
    }
    LlmProviderFactory factory = found.get(providerName);
    if (factory == null) {
      throw new IllegalArgumentException(
          "no provider factory named '"
              + providerName
              + "' on the class path; found "
              + found.keySet());
    }
    return wrap(factory);
  }

  @Override
  public String toString() {
    return "Cassette[" + name + ", " + mode + ", " + recordings.size() + " recordings]";
  }

  Recording find(String key) {
    return recordings.get(key);
  }

  ObjectNode summarize(String provider, dev.trinity.api.LlmRequest request) {
    return Recording.summarize(provider, request, mask);
  }

  CompletableFuture<LlmResponse> replay(Recording recording) {
    Path file = directory.resolve(recording.key() + ".json");
    Optional<ProviderException> error = recording.error(file);
    return error.isPresent()
        ? CompletableFuture.failedFuture(error.get())
        : CompletableFuture.completedFuture(recording.answer().orElseThrow());
  }

  void store(String key, ObjectNode summary, LlmResponse answer) {
    save(Recording.ofAnswer(key, summary, answer, mask));
  }

  void store(String key, ObjectNode summary, ProviderException error) {
    save(Recording.ofError(key, summary, error, mask));
  }

  CassetteMissException miss(String key, ObjectNode summary) {
    String requested = new Recording(key, summary, summary).requestText();
    String nearest = null;
    SummaryDiff best = null;
    for (Recording r : new TreeMap<>(recordings).values()) {
      SummaryDiff d = SummaryDiff.of(r.requestText(), requested);
      if (best == null || d.changedLines() < best.changedLines()) {
        best = d;
        nearest = r.key();
      }
    }
    CassetteMissException miss =
        new CassetteMissException(
            name,
            directory,
            key,
            nearest,
            best == null ? null : best.text(),
            best == null ? 0 : best.changedLines());
    misses.add(miss);
    return miss;
  }

  private void save(Recording recording) {
    recording.writeTo(directory);
    recordings.put(recording.key(), recording);
  }

  private void load() {
    if (!Files.isDirectory(directory)) {
      return;
    }
    List<Path> files = new ArrayList<>();
    try (Stream<Path> list = Files.list(directory)) {
      list.filter(p -> p.getFileName().toString().endsWith(".json")).forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list cassette directory " + directory, e);
    }
    for (Path file : files) {
      Recording r = Recording.read(file);
      recordings.put(r.key(), r);
    }
  }
}
