package dev.trinity.core.content.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.trinity.api.ConfigurationException;
import dev.trinity.api.InvalidInputException;
import dev.trinity.api.content.TextCase;
import dev.trinity.api.content.Theme;
import dev.trinity.api.content.ThemeRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The themes an engine knows, by name: the built-in ones from {@code themes.yaml}, then the host's,
 * which replace built-in themes of the same name.
 *
 * <p>Theme files look like the bundled one:
 *
 * <pre>{@code
 * themes:
 *   neon:
 *     description: ...
 *     voice: ...
 *     rules: { heading_case: upper, max_tagline_length: 80 }   # unset rules keep the defaults
 * }</pre>
 */
public final class ThemeCatalog {
  private static final Set<String> THEME_KEYS = Set.of("description", "voice", "rules");
  private static final Set<String> RULE_KEYS =
      Set.of(
          "heading_case",
          "text_case",
          "project_name_case",
          "max_brand_name_length",
          "max_tagline_length",
          "max_hero_title_length",
          "max_hero_subtitle_length",
          "max_description_length",
          "max_repos",
          "max_tags");

  private static final List<Theme> BUILT_IN =
      parse(ContentJson.resource("themes.yaml"), "themes.yaml (built in)");

  private final Map<String, Theme> themes;

  private ThemeCatalog(Map<String, Theme> themes) {
    this.themes = themes;
  }

  /**
   * The built-in themes plus the given ones, which win on a name clash.
   *
   * @param extra the host's themes
   * @return the catalog
   */
  public static ThemeCatalog of(Collection<Theme> extra) {
    Map<String, Theme> all = new TreeMap<>();
    BUILT_IN.forEach(t -> all.put(t.name(), t));
    extra.forEach(t -> all.put(t.name(), t));
    return new ThemeCatalog(Map.copyOf(all));
  }

  /**
   * The bundled themes: brutalist, editorial, enterprise, hacker, minimalist.
   *
   * @return an unmodifiable list, sorted by name
   */
  public static List<Theme> builtIn() {
    return BUILT_IN;
  }

  /**
   * Every theme, sorted by name.
   *
   * @return an unmodifiable list
   */
  public List<Theme> all() {
    return themes.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
  }

  /**
   * Looks a theme up.
   *
   * @param name the theme's name, in any letter case ({@code Brutalist} finds {@code brutalist});
   *     surrounding white space is ignored
   * @return the theme
   * @throws InvalidInputException naming the known themes when there is none by that name
   */
  public Theme get(String name) {
    Theme t = themes.get(name.strip().toLowerCase(Locale.ROOT));
    if (t == null) {
      throw new InvalidInputException(
          "theme", "unknown theme '" + name + "'; known themes: " + String.join(", ", names()));
    }
    return t;
  }

  private List<String> names() {
    return themes.keySet().stream().sorted().toList();
  }

  /**
   * Reads a host's theme file.
   *
   * @param file a YAML file shaped like the bundled {@code themes.yaml}
   * @return its themes, sorted by name
   * @throws ConfigurationException naming the file and the key when it cannot be read or is wrong
   */
  public static List<Theme> load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigurationException("themes", "theme file " + file + " does not exist", e);
    } catch (IOException e) {
      throw new ConfigurationException(
          "themes", "theme file " + file + " could not be read: " + e, e);
    }
    return parse(text, file.toString());
  }

  static List<Theme> parse(String yaml, String source) {
    JsonNode root;
    try {
      root = ContentJson.YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new ConfigurationException(
          "themes", source + " is not valid YAML: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.path("themes").isObject() || root.path("themes").isEmpty()) {
      throw new ConfigurationException("themes", source + " must have a 'themes:' map of themes");
    }
    unknownKeys(root, Set.of("themes"), "", source);
    List<Theme> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : root.get("themes").properties()) {
      out.add(theme(e.getKey(), e.getValue(), source));
    }
    out.sort((a, b) -> a.name().compareTo(b.name()));
    return List.copyOf(out);
  }

  private static Theme theme(String name, JsonNode node, String source) {
    String key = "themes." + name;
    if (!node.isObject()) {
      throw new ConfigurationException(key, "in " + source + ": must be a map");
    }
    unknownKeys(node, THEME_KEYS, key + ".", source);
    ThemeRules rules = rules(node.path("rules"), key + ".rules", source);
    try {
      return new Theme(
          name,
          requiredText(node, "description", key, source),
          requiredText(node, "voice", key, source),
          rules);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(key, "in " + source + ": " + e.getMessage(), e);
    }
  }

  private static ThemeRules rules(JsonNode node, String key, String source) {
    if (node.isMissingNode() || node.isNull()) {
      return ThemeRules.ofDefaults();
    }
    if (!node.isObject()) {
      throw new ConfigurationException(key, "in " + source + ": must be a map");
    }
    unknownKeys(node, RULE_KEYS, key + ".", source);
    ThemeRules.Builder b = ThemeRules.builder();
    if (node.has("heading_case")) {
      b.headingCase(textCase(node, "heading_case", key, source));
    }
    if (node.has("text_case")) {
      b.textCase(textCase(node, "text_case", key, source));
    }
    if (node.has("project_name_case")) {
      b.projectNameCase(textCase(node, "project_name_case", key, source));
    }
    @Nullable Integer v;
    if ((v = number(node, "max_brand_name_length", key, source)) != null) {
      b.maxBrandNameLength(v);
    }
    if ((v = number(node, "max_tagline_length", key, source)) != null) {
      b.maxTaglineLength(v);
    }
    if ((v = number(node, "max_hero_title_length", key, source)) != null) {
      b.maxHeroTitleLength(v);
    }
    if ((v = number(node, "max_hero_subtitle_length", key, source)) != null) {
      b.maxHeroSubtitleLength(v);
    }
    if ((v = number(node, "max_description_length", key, source)) != null) {
      b.maxDescriptionLength(v);
    }
    if ((v = number(node, "max_repos", key, source)) != null) {
      b.maxRepos(v);
    }
    if ((v = number(node, "max_tags", key, source)) != null) {
      b.maxTags(v);
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      String rule = e.getMessage() == null ? "" : e.getMessage().split(" ", 2)[0];
      throw new ConfigurationException(
          RULE_KEYS.contains(rule) ? key + "." + rule : key,
          "in " + source + ": " + e.getMessage(),
          e);
    }
  }

  private static TextCase textCase(JsonNode node, String field, String key, String source) {
    String value = node.get(field).asText("");
    try {
      return TextCase.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(
          key + "." + field,
          "in "
              + source
              + ": must be one of as_is, upper, lower, title, sentence; was '"
              + value
              + "'",
          null);
    }
  }

  private static @Nullable Integer number(JsonNode node, String field, String key, String source) {
    JsonNode v = node.get(field);
    if (v == null) {
      return null;
    }
    if (!v.canConvertToInt() || !v.isIntegralNumber()) {
      throw new ConfigurationException(
          key + "." + field, "in " + source + ": must be a whole number, was '" + v.asText() + "'");
    }
    return v.intValue();
  }

  private static String requiredText(JsonNode node, String field, String key, String source) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new ConfigurationException(key + "." + field, "in " + source + ": is required text");
    }
    return v.asText().strip();
  }

  private static void unknownKeys(JsonNode node, Set<String> known, String prefix, String source) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      if (!known.contains(n)) {
        throw new ConfigurationException(
            prefix + n,
            "in "
                + source
                + ": unknown key; expected one of "
                + String.join(", ", known.stream().sorted().toList()));
      }
    }
  }
}
