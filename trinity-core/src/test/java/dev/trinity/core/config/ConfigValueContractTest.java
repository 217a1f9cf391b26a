package dev.trinity.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.CachePolicy;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.Message;
import dev.trinity.api.ProviderConfig;
import dev.trinity.api.ResponseFormat;
import dev.trinity.api.ResponseSource;
import dev.trinity.api.Role;
import dev.trinity.api.Secret;
import dev.trinity.api.SkippedProvider;
import dev.trinity.api.Usage;
import dev.trinity.api.content.BatchOptions;
import dev.trinity.api.content.ContentRequest;
import dev.trinity.api.content.Fallback;
import dev.trinity.api.content.Hero;
import dev.trinity.api.content.Link;
import dev.trinity.api.content.Project;
import dev.trinity.api.content.SiteContent;
import dev.trinity.api.content.Theme;
import dev.trinity.api.content.ThemeRules;
import dev.trinity.cache.CacheConfig;
import dev.trinity.cache.CacheEntry;
import dev.trinity.cache.CacheResult;
import dev.trinity.cache.TierHealth;
import dev.trinity.cache.TierType;
import dev.trinity.core.FallbackConfig;
import dev.trinity.core.FleetConfig;
import dev.trinity.core.LlmConfig;
import dev.trinity.core.LoggingConfig;
import dev.trinity.core.TrinityConfig;
import dev.trinity.core.resilience.CircuitBreakerConfig;
import dev.trinity.core.resilience.ConcurrencyLimitConfig;
import dev.trinity.core.resilience.RetryConfig;
import dev.trinity.logging.TrinityLogging;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every value class with equality written by hand, or a record with a hand-written {@code
 * toString}, keeps all its fields in {@code equals}, {@code hashCode} and {@code toString}. A field
 * added later and forgotten in one of them fails here.
 */
class ConfigValueContractTest {
  private static final Predicate<Throwable> RECORD = t -> true;
  private static final Predicate<Throwable> IGNORE = t -> false;
  private static final Predicate<Throwable> DROP = t -> t instanceof IllegalStateException;
  private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");
  private static final String SECRET = "masked: a secret never shows in toString";
  private static final String BEHAVIOUR = "a predicate is behaviour, with no text worth showing";
  private static final String BODY =
      "prompt and portfolio text stay out of toString: bodies are logged only at DEBUG";
  private static final String INPUT = "shown as input=<file name>, or 'portfolio text'";

  static LlmConfig llm() {
    return LlmConfig.builder()
        .provider("openai")
        .baseUrl("http://model.test:8080")
        .model("m")
        .apiKey("sk-test")
        .timeout(Duration.ofSeconds(30))
        .connectTimeout(Duration.ofSeconds(3))
        .temperature(0.5)
        .maxResponseBytes(4096)
        .http2Cleartext(true)
        .option("keep_alive", "5m")
        .fallback(fallback())
        .fallback(FallbackConfig.builder("ollama").build())
        .build();
  }

  static FallbackConfig fallback() {
    return FallbackConfig.builder("llamacpp")
        .baseUrl("http://gpu.test:8080")
        .model("qwen")
        .apiKey("sk-fallback")
        .option("n_keep", "64")
        .build();
  }

  static CacheConfig cache() {
    return CacheConfig.builder()
        .enabled(false)
        .tiers(TierType.MEMORY, TierType.REDIS)
        .ttl(Duration.ofMinutes(5))
        .memory(m -> m.maxEntries(7))
        .redis(r -> r.host("redis.test").port(6380).db(2).password("pw").keyPrefix("p:"))
        .redis(r -> r.commandTimeout(Duration.ofMillis(100)).tls(true))
        .filesystem(f -> f.directory(Path.of("cache-dir")).maxSizeMb(5))
        .build();
  }

  static SiteContent content() {
    return new SiteContent(
        "Ada",
        "Tools for people who run PostgreSQL",
        new Hero("Observability", "Collectors and exporters.", new Link("Projects", "#p"), null),
        List.of(
            new Project("pgwatch", "Metrics", "https://github.com/a/p", 4, "Go", List.of("pg"))),
        List.of(new Link("About", "#about")),
        new Link("Hello", "mailto:ada@example.dev"));
  }

  @Test
  void llmConfig() throws Exception {
    ValueContract.of(ConfigValueContractTest::llm).notInToString("apiKey", SECRET).verify();
  }

