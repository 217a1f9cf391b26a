package dev.trinity.core.content;

import static dev.trinity.core.PipelineHarness.failureOf;
import static dev.trinity.core.PipelineHarness.kv;
import static dev.trinity.core.PipelineHarness.resultOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.trinity.api.ConfigurationException;
import dev.trinity.api.InvalidInputException;
import dev.trinity.api.LlmProviderFactory;
import dev.trinity.api.ProviderException;
import dev.trinity.api.content.AsyncContentEngine;
import dev.trinity.api.content.ContentEngine;
import dev.trinity.api.content.ContentRequest;
import dev.trinity.api.content.ContentSource;
import dev.trinity.api.content.Fallback;
import dev.trinity.api.content.GeneratedContent;
import dev.trinity.api.content.Project;
import dev.trinity.core.LlmConfig;
import dev.trinity.core.PipelineHarness;
import dev.trinity.core.PipelineHarness.Wire;
import dev.trinity.core.Trinity;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Content without a model: the offline provider, and the fallback when the model path fails. */
class OfflineAndFallbackTest {
  @TempDir Path dir;

  static Path fixture() {
    try {
      return Path.of(
          OfflineAndFallbackTest.class
              .getResource("/portfolios/github-dashboard-fixture.txt")
              .toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Trinity offline() {
    return Trinity.builder()
        .llm(LlmConfig.builder().provider("offline").build())
        .cache(
            dev.trinity.cache.CacheConfig.builder()
                .tiers(dev.trinity.cache.TierType.MEMORY)
                .build())
        .build();
  }

  @Test
  void theOfflineProviderIsFoundByServiceLoader() {
    assertThat(
            StreamSupport.stream(ServiceLoader.load(LlmProviderFactory.class).spliterator(), false))
        .extracting(LlmProviderFactory::name)
        .contains("offline", "ollama", "openai", "llamacpp");
  }

  @Test
  void theOfflineProviderBuildsLabelledContentFromTheDashboardFixtureWithoutAServer() {
    try (Trinity trinity = offline()) {
      ContentEngine engine = ContentEngines.create(trinity);

      GeneratedContent result = engine.generate(fixture(), "brutalist");

      assertThat(result.source()).isEqualTo(ContentSource.OFFLINE);
      assertThat(result.provider()).isEqualTo("offline");
      assertThat(result.model()).isEqualTo("rule-based");
      assertThat(result.attempts()).isEqualTo(1);
      assertThat(result.content().brandName()).isEqualTo("FABRIZIOSALMI");
      assertThat(result.content().repos())
          .hasSize(6)
          .extracting(Project::name, Project::language, Project::stars)
          .startsWith(
              org.assertj.core.groups.Tuple.tuple("CERTMATE", "Python", 898),
              org.assertj.core.groups.Tuple.tuple("CADDY-WAF", "Go", 660),
              org.assertj.core.groups.Tuple.tuple("PATTERNS", "Python", 296));
      assertThat(result.content().repos().get(0).url())
          .isEqualTo("https://github.com/fabriziosalmi/certmate");
    }
  }

  @Test
  void theOfflineProviderSaysSoWhenItFindsNoProjects() {
    try (Trinity trinity = offline()) {
      Throwable failure =
          failureOf(
              ContentEngines.createAsync(trinity)
                  .generateAsync(ContentRequest.ofText("I like long walks.", "hacker")));

      assertThat(failure)
          .isInstanceOf(ProviderException.class)
          .hasMessageContaining("found no projects");
      assertThat(((ProviderException) failure).isRetryable()).isFalse();
    }
  }

  @Test
  void whenTheModelFailsTheOfflineFallbackAnswersAndSaysWhy() {
    try (PipelineHarness h = new PipelineHarness(Wire.OLLAMA)) {
      h.server.enqueue(PipelineHarness.status(503));
      AsyncContentEngine engine = h.engine(b -> b.fallback(Fallback.offline()));

      GeneratedContent result = resultOf(engine.generateAsync(fixture(), "hacker"));

      assertThat(result.source()).isEqualTo(ContentSource.FALLBACK);
      assertThat(result.provider()).isEqualTo("offline");
      assertThat(result.content().repos().get(0).name()).isEqualTo("certmate");
      assertThat(result.content().repos()).hasSize(8);
      // the hero counts the projects the theme shows, not every project found
      assertThat(result.content().hero().subtitle()).startsWith("8 projects");
      assertThat(result.warnings())
          .singleElement()
          .asString()
          .startsWith("fallback (offline) used because the model path failed:")
          .contains("503");
      ILoggingEvent warn = h.events("content_fallback_used").get(0);
      assertThat(warn.getLevel()).isEqualTo(Level.WARN);
      assertThat(kv(warn, "fallback")).isEqualTo("offline");
      assertThat(kv(warn, "error_type")).isEqualTo("ProviderException");
      assertThat(kv(h.events("content_generated").get(0), "source")).isEqualTo("fallback");
    }
  }

  @Test
  void answersStillInvalidAfterTheRepairsFallBackToo() {
    try (PipelineHarness h = new PipelineHarness(Wire.OLLAMA)) {
      h.server.enqueue(h.answer("no json here"));
      h.server.enqueue(h.answer("still none"));
      AsyncContentEngine engine = h.engine(b -> b.maxRepairs(1).fallback(Fallback.offline()));

      GeneratedContent result = resultOf(engine.generateAsync(fixture(), "minimalist"));

      assertThat(result.source()).isEqualTo(ContentSource.FALLBACK);
      assertThat(result.attempts()).isEqualTo(2);
      assertThat(result.warnings().get(0)).contains("$: the answer contains no JSON object");
    }
  }

  @Test
  void theHostsFallbackJsonIsReturnedAsGiven() {
    String json =
        "{\"brand_name\":\"Maintenance\",\"hero\":{\"title\":\"Back soon\",\"subtitle\":\"We are"
            + " updating the site.\"},\"repos\":[{\"name\":\"status\",\"description\":\"Status"
            + " page\"}]}";
    try (PipelineHarness h = new PipelineHarness(Wire.OPENAI)) {
      h.server.enqueue(PipelineHarness.status(500));
      AsyncContentEngine engine = h.engine(b -> b.fallbackJson(json));

      GeneratedContent result =
          resultOf(
              engine.generateAsync(ContentRequest.ofText(PipelineHarness.PORTFOLIO, "brutalist")));

      assertThat(result.source()).isEqualTo(ContentSource.FALLBACK);
      assertThat(result.provider()).isEqualTo(Fallback.HOST_PROVIDER).isEqualTo("host");
      assertThat(result.model()).isEqualTo(Fallback.NO_MODEL).isEqualTo("none");
      assertThat(result.content().brandName()).isEqualTo("Maintenance");
      assertThat(result.content().hero().title()).isEqualTo("Back soon");
    }
  }

  @Test
  void aRequestCanAskForTheFallbackTheEngineDoesNotHave() {
    try (PipelineHarness h = new PipelineHarness(Wire.OLLAMA)) {
      h.server.enqueue(PipelineHarness.status(503));
      h.server.enqueue(PipelineHarness.status(503));
      AsyncContentEngine engine = h.engine();

      Throwable plain = failureOf(engine.generateAsync(fixture(), "hacker"));
      GeneratedContent withFallback =
          resultOf(
              engine.generateAsync(
                  ContentRequest.builder()
                      .portfolio(fixture())
                      .theme("hacker")
                      .fallback(Fallback.offline())
                      .build()));

      assertThat(plain).isInstanceOf(ProviderException.class);
      assertThat(((ProviderException) plain).statusCode()).isEqualTo(503);
      assertThat(withFallback.source()).isEqualTo(ContentSource.FALLBACK);
    }
  }

  @Test
  void badInputNeverFallsBack() {
    try (PipelineHarness h = new PipelineHarness(Wire.OLLAMA)) {
      AsyncContentEngine engine = h.engine(b -> b.fallback(Fallback.offline()));

      Throwable failure = failureOf(engine.generateAsync(dir.resolve("missing.md"), "hacker"));

      assertThat(failure).isInstanceOf(InvalidInputException.class);
      assertThat(h.events("content_fallback_used")).isEmpty();
    }
  }

  @Test
  void fallbackJsonThatBreaksTheSchemaIsRejectedWhenTheEngineIsBuilt() {
    try (Trinity trinity = offline()) {
      ConfigurationException e =
          catchThrowableOfType(
              ConfigurationException.class,
              () ->
                  ContentEngines.builder(trinity)
                      .fallbackJson("{\"brand_name\":\"\",\"hero\":{},\"repos\":[]}"));

      assertThat(e.key()).isEqualTo("fallback");
      assertThat(e.getMessage())
          .contains("brand_name: must not be empty")
          .contains("hero.title: is required")
          .contains("repos: must have at least 1 project");
    }
  }

  @Test
  void contentRoundTripsThroughJsonWithTheOriginalNames() {
    try (Trinity trinity = offline()) {
      GeneratedContent result = ContentEngines.create(trinity).generate(fixture(), "editorial");

      String json = ContentEngines.toJson(result.content());

      assertThat(json)
          .contains("\"brand_name\"")
          .contains("\"menu_items\"")
          .contains("\"cta_primary\"")
          .contains("\"repos\"");
      assertThat(ContentEngines.parseContent(json)).isEqualTo(result.content());
    }
  }
}
