package dev.trinity.api.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trinity.api.CachePolicy;
import dev.trinity.api.InvalidInputException;
import dev.trinity.api.Usage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentApiTest {
  static final Theme THEME = new Theme("neon", "Pink on black.", "Loud.", ThemeRules.ofDefaults());

  static SiteContent content() {
    return new SiteContent(
        "Ada",
        null,
        new Hero("Title", "Subtitle", null, null),
        List.of(new Project("p", "d", null, null, null, null)),
        null,
        null);
  }

  @Test
  void aRequestForAFileIsNamedByItsPath() {
    ContentRequest r = ContentRequest.of(Path.of("cv.md"), "brutalist");

    assertThat(r.portfolioFile()).contains(Path.of("cv.md"));
    assertThat(r.portfolioText()).isEmpty();
    assertThat(r.inputName()).isEqualTo("cv.md");
    assertThat(r.themeName()).isEqualTo("brutalist");
    assertThat(r.theme()).isEmpty();
    assertThat(r.cachePolicy()).isEqualTo(CachePolicy.USE);
    assertThat(r.fallback()).isEmpty();
  }

  @Test
  void aRequestForTextCarriesItsThemeAndHidesTheTextFromToString() {
    ContentRequest r =
        ContentRequest.builder()
            .portfolioText("secret portfolio", "upload #1")
            .theme(THEME)
            .build();

    assertThat(r.inputName()).isEqualTo("upload #1");
    assertThat(r.themeName()).isEqualTo("neon");
    assertThat(r.theme()).contains(THEME);
    assertThat(r.toString()).contains("upload #1").doesNotContain("secret");
  }

  @Test
  void toBuilderCopiesEveryField() {
    ContentRequest r =
        ContentRequest.builder()
            .portfolio(Path.of("a.md"))
            .theme("hacker")
            .correlationId("build-1")
            .timeout(Duration.ofSeconds(5))
            .cachePolicy(CachePolicy.BYPASS)
            .fallback(Fallback.offline())
            .build();

    assertThat(r.toBuilder().build()).isEqualTo(r).hasSameHashCodeAs(r);
  }

  @Test
  void theBuilderRejectsWhatCannotWork() {
    assertThatThrownBy(() -> ContentRequest.builder().theme("x").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("portfolio");
    assertThatThrownBy(() -> ContentRequest.builder().portfolioText("t").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("theme");
    assertThatThrownBy(() -> ContentRequest.builder().correlationId("has space"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ContentRequest.builder().timeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void themeRulesOutsideTheSchemasLimitsAreRejectedByName() {
    assertThatThrownBy(() -> ThemeRules.builder().maxRepos(21).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("max_repos must be in [1, 20], was 21");
    assertThatThrownBy(() -> ThemeRules.builder().maxTaglineLength(0).build())
        .hasMessageStartingWith("max_tagline_length");
  }

  @Test
  void themeNamesAreLowerCaseIdentifiers() {
    assertThatThrownBy(() -> new Theme("Neon Pink", "d", "v", ThemeRules.ofDefaults()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(THEME).hasToString("Theme[neon]");
  }

  @Test
  void missingListsBecomeEmpty() {
    SiteContent c = content();

    assertThat(c.menuItems()).isEmpty();
    assertThat(c.repos().get(0).tags()).isEmpty();
  }

  @Test
  void anItemHasContentOrAnErrorNeverBoth() {
    ContentRequest r = ContentRequest.ofText("t", THEME);
    GeneratedContent g =
        new GeneratedContent(
            content(),
            ContentSource.LLM,
            "neon",
            "p",
            "m",
            Usage.NONE,
            1,
            Duration.ZERO,
            List.of(),
            "c");

    assertThat(ItemResult.success(0, r, g).isSuccess()).isTrue();
    assertThat(
            ItemResult.failure(1, r, new InvalidInputException("t", "is empty")).errorIfPresent())
        .isPresent();
    assertThatThrownBy(() -> new ItemResult(0, r, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBatchResultCountsItsItems() {
    ContentRequest r = ContentRequest.ofText("t", THEME);
    GeneratedContent g =
        new GeneratedContent(
            content(),
            ContentSource.CACHE,
            "neon",
            "p",
            "m",
            Usage.NONE,
            0,
            Duration.ZERO,
            List.of(),
            "c");
    BatchResult b =
        new BatchResult(
            List.of(
                ItemResult.success(0, r, g),
                ItemResult.failure(1, r, new InvalidInputException("t", "is empty"))));

    assertThat(b.total()).isEqualTo(2);
    assertThat(b.succeeded()).isEqualTo(1);
    assertThat(b.failed()).isEqualTo(1);
    assertThat(b.contents()).containsExactly(g);
    assertThat(b.failures()).extracting(ItemResult::index).containsExactly(1);
  }

  static GeneratedContent generated(ContentSource source, ContentSource original, int repairs) {
    return new GeneratedContent(
        content(),
        source,
        original,
        "neon",
        "offline",
        "rule-based",
        Usage.NONE,
        0,
        repairs,
        Duration.ZERO,
        List.of(),
        "c");
  }

  @Test
  void aCachedResultKeepsWhoWroteItAndOtherResultsNameThemselves() {
    assertThat(generated(ContentSource.CACHE, ContentSource.OFFLINE, 0).originalSource())
        .isEqualTo(ContentSource.OFFLINE);
    assertThat(generated(ContentSource.FALLBACK, ContentSource.FALLBACK, 2).repairs()).isEqualTo(2);
    assertThatThrownBy(() -> generated(ContentSource.CACHE, ContentSource.CACHE, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("originalSource must say who wrote it");
    assertThatThrownBy(() -> generated(ContentSource.LLM, ContentSource.OFFLINE, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("originalSource must equal source unless source is CACHE, was OFFLINE for LLM");
    assertThatThrownBy(() -> generated(ContentSource.LLM, ContentSource.LLM, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("repairs must be >= 0, was -1");
  }

  @Test
  void theShortConstructorTakesTheSourceAsWriterAndAModelForACachedAnswer() {
    GeneratedContent cached =
        new GeneratedContent(
            content(),
            ContentSource.CACHE,
            "neon",
            "p",
            "m",
            Usage.NONE,
            0,
            Duration.ZERO,
            List.of(),
            "c");

    assertThat(cached.originalSource()).isEqualTo(ContentSource.LLM);
    assertThat(cached.repairs()).isZero();
  }

  @Test
  void batchOptionsAreBounded() {
    assertThat(BatchOptions.ofDefaults().maxConcurrency()).isEqualTo(4);
    assertThatThrownBy(() -> BatchOptions.ofDefaults().withMaxConcurrency(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aStaticFallbackHoldsItsContent() {
    assertThat(Fallback.of(content()).kind()).isEqualTo(Fallback.Kind.STATIC);
    assertThat(Fallback.of(content()).content()).contains(content());
    assertThat(Fallback.none().content()).isEmpty();
  }
}
