package dev.trinity.core.internal.config;

import dev.trinity.api.ConfigurationException;
import dev.trinity.cache.CacheConfig;
import dev.trinity.cache.FilesystemTierConfig;
import dev.trinity.cache.MemoryTierConfig;
import dev.trinity.cache.RedisTierConfig;
import dev.trinity.cache.TierType;
import dev.trinity.core.FallbackConfig;
import dev.trinity.core.FleetConfig;
import dev.trinity.core.LlmConfig;
import dev.trinity.core.LoggingConfig;
import dev.trinity.core.resilience.CircuitBreakerConfig;
import dev.trinity.core.resilience.ConcurrencyLimitConfig;
import dev.trinity.core.resilience.RetryConfig;
import dev.trinity.logging.TrinityLogging;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads each section of the merged configuration tree into its typed configuration: which keys a
 * section accepts, and which builder setter each key feeds.
 */
final class SectionReaders {
  private SectionReaders() {}

  static LlmConfig llm(ConfigValues s) {
    s.requireOnly(
        Set.of(
            "provider",
            "base_url",
            "model",
            "api_key",
            "timeout",
            "connect_timeout",
            "temperature",
            "max_concurrency",
            "max_response_size",
            "http2_cleartext",
            "options",
            "fallbacks"));
    LlmConfig.Builder b = LlmConfig.builder();
    s.string("provider").ifPresent(v -> s.apply("provider", () -> b.provider(v.strip())));
    s.string("base_url")
        .filter(v -> !v.isBlank())
        .ifPresent(v -> s.apply("base_url", () -> b.baseUrl(v)));
    s.string("model").filter(v -> !v.isBlank()).ifPresent(v -> s.apply("model", () -> b.model(v)));
    s.string("api_key").ifPresent(v -> b.apiKey(v.strip()));
    s.duration("timeout").ifPresent(v -> s.apply("timeout", () -> b.timeout(v)));
    s.duration("connect_timeout")
        .ifPresent(v -> s.apply("connect_timeout", () -> b.connectTimeout(v)));
    s.decimal("temperature").ifPresent(v -> s.apply("temperature", () -> b.temperature(v)));
    s.bytes("max_response_size")
        .ifPresent(v -> s.apply("max_response_size", () -> b.maxResponseBytes(v)));
    s.bool("http2_cleartext").ifPresent(b::http2Cleartext);
    s.stringMap("options").forEach(b::option);
    s.sections("fallbacks").forEach(f -> b.fallback(fallback(f)));
    return b.build();
  }

  /** One entry of {@code llm.fallbacks}; errors name it as {@code llm.fallbacks[i].key}. */
  private static FallbackConfig fallback(ConfigValues s) {
    s.requireOnly(Set.of("provider", "base_url", "model", "api_key", "options"));
    String provider =
        s.string("provider")
            .map(String::strip)
            .filter(v -> !v.isEmpty())
            .orElseThrow(
                () ->
                    new ConfigurationException(
                        s.key("provider"), "is required (the provider's name, such as llamacpp)"));
    FallbackConfig.Builder[] b = new FallbackConfig.Builder[1];
    s.apply("provider", () -> b[0] = FallbackConfig.builder(provider));
    s.string("base_url")
        .filter(v -> !v.isBlank())
        .ifPresent(v -> s.apply("base_url", () -> b[0].baseUrl(v)));
    s.string("model")
        .filter(v -> !v.isBlank())
        .ifPresent(v -> s.apply("model", () -> b[0].model(v)));
    s.string("api_key").ifPresent(v -> b[0].apiKey(v.strip()));
    s.stringMap("options").forEach(b[0]::option);
    return b[0].build();
  }

