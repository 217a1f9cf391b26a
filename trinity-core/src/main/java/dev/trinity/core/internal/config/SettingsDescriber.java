package dev.trinity.core.internal.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.trinity.api.ConfigurationException;
import dev.trinity.cache.CacheConfig;
import dev.trinity.cache.TierType;
import dev.trinity.core.EffectiveConfig.Origin;
import dev.trinity.core.EffectiveConfig.Setting;
import dev.trinity.core.FallbackConfig;
import dev.trinity.core.FleetConfig;
import dev.trinity.core.LlmConfig;
import dev.trinity.core.LoggingConfig;
import dev.trinity.core.TrinityConfig;
import dev.trinity.core.resilience.CircuitBreakerConfig;
import dev.trinity.core.resilience.ConcurrencyLimitConfig;
import dev.trinity.core.resilience.RetryConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Lists every value of a loaded configuration as text, with the layer that set it: the environment
 * variable, the file, or neither (a default).
 */
public final class SettingsDescriber {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String MASK = "****";
  private static final String PROVIDER_DEFAULT = "(provider default)";

  private final Set<String> fileKeys;
  private final @Nullable String fileName;
  private final Map<String, String> variables = new HashMap<>();
  private final List<Setting> out = new ArrayList<>();

  private SettingsDescriber(@Nullable Path file, Map<String, String> env) {
    this.fileKeys = file == null ? Set.of() : keysOf(file);
    this.fileName = file == null ? null : file.toString();
    ConfigLoader.ENVIRONMENT_KEYS.forEach(
        (variable, key) -> {
          String value = env.get(variable);
          if (value != null && !value.isEmpty()) {
            variables.put(key, variable);
          }
        });
  }

  /**
   * Describes a configuration that {@link ConfigLoader#load(Path, Map)} built from the same file
   * and environment.
   *
   * @param config the loaded configuration
   * @param file the YAML file it was loaded from, or null
   * @param env the environment it was loaded with
   * @return every key with its value and origin, secrets masked
   */
  public static List<Setting> describe(
      TrinityConfig config, @Nullable Path file, Map<String, String> env) {
    SettingsDescriber d = new SettingsDescriber(file, env);
    d.llm(config.llm(), config.concurrencyLimit());
    d.retry(config.retry());
    d.circuitBreaker(config.circuitBreaker());
    d.concurrencyLimit(config.concurrencyLimit());
    d.cache(config.cache());
    d.logging(config.logging());
    d.fleet(config.fleet());
    return List.copyOf(d.out);
  }

  private void llm(LlmConfig c, ConcurrencyLimitConfig limit) {
    add("llm.provider", c.provider());
    add("llm.base_url", c.baseUrl().map(Object::toString).orElse(PROVIDER_DEFAULT));
    add("llm.model", c.model().orElse(PROVIDER_DEFAULT));
    secret("llm.api_key", c.apiKey().isPresent());
    add("llm.timeout", duration(c.timeout()));
    add("llm.connect_timeout", duration(c.connectTimeout()));
    add("llm.temperature", c.temperature().map(Object::toString).orElse(PROVIDER_DEFAULT));
    // one value, two spellings: report it under the documented one, from wherever it was set
    Setting maxConcurrency =
        setting("concurrency_limit.max_concurrency", "" + limit.maxConcurrency(), false);
    if (maxConcurrency.origin() == Origin.DEFAULT) {
      maxConcurrency = setting("llm.max_concurrency", "" + limit.maxConcurrency(), false);
    }
    out.add(
        new Setting(
            "llm.max_concurrency",
            maxConcurrency.value(),
            maxConcurrency.origin(),
            maxConcurrency.source(),
            false));
    add("llm.max_response_size", size(c.maxResponseBytes()));
    add("llm.http2_cleartext", c.http2Cleartext());
    c.options().forEach((k, v) -> add("llm.options." + k, v));
    for (int i = 0; i < c.fallbacks().size(); i++) {
      FallbackConfig f = c.fallbacks().get(i);
      Setting from = setting("llm.fallbacks", "", false);
      String value =
          "provider="
              + f.provider()
              + " base_url="
              + f.baseUrl().map(Object::toString).orElse(PROVIDER_DEFAULT)
              + " model="
              + f.model().orElse(PROVIDER_DEFAULT)
              + (f.apiKey().isPresent() ? " api_key=" + MASK : "")
              + (f.options().isEmpty() ? "" : " options=" + f.options().keySet());
      out.add(new Setting("llm.fallbacks[" + i + "]", value, from.origin(), from.source(), false));
    }
  }

  private void retry(RetryConfig c) {
    add("retry.max_attempts", c.maxAttempts());
    add("retry.initial_backoff", duration(c.initialBackoff()));
    add("retry.multiplier", c.multiplier());
    add("retry.max_backoff", duration(c.maxBackoff()));
    add("retry.jitter", c.jitter());
  }