  @Test
  void fallbackConfig() throws Exception {
    ValueContract.of(ConfigValueContractTest::fallback).notInToString("apiKey", SECRET).verify();
  }

  @Test
  void retryConfig() throws Exception {
    ValueContract.of(
            () ->
                RetryConfig.builder()
                    .maxAttempts(4)
                    .initialBackoff(Duration.ofMillis(200))
                    .multiplier(3)
                    .maxBackoff(Duration.ofSeconds(9))
                    .jitter(0.25)
                    .build())
        .verify();
  }

  @Test
  void circuitBreakerConfig() throws Exception {
    ValueContract.of(
            () ->
                CircuitBreakerConfig.builder()
                    .mode(CircuitBreakerConfig.Mode.CONSECUTIVE_FAILURES)
                    .failureThreshold(3)
                    .openDuration(Duration.ofSeconds(20))
                    .halfOpenMaxCalls(2)
                    .successThreshold(2)
                    .maxWaitInHalfOpen(Duration.ofSeconds(5))
                    .slidingWindowSize(20)
                    .minimumNumberOfCalls(4)
                    .failureRateThreshold(40)
                    .recordFailurePredicate(RECORD)
                    .ignoreExceptionPredicate(IGNORE)
                    .build())
        .notInToString("recordFailurePredicate", BEHAVIOUR)
        .notInToString("ignoreExceptionPredicate", BEHAVIOUR)
        .verify();
  }

  @Test
  void concurrencyLimitConfig() throws Exception {
    ValueContract.of(
            () ->
                ConcurrencyLimitConfig.builder()
                    .mode(ConcurrencyLimitConfig.Mode.ADAPTIVE)
                    .maxConcurrency(3)
                    .queueCapacity(10)
                    .initialLimit(4)
                    .minLimit(2)
                    .maxLimit(9)
                    .backoffRatio(0.5)
                    .latencyTolerance(2)
                    .dropPredicate(DROP)
                    .build())
        .notInToString("dropPredicate", BEHAVIOUR)
        .verify();
  }

  @Test
  void cacheConfigAndItsTiers() throws Exception {
    ValueContract.of(ConfigValueContractTest::cache).verify();
    ValueContract.of(() -> cache().memory()).verify();
    ValueContract.of(() -> cache().redis()).notInToString("password", SECRET).verify();
    ValueContract.of(() -> cache().filesystem()).verify();
  }

  @Test
  void fleetConfig() throws Exception {
    ValueContract.of(() -> new FleetConfig(true, Duration.ofSeconds(12), Duration.ofMillis(150), 4))
        .verify();
  }

  @Test
  void loggingAndTheWholeConfiguration() throws Exception {
    ValueContract.of(
            () ->
                new LoggingConfig(
                    TrinityLogging.Profile.TESTING,
                    LoggingConfig.Level.INFO,
                    LoggingConfig.Format.JSON))
        .verify();
    ValueContract.of(
            () ->
                TrinityConfig.builder()
                    .llm(llm())
                    .cache(cache())
                    .logging(LoggingConfig.none().withLevel(LoggingConfig.Level.DEBUG))
                    .fleet(FleetConfig.ofDefaults().withLeaseTime(Duration.ofSeconds(20)))
                    .build())
        // flipping enabled first would need the Redis tier: vary the lease time instead
        .vary(FleetConfig.class, c -> c.withLeaseTime(c.leaseTime().plusSeconds(1)))
        .vary(LlmConfig.class, c -> c.toBuilder().model("other").build())
        .vary(RetryConfig.class, c -> c.toBuilder().maxAttempts(c.maxAttempts() + 1).build())
        .vary(
            CircuitBreakerConfig.class,
            c -> c.toBuilder().failureThreshold(c.failureThreshold() + 1).build())
        .vary(
            ConcurrencyLimitConfig.class,
            c -> c.toBuilder().maxConcurrency(c.maxConcurrency() + 1).build())
        .vary(CacheConfig.class, c -> c.toBuilder().enabled(!c.enabled()).build())
        .verify();
  }

  @Test
  void providerConfig() throws Exception {
    ValueContract.of(
            () ->
                ProviderConfig.builder("openai", URI.create("http://model.test"), "m")
                    .apiKey(Secret.of("sk-test"))
                    .temperature(0.3)
                    .option("keep_alive", "5m")
                    .build())
        .notInToString("apiKey", SECRET)
        .verify();
  }

