package dev.trinity.core.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trinity.api.content.Hero;
import dev.trinity.api.content.Link;
import dev.trinity.api.content.Project;
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
            "repos[0].stars: must be >= 0",
            "repos[0].language: must be a string, was an integer",
            "repos[1].description: is required",
            "cta.url: uses the javascript: scheme; only http, https and mailto are allowed");
    assertThat(r.warnings())
        .containsExactly(
            "repos[0].url: link dropped: is relative; write an absolute https:// URL, a mailto:"
                + " link or a #anchor");
  }

  @Test
  void refusedProjectUrlsAndMenuItemsAreDroppedWithAWarning() throws Exception {
    ObjectNode o = valid();
    ObjectNode repo = (ObjectNode) o.get("repos").get(0);
    repo.put("url", "https://github.com/example/</p>");
    ((ArrayNode) o.get("repos"))
        .addObject()
        .put("name", "second")
        .put("description", "d")
        .put("url", "mailto:ada@example.dev");
    ArrayNode menu = o.putArray("menu_items");
    menu.addObject().put("label", "About").put("url", "#about");
    menu.addObject().put("label", "Evil").put("url", "javascript:alert(1)");
    menu.addObject().put("label", "Blog").put("url", "https://blog.example.dev/\"><x>");

    SiteContentValidator.Result r = SiteContentValidator.validate(o);

    assertThat(r.errors()).isEmpty();
    assertThat(r.content().repos().get(0).url()).isNull();
    assertThat(r.content().repos().get(1).url()).isNull();
    assertThat(r.content().menuItems()).extracting(l -> l.label()).containsExactly("About");
    assertThat(r.warnings())
        .containsExactly(
            "repos[0].url: link dropped: contains an angle bracket (<)",
            "repos[1].url: link dropped: is not an http(s):// URL, which a project's URL must be",
            "menu_items[1]: link dropped: its url uses the javascript: scheme; only http, https"
                + " and mailto are allowed",
            "menu_items[2]: link dropped: its url contains a quote (\")");
  }

  @Test
  void refusedCallToActionLinksAreErrorsForTheRepairRound() throws Exception {
    ObjectNode o = valid();
    ((ObjectNode) o.get("hero"))
        .putObject("cta_primary")
        .put("label", "Go")
        .put("url", "https://example.com/\"><script>alert(1)</script>");
    ((ObjectNode) o.get("hero"))
        .putObject("cta_secondary")
        .put("label", "Old")
        .put("url", "//evil.com");
    o.putObject("cta").put("label", "Mail").put("url", "data:text/html;base64,PHNjcmlwdD4=");

    SiteContentValidator.Result r = SiteContentValidator.validate(o);

    assertThat(r.content()).isNull();
    assertThat(r.errors())
        .containsExactly(
            "hero.cta_primary.url: contains a quote (\")",
            "hero.cta_secondary.url: is protocol-relative (//host); write it with https://",
            "cta.url: uses the data: scheme; only http, https and mailto are allowed");
  }

  @Test
  void contentBuiltElsewhereLosesEveryRefusedLinkWithAWarning() {
    SiteContent c =
        new SiteContent(
            "Ada",
            null,
            new Hero(
                "T",
                "S",
                new Link("Go", "#projects"),
                new Link("Profile", "https://github.com/ada\u202e")),
            java.util.List.of(
                new Project("a", "d", "https://github.com/ada/a", null, null, null),
                new Project("b", "d", "javascript:alert(1)", null, null, null)),
            java.util.List.of(new Link("Home", "#top"), new Link("Old", "/about")),
            new Link("Mail", "mailto:ada@example.dev"));
    java.util.List<String> warnings = new java.util.ArrayList<>();

    SiteContent safe = SiteContentValidator.withSafeLinks(c, warnings);

    assertThat(safe.hero().ctaPrimary()).isEqualTo(c.hero().ctaPrimary());
    assertThat(safe.hero().ctaSecondary()).isNull();
    assertThat(safe.repos().get(0).url()).isEqualTo("https://github.com/ada/a");
    assertThat(safe.repos().get(1).url()).isNull();
    assertThat(safe.menuItems()).extracting(Link::label).containsExactly("Home");
    assertThat(safe.cta()).isEqualTo(c.cta());
    assertThat(warnings)
        .containsExactly(
            "hero.cta_secondary: link dropped: its url contains an invisible formatting character"
                + " (U+202E)",
            "repos[1].url: link dropped: uses the javascript: scheme; only http, https and mailto"
                + " are allowed",
            "menu_items[1]: link dropped: its url is relative; write an absolute https:// URL, a"
                + " mailto: link or a #anchor");
    java.util.List<String> none = new java.util.ArrayList<>();
    assertThat(SiteContentValidator.withSafeLinks(safe, none)).isSameAs(safe);
    assertThat(none).isEmpty();
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
