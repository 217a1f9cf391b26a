package dev.trinity.core.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trinity.api.content.SiteContent;
import org.junit.jupiter.api.Test;

class SiteContentValidatorTest {
  static final String VALID =
      "{\"brand_name\":\"Ada Kowalska\",\"tagline\":\"Tools for Postgres people\","
          + "\"hero\":{\"title\":\"Observability, minus the noise\",\"subtitle\":\"Small tools.\","
          + "\"cta_primary\":{\"label\":\"Projects\",\"url\":\"#projects\"},\"cta_secondary\":null},"
          + "\"repos\":[{\"name\":\"pgwatch-lite\",\"description\":\"Metrics collector\","
          + "\"url\":\"https://github.com/ada/pgwatch-lite\",\"stars\":412,\"language\":\"Go\","
          + "\"tags\":[\"postgres\"]}],"
          + "\"menu_items\":[{\"label\":\"About\",\"url\":\"#about\"}],"
          + "\"cta\":{\"label\":\"Mail me\",\"url\":\"mailto:ada@example.dev\"}}";

  static ObjectNode valid() throws Exception {
    return (ObjectNode) ContentJson.JSON.readTree(VALID);
  }

  @Test
  void aValidObjectBecomesContent() throws Exception {
    SiteContentValidator.Result r = SiteContentValidator.validate(valid());

    assertThat(r.errors()).isEmpty();
    SiteContent c = r.content();
    assertThat(c.brandName()).isEqualTo("Ada Kowalska");
    assertThat(c.hero().ctaPrimary().url()).isEqualTo("#projects");
    assertThat(c.hero().ctaSecondary()).isNull();
    assertThat(c.repos().get(0).stars()).isEqualTo(412);
    assertThat(c.cta().url()).isEqualTo("mailto:ada@example.dev");
  }

  @Test
  void optionalFieldsMayBeLeftOut() throws Exception {
    ObjectNode o = valid();
    o.remove("tagline");
    o.remove("menu_items");
    o.remove("cta");
    ((ObjectNode) o.get("repos").get(0)).remove(java.util.List.of("url", "stars", "tags"));

    SiteContentValidator.Result r = SiteContentValidator.validate(o);

    assertThat(r.errors()).isEmpty();
    assertThat(r.content().menuItems()).isEmpty();
    assertThat(r.content().repos().get(0).tags()).isEmpty();
  }

  @Test
  void everyViolationIsReportedWithItsFieldPath() throws Exception {
    ObjectNode o = valid();
    o.put("brand_name", "x".repeat(101));
    ((ObjectNode) o.get("hero")).remove("title");
    ((ObjectNode) o.get("hero")).put("subtitle", "   ");
    ObjectNode repo = (ObjectNode) o.get("repos").get(0);
    repo.put("stars", -3);
    repo.put("url", "github.com/ada/pgwatch-lite");
    repo.put("language", 7);
    ((ArrayNode) o.get("repos")).addObject().put("name", "second");
    o.putObject("cta").put("label", "Go").put("url", "javascript:alert(1)");

    SiteContentValidator.Result r = SiteContentValidator.validate(o);

    assertThat(r.valid()).isFalse();
    assertThat(r.content()).isNull();
    assertThat(r.errors())
        .containsExactly(
            "brand_name: must be at most 100 characters, was 101",
            "hero.title: is required",
            "hero.subtitle: must not be empty",
            "repos[0].url: must be an absolute http:// or https:// URL, or null",
            "repos[0].stars: must be >= 0",
            "repos[0].language: must be a string, was an integer",
            "repos[1].description: is required",
            "cta.url: must be an http(s) URL, a #anchor, a /path or a mailto: link");
  }

  @Test
  void projectCountsOutsideOneToTwentyAreRejected() throws Exception {
    ObjectNode none = valid();
    none.putArray("repos");
    ObjectNode many = valid();
    ArrayNode repos = many.putArray("repos");
    for (int i = 0; i < 21; i++) {
      repos.addObject().put("name", "p" + i).put("description", "d");
    }

    assertThat(SiteContentValidator.validate(none).errors())
        .containsExactly("repos: must have at least 1 project");
    assertThat(SiteContentValidator.validate(many).errors())
        .containsExactly("repos: must have at most 20 projects, had 21");
  }

  @Test
  void wrongTypesSayWhatWasFound() throws Exception {
    ObjectNode o = valid();
    o.put("hero", "big title");
    o.put("repos", 3);
    o.putArray("menu_items").add("Home");
    ((ObjectNode) o).set("brand_name", ContentJson.JSON.readTree("[\"a\"]"));

    assertThat(SiteContentValidator.validate(o).errors())
        .containsExactly(
            "brand_name: must be a string, was an array",
            "hero: must be an object, was a string",
            "repos: must be an array, was an integer",
            "menu_items[0]: must be an object with label and url, was a string");
  }

  @Test
  void aWholeNumberWrittenAsDecimalCountsAsStars() throws Exception {
    ObjectNode o = valid();
    ((ObjectNode) o.get("repos").get(0)).put("stars", 12.0);
    JsonNode half = ContentJson.JSON.readTree("12.5");
    ObjectNode p = valid();
    ((ObjectNode) p.get("repos").get(0)).set("stars", half);

    assertThat(SiteContentValidator.validate(o).content().repos().get(0).stars()).isEqualTo(12);
    assertThat(SiteContentValidator.validate(p).errors())
        .containsExactly("repos[0].stars: must be a whole number or null, was a decimal number");
  }

  @Test
  void longListsOfProblemsAreCapped() throws Exception {
    ObjectNode o = valid();
    ArrayNode repos = o.putArray("repos");
    for (int i = 0; i < 20; i++) {
      repos.addObject().put("name", "").put("description", "");
    }

    assertThat(SiteContentValidator.validate(o).errors())
        .hasSize(SiteContentValidator.MAX_ERRORS + 1)
        .last()
        .isEqualTo("(20 more problems not listed)");
  }
}