  private void circuitBreaker(CircuitBreakerConfig c) {
    add("circuit_breaker.mode", c.mode().name().toLowerCase(Locale.ROOT));
    add("circuit_breaker.failure_threshold", c.failureThreshold());
    add("circuit_breaker.open_duration", duration(c.openDuration()));
    add("circuit_breaker.half_open_max_calls", c.halfOpenMaxCalls());
    add("circuit_breaker.success_threshold", c.successThreshold());
    add("circuit_breaker.max_wait_in_half_open", duration(c.maxWaitInHalfOpen()));
    add("circuit_breaker.sliding_window_size", c.slidingWindowSize());
    add("circuit_breaker.minimum_number_of_calls", c.minimumNumberOfCalls());
    add("circuit_breaker.failure_rate_threshold", c.failureRateThreshold());
  }

  private void concurrencyLimit(ConcurrencyLimitConfig c) {
    add("concurrency_limit.mode", c.mode().name().toLowerCase(Locale.ROOT));
    add("concurrency_limit.queue_capacity", c.queueCapacity());
    add("concurrency_limit.initial_limit", c.initialLimit());
    add("concurrency_limit.min_limit", c.minLimit());
    add("concurrency_limit.max_limit", c.maxLimit());
    add("concurrency_limit.backoff_ratio", c.backoffRatio());
  }

  private void cache(CacheConfig c) {
    add("cache.enabled", c.enabled());
    add(
        "cache.tiers",
        c.tiers().stream().map(TierType::yamlName).collect(Collectors.joining(", ", "[", "]")));
    add("cache.ttl", duration(c.ttl()));
    add("cache.memory.max_entries", c.memory().maxEntries());
    add("cache.redis.host", c.redis().host());
    add("cache.redis.port", c.redis().port());
    add("cache.redis.db", c.redis().db());
    secret("cache.redis.password", c.redis().password() != null);
    add("cache.redis.key_prefix", c.redis().keyPrefix());
    add("cache.redis.command_timeout", duration(c.redis().commandTimeout()));
    add("cache.redis.tls", c.redis().tls());
    add("cache.filesystem.directory", c.filesystem().directory());
    add("cache.filesystem.max_size_mb", c.filesystem().maxSizeMb());
  }

  /** Logging is configured by the logging module from the environment; only that layer counts. */
  private void logging(LoggingConfig c) {
    String untouched = c.isEmpty() ? "(not set: Trinity leaves logging to the host)" : null;
    add(
        "logging.profile",
        c.profile() != null ? c.profile().id() : untouched != null ? untouched : "development");
    add(
        "logging.level",
        c.level() != null
            ? c.level().name().toLowerCase(Locale.ROOT)
            : untouched != null ? untouched : "(profile default)");
    add(
        "logging.format",
        c.format() != null
            ? c.format().name().toLowerCase(Locale.ROOT)
            : untouched != null ? untouched : "(profile default)");
  }

  private void fleet(FleetConfig c) {
    add("fleet.enabled", c.enabled());
    add("fleet.lease_time", duration(c.leaseTime()));
    add("fleet.poll_interval", duration(c.pollInterval()));
    add(
        "fleet.max_concurrency",
        c.fleetLimit().map(Object::toString).orElse("(not set: no fleet-wide limit)"));
  }

  private void add(String key, Object value) {
    out.add(setting(key, String.valueOf(value), false));
  }

  private void secret(String key, boolean present) {
    out.add(setting(key, present ? MASK : "", true));
  }

  private Setting setting(String key, String value, boolean secret) {
    String variable = variables.get(key);
    if (variable != null) {
      return new Setting(key, value, Origin.ENVIRONMENT, Optional.of(variable), secret);
    }
    if (fileName != null && (fileKeys.contains(key) || fileKeys.contains(parentOption(key)))) {
      return new Setting(key, value, Origin.FILE, Optional.of(fileName), secret);
    }
    return new Setting(key, value, Origin.DEFAULT, Optional.empty(), secret);
  }

  private static String parentOption(String key) {
    return key.startsWith("llm.options.") ? "llm.options" : key;
  }

  /** The dotted paths of every value the file sets (lists and scalars are leaves). */
  private static Set<String> keysOf(Path file) {
    JsonNode root;
    try {
      root = YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new ConfigurationException(file.toString(), "cannot read: " + e.getMessage(), e);
    }
    Set<String> keys = new HashSet<>();
    if (root != null && root.isObject()) {
      collect(root, "", keys);
    }
    return keys;
  }

  private static void collect(JsonNode node, String path, Set<String> keys) {
    node.fields()
        .forEachRemaining(
            e -> {
              String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
              if (e.getValue().isObject()) {
                keys.add(p);
                collect(e.getValue(), p, keys);
              } else if (!e.getValue().isNull()) {
                keys.add(p);
              }
            });
  }

  static String duration(Duration d) {
    long ms = d.toMillis();
    if (ms != 0 && ms % 3_600_000 == 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }

  static String size(long bytes) {
    long mib = 1024L * 1024;
    if (bytes != 0 && bytes % mib == 0) {
      return bytes / mib + "MiB";
    }
    if (bytes != 0 && bytes % 1024 == 0) {
      return bytes / 1024 + "KiB";
    }
    return Long.toString(bytes);
  }
}