  @Test
  void requestsAndResponses() throws Exception {
    ValueContract.of(
            () ->
                LlmRequest.builder()
                    .systemPrompt("be brief")
                    .addMessage(Message.user("one"))
                    .addMessage(new Message(Role.ASSISTANT, "two"))
                    .model("m")
                    .temperature(0.2)
                    .topP(0.5)
                    .maxTokens(10)
                    .seed(42L)
                    .responseFormat(ResponseFormat.json())
                    .timeout(Duration.ofSeconds(5))
                    .correlationId("c-1")
                    .cachePolicy(CachePolicy.BYPASS)
                    .promptVersion("v1")
                    .build())
        .notInToString("systemPrompt", BODY)
        .vary(
            ResponseFormat.class,
            f -> f == ResponseFormat.text() ? ResponseFormat.json() : ResponseFormat.text())
        .verify();
    ValueContract.of(
            () ->
                LlmResponse.builder()
                    .text("hi")
                    .model("m")
                    .provider("p")
                    .usage(new Usage(3, 4))
                    .latency(Duration.ofMillis(12))
                    .finishReason("stop")
                    .source(ResponseSource.CACHE, "memory")
                    .attempts(2)
                    .correlationId("c-1")
                    .skipped(
                        List.of(
                            new SkippedProvider(
                                "ollama", "m", SkippedProvider.Reason.FAILED, "503"),
                            new SkippedProvider(
                                "openai", "n", SkippedProvider.Reason.CIRCUIT_OPEN, "open")))
                    .build())
        .verify();
    ValueContract.of(() -> ResponseFormat.jsonSchema("site", "{\"type\":\"object\"}"))
        .notInToString("schema", "a JSON schema can run to pages; its name is shown")
        .verify();
    ValueContract.of(() -> Secret.of("sk-test")).notInToString("value", SECRET).verify();
  }

  @Test
  void contentRequestsAndOptions() throws Exception {
    ValueContract.of(
            () ->
                ContentRequest.builder()
                    .portfolioText("# Ada", "ada.md")
                    .theme("brutalist")
                    .correlationId("c-1")
                    .timeout(Duration.ofSeconds(9))
                    .cachePolicy(CachePolicy.BYPASS)
                    .fallback(Fallback.offline())
                    .build())
        .notInToString("portfolioText", BODY)
        .notInToString("portfolioFile", INPUT)
        .vary(Theme.class, t -> new Theme("other", "d", "v", ThemeRules.builder().build()))
        .vary(Fallback.class, f -> f == Fallback.none() ? Fallback.offline() : Fallback.none())
        .verify();
    ValueContract.of(() -> Fallback.of(content()))
        .notInToString("content", "a whole page of generated content, too long for toString")
        .vary(SiteContent.class, c -> c == null ? content() : null)
        .verify();
    ValueContract.of(() -> new BatchOptions(3, BatchOptions.ofDefaults().progressListener()))
        .vary(dev.trinity.api.content.ProgressListener.class, l -> p -> {})
        .verify();
  }

  @Test
  void cacheResultsAndHealth() throws Exception {
    ValueContract.of(
            () -> CacheResult.hit("memory", CacheEntry.of("v", NOW, Duration.ofMinutes(1))))
        .verify();
    ValueContract.of(() -> TierHealth.down("connection refused")).verify();
  }

  /** The classes above whose equality is written by hand. */
  private static final Set<String> COVERED =
      Set.of(
          "LlmConfig",
          "FallbackConfig",
          "RetryConfig",
          "CircuitBreakerConfig",
          "ConcurrencyLimitConfig",
          "ProviderConfig",
          "LlmRequest",
          "LlmResponse",
          "ResponseFormat",
          "Secret",
          "ContentRequest",
          "Fallback",
          "CacheResult",
          "TierHealth");

  @Test
  void everyHandWrittenEqualsInTheCoreModulesIsCoveredHere() throws IOException {
    Set<String> found = new TreeSet<>();
    for (String module : List.of("trinity-api", "trinity-cache", "trinity-core")) {
      Path sources = Path.of("..", module, "src", "main", "java");
      try (Stream<Path> files = Files.walk(sources)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          if (Files.readString(f).contains("public boolean equals(")) {
            found.add(f.getFileName().toString().replace(".java", ""));
          }
        }
      }
    }
    assertThat(found)
        .as("classes with a hand-written equals: add a contract above, or make them records")
        .containsExactlyInAnyOrderElementsOf(COVERED);
  }
}
