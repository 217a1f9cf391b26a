package dev.trinity.site.internal.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.content.Project;
import dev.trinity.api.content.SiteContent;
import dev.trinity.site.internal.PageElements;
import dev.trinity.site.internal.risk.train.ContentGenerator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ContentGeneratorTest {
  @Test
  void theSameSeedGivesTheSamePages() {
    ContentGenerator a = new ContentGenerator(99);
    ContentGenerator b = new ContentGenerator(99);

    for (int i = 0; i < 20; i++) {
      assertThat(a.next()).isEqualTo(b.next());
    }
  }

  @Test
  void hostilePagesCarryEveryShapeThatBreaksLayouts() {
    ContentGenerator g = new ContentGenerator(5);
    List<SiteContent> pages = IntStream.range(0, 200).mapToObj(i -> g.next(1.0)).toList();
    List<String> texts =
        pages.stream()
            .flatMap(p -> PageElements.of(p).stream())
            .map(PageElements.Element::text)
            .toList();

    assertThat(texts).anyMatch(t -> t.matches(".*[\\u4e00-\\u9fff].*"));
    assertThat(texts).anyMatch(t -> t.codePoints().anyMatch(cp -> cp >= 0x1F300));
    assertThat(texts).anyMatch(t -> t.matches(".*[\\u0590-\\u06ff].*"));
    assertThat(texts).anyMatch(t -> t.startsWith("https://github.com/"));
    assertThat(texts).anyMatch(t -> t.matches(".*[A-Za-z0-9_]{40,}.*"));
    assertThat(pages).flatMap(SiteContent::repos).extracting(Project::stars).contains(999_999);
    assertThat(pages).flatMap(SiteContent::repos).anyMatch(p -> p.tags().size() >= 8);
  }

  @Test
  void everydayPagesAreOrdinaryProse() {
    ContentGenerator g = new ContentGenerator(5);
    List<String> texts =
        IntStream.range(0, 50)
            .mapToObj(i -> g.next(0.0))
            .flatMap(p -> PageElements.of(p).stream())
            .map(PageElements.Element::text)
            .toList();

    assertThat(texts).allMatch(t -> t.matches("[\\p{IsLatin}0-9 .,★·+\\-]+"));
  }
}
