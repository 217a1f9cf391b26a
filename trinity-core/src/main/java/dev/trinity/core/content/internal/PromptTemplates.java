package dev.trinity.core.content.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.trinity.api.content.TextCase;
import dev.trinity.api.content.Theme;
import dev.trinity.api.content.ThemeRules;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The content engine's prompts, from {@code prompts.yaml} and {@code content-schema.json}: the
 * system prompt for a theme, the user message carrying the portfolio, and the repair message
 * listing an answer's problems.
 */
public final class PromptTemplates {
  /** Opens the portfolio in the user message. */
  public static final String PORTFOLIO_OPEN = "<<<PORTFOLIO";

  /** Closes the portfolio in the user message. */
  public static final String PORTFOLIO_CLOSE = "PORTFOLIO>>>";

  /** The name the JSON schema is sent under. */
  public static final String SCHEMA_NAME = "site_content";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

  private static final PromptTemplates BUNDLED =
      new PromptTemplates(
          ContentJson.resource("prompts.yaml"), ContentJson.resource("content-schema.json"));

  private final String version;
  private final String system;
  private final String user;
  private final String repair;
  private final String repairTruncated;
  private final String schema;

  PromptTemplates(String yaml, String schema) {
    JsonNode root;
    try {
      root = ContentJson.YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("prompts.yaml is not valid YAML", e);
    }
    this.system = field(root, "system");
    this.user = field(root, "user");
    this.repair = field(root, "repair");
    this.repairTruncated = field(root, "repair_truncated");
    this.schema = schema.strip();
    int open = user.indexOf(PORTFOLIO_OPEN);
    int body = user.indexOf("{{portfolio}}");
    int close = user.indexOf(PORTFOLIO_CLOSE);
    if (open < 0 || body < open || close < body) {
      throw new IllegalStateException(
          "prompts.yaml: the user template must put {{portfolio}} between "
              + PORTFOLIO_OPEN
              + " and "
              + PORTFOLIO_CLOSE);
    }
    this.version = field(root, "version") + "+" + digest(yaml + "\n" + this.schema);
  }

  /**
   * The templates bundled with Trinity.
   *
   * @return the templates
   */
  public static PromptTemplates bundled() {
    return BUNDLED;
  }

  /**
   * The prompt version sent with every request: the declared version plus a hash of the templates
   * and the schema, so that any edit changes the cache key.
   *
   * @return such as {@code content-1+3fa2b1c09d2e}
   */
  public String version() {
    return version;
  }

  /**
   * The content JSON Schema, as sent in the response format.
   *
   * @return the schema text
   */
  public String schema() {
    return schema;
  }

  /**
   * The system prompt for a theme.
   *
   * @param theme the theme
   * @return the prompt
   */
  public String system(Theme theme) {
    ThemeRules r = theme.rules();
    Map<String, String> values = new HashMap<>();
    values.put("theme", theme.name());
    values.put("theme_description", theme.description());
    values.put("theme_voice", theme.voice());
    values.put("heading_case", describe(r.headingCase()));
    values.put("text_case", describe(r.textCase()));
    values.put("max_brand_name_length", String.valueOf(r.maxBrandNameLength()));
    values.put("max_tagline_length", String.valueOf(r.maxTaglineLength()));
    values.put("max_hero_title_length", String.valueOf(r.maxHeroTitleLength()));
    values.put("max_hero_subtitle_length", String.valueOf(r.maxHeroSubtitleLength()));
    values.put("max_description_length", String.valueOf(r.maxDescriptionLength()));
    values.put("max_repos", String.valueOf(r.maxRepos()));
    values.put("schema", schema);
    return fill(system, values);
  }

  /**
   * The user message carrying the portfolio.
   *
   * @param theme the theme
   * @param portfolio the portfolio text, already trimmed to the budget
   * @return the message
   */
  public String user(Theme theme, String portfolio) {
    return fill(user, Map.of("theme", theme.name(), "portfolio", portfolio));
  }

  /**
   * The message asking the model to fix its answer.
   *
   * @param errors the problems, as {@code path: what is wrong}
   * @return the message
   */
  public String repair(List<String> errors) {
    return fill(
        repair,
        Map.of("errors", errors.stream().map(e -> "- " + e).collect(Collectors.joining("\n"))));
  }

  /**
   * The message asking the model for a shorter answer after one was cut off.
   *
   * @param chars the length of the cut-off answer, in characters
   * @param maxRepos the most projects the shorter answer should have
   * @param maxDescriptionLength the longest description it should have
   * @return the message
   */
  public String repairTruncated(int chars, int maxRepos, int maxDescriptionLength) {
    return fill(
        repairTruncated,
        Map.of(
            "chars",
            String.valueOf(chars),
            "max_repos",
            String.valueOf(maxRepos),
            "max_description_length",
            String.valueOf(maxDescriptionLength)));
  }

  /** Replaces each placeholder once; the text put in is not scanned again. */
  static String fill(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder(template.length() + 256);
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException("prompt template has an unknown placeholder " + m.group());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String describe(TextCase c) {
    switch (c) {
      case UPPER:
        return "UPPER CASE";
      case LOWER:
        return "lower case";
      case TITLE:
        return "Title Case";
      case SENTENCE:
        return "Sentence case";
      case AS_IS:
      default:
        return "as the voice suggests";
    }
  }

  private static String field(JsonNode root, String name) {
    JsonNode n = root == null ? null : root.get(name);
    if (n == null || !n.isTextual() || n.asText().isBlank()) {
      throw new IllegalStateException("prompts.yaml: '" + name + "' is missing");
    }
    return n.asText();
  }

  private static String digest(String text) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
