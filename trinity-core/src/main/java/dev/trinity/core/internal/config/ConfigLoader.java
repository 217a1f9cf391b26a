package dev.trinity.core.internal.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.trinity.api.ConfigurationException;
import dev.trinity.cache.CacheConfig;
import dev.trinity.cache.TierType;
import dev.trinity.core.LlmConfig;
import dev.trinity.core.TrinityConfig;
import dev.trinity.core.resilience.CircuitBreakerConfig;
import dev.trinity.core.resilience.ConcurrencyLimitConfig;
import dev.trinity.core.resilience.RetryConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link TrinityConfig} from three layers: defaults &lt; a YAML file &lt; environment
 * variables. String values in the file may use {@code ${VAR}} and {@code ${VAR:-default}}. Unknown
 * keys and bad values fail with a {@link ConfigurationException} naming the key (and the
 * environment variable, when one set it) and what is accepted.
 */
public final class ConfigLoader {
  /** Environment variables and the keys they override. */
  public static final Map<String, String> ENVIRONMENT_KEYS = environmentKeys();

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?}");
  private static final Set<String> SECTIONS =
      Set.of("llm", "retry", "circuit_breaker", "concurrency_limit", "cache", "logging");

  private ConfigLoader() {}

  /**
   * Loads a YAML file and overlays the environment.
   *
   * @param file the YAML file, or null for defaults and environment only
   * @param env the environment, usually {@link System#getenv()}
   * @return the configuration
   * @throws ConfigurationException when the file cannot be read or a key or value is wrong
   */
  public static TrinityConfig load(@Nullable Path file, Map<String, String> env) {
    if (file == null) {
      return load(null, "environment", env);
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigurationException(file.toString(), "configuration file not found", e);
    } catch (IOException e) {
      throw new ConfigurationException(file.toString(), "cannot read: " + e.getMessage(), e);
    }
    return load(text, file.toString(), env);
  }

  /**
   * Loads YAML text and overlays the environment.
   *
   * @param yaml the YAML text, or null for defaults and environment only
   * @param source the name of the text's origin, for messages
   * @param env the environment
   * @return the configuration
   * @throws ConfigurationException when a key or value is wrong
   */
  public static TrinityConfig load(@Nullable String yaml, String source, Map<String, String> env) {
    ObjectNode root = parse(yaml, source);
    interpolate(root, "", env);
    Map<String, String> origins = new HashMap<>();
    ENVIRONMENT_KEYS.forEach(
        (variable, path) -> {
          String value = env.get(variable);
          if (value != null && !value.isEmpty()) {
            put(root, path, value);
            origins.put(path, variable);
          }
        });
    ConfigValues top = new ConfigValues(root, "", origins);
    top.requireOnly(SECTIONS);
    TrinityConfig.Builder config = TrinityConfig.builder();
    top.section("llm").ifPresent(s -> config.llm(llm(s)));
    top.section("retry").ifPresent(s -> config.retry(retry(s)));
    top.section("circuit_breaker").ifPresent(s -> config.circuitBreaker(circuitBreaker(s)));
    top.section("concurrency_limit").ifPresent(s -> config.concurrencyLimit(concurrencyLimit(s)));
    top.section("cache").ifPresent(s -> config.cache(cache(s)));
    top.section("logging").ifPresent(s -> s.requireOnly(Set.of("profile", "level", "format")));
    return config.build();
  }

  private static LlmConfig llm(ConfigValues s) {
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
            "options"));
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
    s.integer("max_concurrency")
        .ifPresent(v -> s.apply("max_concurrency", () -> b.maxConcurrency(v)));
    s.bytes("max_response_size")
        .ifPresent(v -> s.apply("max_response_size", () -> b.maxResponseBytes(v)));
    s.bool("http2_cleartext").ifPresent(b::http2Cleartext);
    s.stringMap("options").forEach(b::option);
    return b.build();
  }

  private static RetryConfig retry(ConfigValues s) {
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

  private static CircuitBreakerConfig circuitBreaker(ConfigValues s) {
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

  private static ConcurrencyLimitConfig concurrencyLimit(ConfigValues s) {
    s.requireOnly(
        Set.of(
            "mode", "queue_capacity", "initial_limit", "min_limit", "max_limit", "backoff_ratio"));
    ConcurrencyLimitConfig.Builder b = ConcurrencyLimitConfig.builder();
    s.string("mode")
        .ifPresent(v -> b.mode(enumValue(s, "mode", v, ConcurrencyLimitConfig.Mode.class)));
    s.integer("queue_capacity").ifPresent(v -> s.apply("queue_capacity", () -> b.queueCapacity(v)));
    s.integer("initial_limit").ifPresent(v -> s.apply("initial_limit", () -> b.initialLimit(v)));
    s.integer("min_limit").ifPresent(v -> s.apply("min_limit", () -> b.minLimit(v)));
    s.integer("max_limit").ifPresent(v -> s.apply("max_limit", () -> b.maxLimit(v)));
    s.decimal("backoff_ratio").ifPresent(v -> s.apply("backoff_ratio", () -> b.backoffRatio(v)));
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("concurrency_limit", e.getMessage(), e);
    }
  }

  private static <E extends Enum<E>> E enumValue(
      ConfigValues s, String key, String value, Class<E> type) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(value.strip().replace('-', '_'))) {
        return e;
      }
    }
    java.util.List<String> accepted = new java.util.ArrayList<>();
    for (E e : type.getEnumConstants()) {
      accepted.add(e.name().toLowerCase(java.util.Locale.ROOT));
    }
    throw new ConfigurationException(
        s.key(key), "must be one of " + accepted + ", was '" + value + "'");
  }

  private static CacheConfig cache(ConfigValues s) {
    s.requireOnly(Set.of("enabled", "tiers", "ttl", "memory", "redis", "filesystem"));
    CacheConfig.Builder b = CacheConfig.builder();
    s.bool("enabled").ifPresent(b::enabled);
    s.list("tiers")
        .ifPresent(
            names -> {
              java.util.List<TierType> tiers = new java.util.ArrayList<>();
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
    s.section("memory")
        .ifPresent(
            m -> {
              m.requireOnly(Set.of("max_entries"));
              m.integer("max_entries")
                  .ifPresent(v -> m.apply("max_entries", () -> b.memoryMaxEntries(v)));
            });
    s.section("redis")
        .ifPresent(
            r -> {
              r.requireOnly(
                  Set.of("host", "port", "db", "password", "key_prefix", "command_timeout", "tls"));
              r.string("host").ifPresent(v -> r.apply("host", () -> b.redisHost(v)));
              r.integer("port").ifPresent(v -> r.apply("port", () -> b.redisPort(v)));
              r.integer("db").ifPresent(v -> r.apply("db", () -> b.redisDb(v)));
              r.string("password")
                  .filter(v -> !v.isEmpty())
                  .ifPresent(v -> r.apply("password", () -> b.redisPassword(v)));
              r.string("key_prefix")
                  .ifPresent(v -> r.apply("key_prefix", () -> b.redisKeyPrefix(v)));
              r.duration("command_timeout")
                  .ifPresent(v -> r.apply("command_timeout", () -> b.redisCommandTimeout(v)));
              r.bool("tls").ifPresent(v -> r.apply("tls", () -> b.redisTls(v)));
            });
    s.section("filesystem")
        .ifPresent(
            f -> {
              f.requireOnly(Set.of("directory", "max_size_mb"));
              f.string("directory")
                  .ifPresent(v -> f.apply("directory", () -> b.filesystemDirectory(Path.of(v))));
              f.integer("max_size_mb")
                  .ifPresent(v -> f.apply("max_size_mb", () -> b.filesystemMaxSizeMb(v)));
            });
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("cache", e.getMessage(), e);
    }
  }

  private static ObjectNode parse(@Nullable String yaml, String source) {
    if (yaml == null || yaml.isBlank()) {
      return JsonNodeFactory.instance.objectNode();
    }
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
      throw new ConfigurationException(source, "not valid YAML" + where, e);
    }
    if (root == null || root.isNull() || root.isMissingNode()) {
      return JsonNodeFactory.instance.objectNode();
    }
    if (!root.isObject()) {
      throw new ConfigurationException(source, "must be a mapping with sections such as llm:");
    }
    return (ObjectNode) root;
  }

  private static void interpolate(JsonNode node, String path, Map<String, String> env) {
    if (node.isObject()) {
      ObjectNode obj = (ObjectNode) node;
      Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
      Map<String, JsonNode> replaced = new LinkedHashMap<>();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
        if (e.getValue().isTextual()) {
          replaced.put(e.getKey(), new TextNode(substitute(e.getValue().asText(), p, env)));
        } else {
          interpolate(e.getValue(), p, env);
        }
      }
      obj.setAll(replaced);
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        JsonNode item = node.get(i);
        if (item.isTextual()) {
          ((com.fasterxml.jackson.databind.node.ArrayNode) node)
              .set(i, new TextNode(substitute(item.asText(), path + "[" + i + "]", env)));
        } else {
          interpolate(item, path + "[" + i + "]", env);
        }
      }
    }
  }

  private static String substitute(String text, String path, Map<String, String> env) {
    Matcher m = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = env.get(m.group(1));
      if (value == null || (value.isEmpty() && m.group(2) != null)) {
        if (m.group(2) == null) {
          throw new ConfigurationException(
              path,
              "environment variable "
                  + m.group(1)
                  + " is not set (write ${"
                  + m.group(1)
                  + ":-default} to allow that)");
        }
        value = m.group(3);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static void put(ObjectNode root, String path, String value) {
    String[] parts = path.split("\\.");
    ObjectNode node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = node.get(parts[i]);
      if (child == null || !child.isObject()) {
        child = node.putObject(parts[i]);
      }
      node = (ObjectNode) child;
    }
    node.put(parts[parts.length - 1], value);
  }

  private static Map<String, String> environmentKeys() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("LLM_PROVIDER", "llm.provider");
    m.put("LLM_API_URL", "llm.base_url");
    m.put("LLM_MODEL", "llm.model");
    m.put("LLM_API_KEY", "llm.api_key");
    m.put("LLM_TIMEOUT", "llm.timeout");
    m.put("LLM_TEMPERATURE", "llm.temperature");
    m.put("LLM_MAX_CONCURRENCY", "llm.max_concurrency");
    m.put("RETRY_MAX_ATTEMPTS", "retry.max_attempts");
    m.put("CACHE_ENABLED", "cache.enabled");
    m.put("CACHE_TTL", "cache.ttl");
    m.put("CACHE_REDIS_HOST", "cache.redis.host");
    m.put("CACHE_REDIS_PORT", "cache.redis.port");
    m.put("CACHE_REDIS_DB", "cache.redis.db");
    m.put("CACHE_REDIS_PASSWORD", "cache.redis.password");
    m.put("CACHE_DIR", "cache.filesystem.directory");
    m.put("LOG_PROFILE", "logging.profile");
    m.put("LOG_LEVEL", "logging.level");
    m.put("LOG_FORMAT", "logging.format");
    return Map.copyOf(m);
  }
}