  static RetryConfig retry(ConfigValues s) {
    s.requireOnly(Set.of("max_attempts", "initial_backoff", "multiplier", "max_backoff", "jitter"));
    RetryConfig.Builder b = RetryConfig.builder();
    s.integer("max_attempts").ifPresent(v -> s.apply("max_attempts", () -> b.maxAttempts(v)));
    s.duration("initial_backoff")
        .ifPresent(v -> s.apply("initial_backoff", () -> b.initialBackoff(v)));
    s.decimal("multiplier").ifPresent(v -> s.apply("multiplier", () -> b.multiplier(v)));
    s.duration("max_backoff").ifPresent(v -> s.apply("max_backoff", () -> b.maxBackoff(v)));
    s.decimal("jitter").ifPresent(v -> s.apply("jitter", () -> b.jitter(v)));
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("retry", e.getMessage(), e);
    }
  }

  static CircuitBreakerConfig circuitBreaker(ConfigValues s) {
    s.requireOnly(
        Set.of(
            "mode",
            "failure_threshold",
            "open_duration",
            "half_open_max_calls",
            "success_threshold",
            "max_wait_in_half_open",
            "sliding_window_size",
            "minimum_number_of_calls",
            "failure_rate_threshold"));
    CircuitBreakerConfig.Builder b = CircuitBreakerConfig.builder();
    s.string("mode")
        .ifPresent(v -> b.mode(enumValue(s, "mode", v, CircuitBreakerConfig.Mode.class)));
    s.integer("failure_threshold")
        .ifPresent(v -> s.apply("failure_threshold", () -> b.failureThreshold(v)));
    s.duration("open_duration").ifPresent(v -> s.apply("open_duration", () -> b.openDuration(v)));
    s.integer("half_open_max_calls")
        .ifPresent(v -> s.apply("half_open_max_calls", () -> b.halfOpenMaxCalls(v)));
    s.integer("success_threshold")
        .ifPresent(v -> s.apply("success_threshold", () -> b.successThreshold(v)));
    s.duration("max_wait_in_half_open")
        .ifPresent(v -> s.apply("max_wait_in_half_open", () -> b.maxWaitInHalfOpen(v)));
    s.integer("sliding_window_size")
        .ifPresent(v -> s.apply("sliding_window_size", () -> b.slidingWindowSize(v)));
    s.integer("minimum_number_of_calls")
        .ifPresent(v -> s.apply("minimum_number_of_calls", () -> b.minimumNumberOfCalls(v)));
    s.decimal("failure_rate_threshold")
        .ifPresent(v -> s.apply("failure_rate_threshold", () -> b.failureRateThreshold(v)));
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("circuit_breaker", e.getMessage(), e);
    }
  }

  /**
   * Reads the {@code concurrency_limit:} section, and {@code llm.max_concurrency}, which sets the
   * same value as {@code concurrency_limit.max_concurrency}: either may be given, both only when
   * they agree.
   */
  static ConcurrencyLimitConfig concurrencyLimit(
      Optional<ConfigValues> section, Optional<ConfigValues> llm) {
    ConcurrencyLimitConfig.Builder b = ConcurrencyLimitConfig.builder();
    Optional<Integer> fromLlm = llm.flatMap(l -> l.integer("max_concurrency"));
    Optional<Integer> fromSection = section.flatMap(l -> l.integer("max_concurrency"));
    if (fromLlm.isPresent() && fromSection.isPresent() && !fromLlm.equals(fromSection)) {
      throw new ConfigurationException(
          llm.orElseThrow().key("max_concurrency")
              + " and "
              + section.orElseThrow().key("max_concurrency"),
          "set the same limit and must agree, were "
              + fromLlm.orElseThrow()
              + " and "
              + fromSection.orElseThrow()
              + "; set one of them");
    }
    fromLlm.ifPresent(v -> llm.orElseThrow().apply("max_concurrency", () -> b.maxConcurrency(v)));
    fromSection.ifPresent(
        v -> section.orElseThrow().apply("max_concurrency", () -> b.maxConcurrency(v)));
    section.ifPresent(s -> concurrencyLimit(s, b));
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("concurrency_limit", e.getMessage(), e);
    }
  }

  private static void concurrencyLimit(ConfigValues s, ConcurrencyLimitConfig.Builder b) {
    s.requireOnly(
        Set.of(
            "mode",
            "max_concurrency",
            "queue_capacity",
            "initial_limit",
            "min_limit",
            "max_limit",
            "backoff_ratio"));
    s.string("mode")
        .ifPresent(v -> b.mode(enumValue(s, "mode", v, ConcurrencyLimitConfig.Mode.class)));
    s.integer("queue_capacity").ifPresent(v -> s.apply("queue_capacity", () -> b.queueCapacity(v)));
    s.integer("initial_limit").ifPresent(v -> s.apply("initial_limit", () -> b.initialLimit(v)));
    s.integer("min_limit").ifPresent(v -> s.apply("min_limit", () -> b.minLimit(v)));
    s.integer("max_limit").ifPresent(v -> s.apply("max_limit", () -> b.maxLimit(v)));
    s.decimal("backoff_ratio").ifPresent(v -> s.apply("backoff_ratio", () -> b.backoffRatio(v)));
  }

  static LoggingConfig logging(ConfigValues s) {
    s.requireOnly(Set.of("profile", "level", "format"));
    LoggingConfig logging = LoggingConfig.none();
    Optional<String> profile = s.string("profile").filter(v -> !v.isBlank());
    if (profile.isPresent()) {
      logging =
          logging.withProfile(
              enumValue(s, "profile", profile.orElseThrow(), TrinityLogging.Profile.class));
    }
    Optional<String> level = s.string("level").filter(v -> !v.isBlank());
    if (level.isPresent()) {
      logging =
          logging.withLevel(enumValue(s, "level", level.orElseThrow(), LoggingConfig.Level.class));
    }
    Optional<String> format = s.string("format").filter(v -> !v.isBlank());
    if (format.isPresent()) {
      logging =
          logging.withFormat(
              enumValue(s, "format", format.orElseThrow(), LoggingConfig.Format.class));
    }
    return logging;
  }

  static FleetConfig fleet(ConfigValues s) {
    s.requireOnly(Set.of("enabled", "lease_time", "poll_interval", "max_concurrency"));
    FleetConfig d = FleetConfig.ofDefaults();
    try {
      return new FleetConfig(
          s.bool("enabled").orElse(d.enabled()),
          s.duration("lease_time").orElse(d.leaseTime()),
          s.duration("poll_interval").orElse(d.pollInterval()),
          s.integer("max_concurrency").orElse(null));
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("fleet", e.getMessage(), e);
    }
  }

  static <E extends Enum<E>> E enumValue(ConfigValues s, String key, String value, Class<E> type) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(value.strip().replace('-', '_'))) {
        return e;
      }
    }
    List<String> accepted = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      accepted.add(e.name().toLowerCase(Locale.ROOT));
    }
    throw new ConfigurationException(
        s.key(key), "must be one of " + accepted + ", was '" + value + "'");
  }

  static CacheConfig cache(ConfigValues s) {
    s.requireOnly(Set.of("enabled", "tiers", "ttl", "memory", "redis", "filesystem"));
    CacheConfig.Builder b = CacheConfig.builder();
    s.bool("enabled").ifPresent(b::enabled);
    s.list("tiers")
        .ifPresent(
            names -> {
              List<TierType> tiers = new ArrayList<>();
              for (String n : names) {
                try {
                  tiers.add(TierType.fromYaml(n));
                } catch (IllegalArgumentException e) {
                  throw new ConfigurationException(
                      s.key("tiers"), "must list memory, redis or filesystem, was '" + n + "'", e);
                }
              }
              s.apply("tiers", () -> b.tiers(tiers));
            });
    s.duration("ttl").ifPresent(v -> s.apply("ttl", () -> b.ttl(v)));
    s.section("memory").ifPresent(m -> b.memory(memory(m)));
    s.section("redis").ifPresent(r -> b.redis(redis(r)));
    s.section("filesystem").ifPresent(f -> b.filesystem(filesystem(f)));
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("cache", e.getMessage(), e);
    }
  }

  private static MemoryTierConfig memory(ConfigValues m) {
    m.requireOnly(Set.of("max_entries"));
    MemoryTierConfig.Builder b = MemoryTierConfig.builder();
    m.integer("max_entries").ifPresent(v -> m.apply("max_entries", () -> b.maxEntries(v)));
    return b.build();
  }

  private static RedisTierConfig redis(ConfigValues r) {
    r.requireOnly(Set.of("host", "port", "db", "password", "key_prefix", "command_timeout", "tls"));
    RedisTierConfig.Builder b = RedisTierConfig.builder();
    r.string("host").ifPresent(v -> r.apply("host", () -> b.host(v)));
    r.integer("port").ifPresent(v -> r.apply("port", () -> b.port(v)));
    r.integer("db").ifPresent(v -> r.apply("db", () -> b.db(v)));
    r.string("password").filter(v -> !v.isEmpty()).ifPresent(b::password);
    r.string("key_prefix").ifPresent(b::keyPrefix);
    r.duration("command_timeout")
        .ifPresent(v -> r.apply("command_timeout", () -> b.commandTimeout(v)));
    r.bool("tls").ifPresent(b::tls);
    return b.build();
  }

  private static FilesystemTierConfig filesystem(ConfigValues f) {
    f.requireOnly(Set.of("directory", "max_size_mb"));
    FilesystemTierConfig.Builder b = FilesystemTierConfig.builder();
    f.string("directory").ifPresent(v -> f.apply("directory", () -> b.directory(Path.of(v))));
    f.integer("max_size_mb").ifPresent(v -> f.apply("max_size_mb", () -> b.maxSizeMb(v)));
    return b.build();
  }
}
