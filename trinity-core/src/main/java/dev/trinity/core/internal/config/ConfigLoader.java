package dev.trinity.core.internal.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.trinity.api.ConfigurationException;
import dev.trinity.core.TrinityConfig;
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
      Set.of("llm", "retry", "circuit_breaker", "concurrency_limit", "cache", "logging", "fleet");

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
    top.section("llm").ifPresent(s -> config.llm(SectionReaders.llm(s)));
    top.section("retry").ifPresent(s -> config.retry(SectionReaders.retry(s)));
    top.section("circuit_breaker")
        .ifPresent(s -> config.circuitBreaker(SectionReaders.circuitBreaker(s)));
    config.concurrencyLimit(
        SectionReaders.concurrencyLimit(top.section("concurrency_limit"), top.section("llm")));
    top.section("cache").ifPresent(s -> config.cache(SectionReaders.cache(s)));
    top.section("logging").ifPresent(s -> config.logging(SectionReaders.logging(s)));
    top.section("fleet").ifPresent(s -> config.fleet(SectionReaders.fleet(s)));
    return config.build();
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
    m.put("FLEET_ENABLED", "fleet.enabled");
    return Map.copyOf(m);
  }
}
