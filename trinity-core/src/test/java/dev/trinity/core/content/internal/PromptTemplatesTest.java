package dev.trinity.core.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trinity.api.content.Theme;
import dev.trinity.api.content.ThemeRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptTemplatesTest {
  static final Theme BRUTALIST = ThemeCatalog.of(List.of()).get("brutalist");

  @Test
  void theSystemPromptCarriesTheThemeItsLimitsAndTheSchema() {
    String system = PromptTemplates.bundled().system(BRUTALIST);

    assertThat(system)
        .contains("\"brutalist\" theme")
        .contains(BRUTALIST.description())
        .contains(BRUTALIST.voice())
        .contains("at most 6 projects")
        .contains("tagline: at most 60 characters")
        .contains("Headings and labels: UPPER CASE")
        .contains(PromptTemplates.bundled().schema())
        .doesNotContain("{{");
  }

  @Test
  void thePortfolioGoesBetweenTheMarkersAndIsNeverExpanded() {
    String user = PromptTemplates.bundled().user(BRUTALIST, "my {{theme}} portfolio $1 \\n");

    assertThat(user)
        .contains(PromptTemplates.PORTFOLIO_OPEN + "\nmy {{theme}} portfolio $1 \\n\n")
        .endsWith(PromptTemplates.PORTFOLIO_CLOSE);
  }

  @Test
  void theRepairMessageListsEveryProblem() {
    String repair =
        PromptTemplates.bundled().repair(List.of("hero.title: is required", "repos: too many"));

    assertThat(repair).contains("- hero.title: is required\n- repos: too many");
  }

  @Test
  void theVersionChangesWhenATemplateChanges() {
    String yaml = ContentJson.resource("prompts.yaml");
    String schema = ContentJson.resource("content-schema.json");

    PromptTemplates same = new PromptTemplates(yaml, schema);
    PromptTemplates edited =
        new PromptTemplates(yaml.replace("one JSON object", "a JSON object"), schema);

    assertThat(same.version())
        .isEqualTo(PromptTemplates.bundled().version())
        .startsWith("content-1+");
    assertThat(edited.version()).isNotEqualTo(same.version());
  }

  @Test
  void theSchemaDescribesExactlyTheContentModel() throws Exception {
    JsonNode schema = ContentJson.JSON.readTree(PromptTemplates.bundled().schema());
    JsonNode sample = ContentJson.JSON.valueToTree(ThemeStylerTest.content(1));

    assertThat(names(schema.get("properties"))).isEqualTo(names(sample));
    assertThat(names(schema.at("/properties/hero/properties")))
        .isEqualTo(names(sample.get("hero")));
    assertThat(names(schema.at("/properties/repos/items/properties")))
        .isEqualTo(names(sample.at("/repos/0")));
    assertThat(schema.at("/properties/repos/maxItems").asInt()).isEqualTo(20);
    assertThat(schema.at("/properties/repos/minItems").asInt()).isEqualTo(1);
  }

  @Test
  void everyObjectInTheSchemaIsClosedAndRequiresAllItsFieldsForStrictProviders() throws Exception {
    JsonNode schema = ContentJson.JSON.readTree(PromptTemplates.bundled().schema());
    List<JsonNode> objects = new ArrayList<>();
    collectObjects(schema, objects);

    assertThat(objects).hasSizeGreaterThan(5);
    assertThat(objects)
        .allSatisfy(
            o -> {
              assertThat(o.get("additionalProperties").asBoolean(true)).isFalse();
              assertThat(names(o.get("required"))).isEqualTo(names(o.get("properties")));
            });
  }

  @Test
  void placeholdersAreFilledInOnePass() {
    assertThat(PromptTemplates.fill("{{a}} and {{b}}", Map.of("a", "{{b}}", "b", "x")))
        .isEqualTo("{{b}} and x");
  }

  @Test
  void limitsInThePromptFollowTheThemesRules() {
    Theme tiny = new Theme("tiny", "Tiny.", "Few words.", ThemeRules.builder().maxRepos(2).build());

    assertThat(PromptTemplates.bundled().system(tiny)).contains("at most 2 projects");
  }

  private static List<String> names(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(n -> out.add(n.asText()));
    } else {
      node.fieldNames().forEachRemaining(out::add);
    }
    out.sort(null);
    return out;
  }

  private static void collectObjects(JsonNode node, List<JsonNode> out) {
    if (node.isObject()) {
      if ("object".equals(node.path("type").asText())) {
        out.add(node);
      }
      node.forEach(child -> collectObjects(child, out));
    } else if (node.isArray()) {
      node.forEach(child -> collectObjects(child, out));
    }
  }
}
