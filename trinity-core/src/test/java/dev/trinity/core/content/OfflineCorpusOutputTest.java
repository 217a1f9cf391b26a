package dev.trinity.core.content;

import static dev.trinity.core.PipelineHarness.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.ProviderException;
import dev.trinity.api.content.AsyncContentEngine;
import dev.trinity.api.content.ContentEngine;
import dev.trinity.api.content.ContentRequest;
import dev.trinity.api.content.GeneratedContent;
import dev.trinity.api.content.Link;
import dev.trinity.api.content.Project;
import dev.trinity.api.content.SiteContent;
import dev.trinity.core.Trinity;
import dev.trinity.core.content.internal.offline.Corpus;
import dev.trinity.core.content.internal.offline.Corpus.Entry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the offline provider puts on a page, for every portfolio of the evaluation corpus, through
 * the public content engine: no personal data and no markup in any field, the owner's name (never a
 * document title) as brand, hero figures that count the projects shown, and a clear error for a
 * portfolio without projects.
 */
class OfflineCorpusOutputTest {
  private static final List<Pattern> MARKUP =
      List.of(
          Pattern.compile("<[A-Za-z/!]"),
          Pattern.compile("!\\["),
          Pattern.compile("]\\("),
          Pattern.compile("\\*\\*"),
          Pattern.compile("__"),
          Pattern.compile("`"),
          Pattern.compile("(?m)^\\s*#{1,6}\\s"),
          Pattern.compile("\\|\\s*:?-{3,}"),
          Pattern.compile("(?i)shields\\.io|komarev|readme-stats|skillicons|capsule-render"),
          Pattern.compile("&[a-z]{2,6};"),
          Pattern.compile("(?i)align\\s*="));
  private static final List<Pattern> PERSONAL =
      List.of(
          Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.]+"),
          Pattern.compile("\\+\\d{1,3}[\\s\\d()./-]{7,}\\d"),
          Pattern.compile("(?<![\\w.])0\\d{2,4}[\\s/.-]?\\d{3}[\\d\\s]{2,}"),
          Pattern.compile(
              "(?iu)straße\\s*\\d|strasse\\s*\\d|\\bvia\\s+\\p{Lu}\\p{L}+\\s+\\d|\\brue\\b|"
                  + "\\bcalle\\b|\\bc/\\s|baker street|\\b\\d{5}\\s+\\p{Lu}\\p{L}+$"),
          Pattern.compile(
              "(?iu)geboren|date of birth|data di nascita|fecha de nacimiento|"
                  + "\\b\\d{1,2}[./]\\d{1,2}[./](?:19|20)\\d{2}\\b"));
  private static final List<String> DOCUMENT_TITLES =
      List.of(
          "lebenslauf",
          "curriculum vitae",
          "currículum vitae",
          "résumé",
          "resume",
          "cv",
          "portfolio",
          "about me",
          "über mich",
          "chi sono",
          "à propos",
          "sobre mí");

  private static Trinity trinity;
  private static ContentEngine engine;

  @BeforeAll
  static void start() {
    trinity = OfflineAndFallbackTest.offline();
    engine = ContentEngines.create(trinity);
  }

  @AfterAll
  static void stop() {
    trinity.close();
  }

  static Stream<Entry> withProjects() {
    return Corpus.entries().stream().filter(e -> !e.projects().isEmpty());
  }

  static Stream<Entry> withoutProjects() {
    return Corpus.entries().stream().filter(e -> e.projects().isEmpty());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("withProjects")
  void noPersonalDataOrMarkupReachesAnyField(Entry entry) {
    for (String theme : List.of("editorial", "minimalist", "hacker")) {
      SiteContent c = engine.generate(ContentRequest.ofText(entry.text(), theme)).content();
      for (String field : texts(c)) {
        for (Pattern p : MARKUP) {
          assertThat(p.matcher(field).find()).as("markup %s in \"%s\"", p, field).isFalse();
        }
        for (Pattern p : PERSONAL) {
          assertThat(p.matcher(field).find()).as("personal data %s in \"%s\"", p, field).isFalse();
        }
        for (String personal : entry.personal()) {
          assertThat(field.toLowerCase(Locale.ROOT))
              .as("%s leaked into \"%s\"", personal, field)
              .doesNotContain(personal.toLowerCase(Locale.ROOT));
        }
      }
      for (String url : urls(c)) {
        assertThat(url).matches("(?:https?://[^\\s\"'<>]+|mailto:[^\\s\"'<>]+|#[\\w-]+)");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("withProjects")
  void theBrandIsTheOwnersNameNeverADocumentTitle(Entry entry) {
    GeneratedContent result = engine.generate(ContentRequest.ofText(entry.text(), "editorial"));
    String brand = result.content().brandName();

    assertThat(DOCUMENT_TITLES).doesNotContain(brand.toLowerCase(Locale.ROOT));
    if (entry.brand() != null) {
      assertThat(brand).isEqualTo(entry.brand());
      assertThat(result.content().hero().title()).isEqualTo(entry.brand());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("withProjects")
  void theHeroCountsExactlyTheProjectsShown(Entry entry) {
    for (String theme : List.of("minimalist", "editorial", "hacker")) {
      SiteContent c = engine.generate(ContentRequest.ofText(entry.text(), theme)).content();
      int shown = c.repos().size();
      assertThat(c.hero().subtitle()).startsWith(shown + (shown == 1 ? " project" : " projects"));
      Integer stars =
          c.repos().stream().map(Project::stars).filter(s -> s != null).reduce(0, Integer::sum);
      if (c.repos().stream().anyMatch(p -> p.stars() != null)) {
        assertThat(c.hero().subtitle().replace(",", "")).contains(stars + " star");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("withoutProjects")
  void aPortfolioWithoutProjectsIsRefusedWithAClearMessageNotInventedProjects(Entry entry) {
    AsyncContentEngine async = ContentEngines.createAsync(trinity);

    Throwable failure =
        failureOf(async.generateAsync(ContentRequest.ofText(entry.text(), "editorial")));

    assertThat(failure)
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("found no projects")
        .hasMessageContaining(
            entry.shape().id().equals("plain_text") ? "no known shape fitted" : entry.shape().id())
        .hasMessageContaining("never makes projects up");
    assertThat(((ProviderException) failure).isRetryable()).isFalse();
    for (String personal : entry.personal()) {
      assertThat(failure.getMessage()).doesNotContain(personal);
    }
  }

  private static List<String> texts(SiteContent c) {
    List<String> out = new ArrayList<>();
    out.add(c.brandName());
    if (c.tagline() != null) {
      out.add(c.tagline());
    }
    out.add(c.hero().title());
    out.add(c.hero().subtitle());
    links(c).forEach(l -> out.add(l.label()));
    for (Project p : c.repos()) {
      out.add(p.name());
      out.add(p.description());
      if (p.language() != null) {
        out.add(p.language());
      }
      out.addAll(p.tags());
    }
    return out;
  }

  private static List<String> urls(SiteContent c) {
    List<String> out = new ArrayList<>();
    links(c).forEach(l -> out.add(l.url()));
    c.repos().stream().map(Project::url).filter(u -> u != null).forEach(out::add);
    return out;
  }

  private static List<Link> links(SiteContent c) {
    List<Link> out = new ArrayList<>(c.menuItems());
    Stream.of(c.cta(), c.hero().ctaPrimary(), c.hero().ctaSecondary())
        .filter(l -> l != null)
        .forEach(out::add);
    return out;
  }
}
