package dev.trinity.core.content;

import static dev.trinity.core.PipelineHarness.resultOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trinity.api.ConfigurationException;
import dev.trinity.api.content.AsyncContentEngine;
import dev.trinity.api.content.ContentRequest;
import dev.trinity.api.content.ContentSource;
import dev.trinity.api.content.Fallback;
import dev.trinity.api.content.GeneratedContent;
import dev.trinity.api.content.Link;
import dev.trinity.api.content.SafeLinks;
import dev.trinity.core.PipelineHarness;
import dev.trinity.core.PipelineHarness.Wire;
import dev.trinity.core.Trinity;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Links with markup or a script scheme never reach {@code SiteContent} or its JSON: a project URL
 * or a menu item is dropped with a warning, a call to action goes back to the model.
 */
class ContentLinksTest {
  static final String XSS = "https://example.com/\\\"><script>alert(1)</script>";

  /** The valid answer with its first project's URL and its menu replaced. */
  static String answerWith(String repoUrl, String menuUrl) {
    return PipelineHarness.VALID
        .replace("https://github.com/adakowalska/kube-janitor-rs", repoUrl)
        .replace(
            "\"menu_items\":[{\"label\":\"Projects\",\"url\":\"#projects\"}]",
            "\"menu_items\":[{\"label\":\"Projects\",\"url\":\"#projects\"},"
                + "{\"label\":\"Blog\",\"url\":\""
                + menuUrl
                + "\"}]");
  }

  @Test
  void markupInAProjectUrlOrAMenuLinkIsDroppedWithAWarningAndNeverReachesTheJson() {
    try (PipelineHarness h = new PipelineHarness(Wire.OLLAMA)) {
      h.server.enqueue(h.answer(answerWith(XSS, "JaVaScRiPt:alert(document.cookie)")));
      AsyncContentEngine engine = h.engine();

      GeneratedContent result =
          resultOf(engine.generateAsync(PipelineHarness.PORTFOLIO, engine.theme("editorial")));

      assertThat(result.repairs()).isZero();
      assertThat(result.content().repos().get(0).url()).isNull();
      assertThat(result.content().repos().get(1).url())
          .isEqualTo("https://github.com/adakowalska/pgwatch-lite");
      assertThat(result.content().menuItems()).extracting(Link::url).containsExactly("#projects");
      assertThat(result.warnings())
          .containsExactly(
              "repos[0].url: link dropped: contains a quote (\")",
              "menu_items[1]: link dropped: its url uses the javascript: scheme; only http, https"
                  + " and mailto are allowed");
      String json = ContentEngines.toJson(result.content());
      assertThat(json).doesNotContain("<script", "javascript", "JaVaScRiPt");
      assertThat(
              Stream.concat(
                      result.content().repos().stream().map(p -> p.url()),
                      result.content().menuItems().stream().map(Link::url))
                  .filter(u -> u != null))
          .allMatch(SafeLinks::isAllowed);
    }
  }

  @Test
  void aCallToActionWithMarkupIsSentBackToTheModelWithTheReason() {
    String badCta =
        PipelineHarness.VALID.replace(
            "\"cta_primary\":{\"label\":\"See the projects\",\"url\":\"#projects\"}",
            "\"cta_primary\":{\"label\":\"See the projects\","
                + "\"url\":\"https://github.com/example/</p>\"}");
    try (PipelineHarness h = new PipelineHarness(Wire.OPENAI)) {
      h.server.enqueue(h.answer(badCta));
      h.server.enqueue(h.answer(PipelineHarness.VALID));
      AsyncContentEngine engine = h.engine();

      GeneratedContent result =
          resultOf(engine.generateAsync(PipelineHarness.PORTFOLIO, engine.theme("enterprise")));

      assertThat(result.repairs()).isEqualTo(1);
      assertThat(result.content().hero().ctaPrimary().url()).isEqualTo("#projects");
      h.takeBody();
      assertThat(h.messages(h.takeBody()).get(3).getValue())
          .contains("- hero.cta_primary.url: contains an angle bracket (<)");
    }
  }

  @Test
  void aHostsFallbackContentWithARefusedLinkIsRejectedNotEdited() {
    String json =
        "{\"brand_name\":\"Ada\",\"hero\":{\"title\":\"Hi\",\"subtitle\":\"Tools.\"},"
            + "\"repos\":[{\"name\":\"x\",\"description\":\"d\",\"url\":\"javascript:alert(1)\"}]}";

    assertThatThrownBy(() -> ContentEngines.parseContent(json))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("repos[0].url: link dropped: uses the javascript: scheme");
  }

  static final String HOSTILE_PORTFOLIO =
      "# Ada Kowalska\n\n## Projects\n\n"
          + "### pgwatch-lite\nPostgreSQL metrics collector.\n"
          + "URL: https://github.com/ada/pgwatch-lite\u202egnp.exe\nStars: 412\n\n"
          + "### slowlog-explain\nSlow logs to EXPLAIN plans.\n"
          + "URL: https://github.com/ada/slowlog-explain\n";

  static void assertEveryLinkIsSafe(GeneratedContent result) {
    List<String> urls = new ArrayList<>();
    result.content().repos().forEach(p -> urls.add(p.url()));
    result.content().menuItems().forEach(l -> urls.add(l.url()));
    urls.add(result.content().cta() == null ? null : result.content().cta().url());
    urls.add(
        result.content().hero().ctaPrimary() == null
            ? null
            : result.content().hero().ctaPrimary().url());
    urls.add(
        result.content().hero().ctaSecondary() == null
            ? null
            : result.content().hero().ctaSecondary().url());
    assertThat(urls.stream().filter(u -> u != null)).allMatch(SafeLinks::isAllowed);
    assertThat(ContentEngines.toJson(result.content())).doesNotContain("\u202e");
  }

  @Test
  void contentWithoutAModelHasOnlySafeLinksToo() {
    try (PipelineHarness h = new PipelineHarness(Wire.OLLAMA)) {
      h.server.enqueue(PipelineHarness.status(503));
      AsyncContentEngine engine = h.engine(b -> b.fallback(Fallback.offline()));

      GeneratedContent fallback =
          resultOf(engine.generateAsync(ContentRequest.ofText(HOSTILE_PORTFOLIO, "hacker")));

      assertThat(fallback.source()).isEqualTo(ContentSource.FALLBACK);
      assertEveryLinkIsSafe(fallback);
    }
    try (Trinity offline = OfflineAndFallbackTest.offline()) {
      GeneratedContent generated =
          ContentEngines.create(offline)
              .generate(ContentRequest.ofText(HOSTILE_PORTFOLIO, "hacker"));

      assertThat(generated.source()).isEqualTo(ContentSource.OFFLINE);
      assertEveryLinkIsSafe(generated);
    }
  }
}
