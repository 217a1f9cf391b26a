package dev.trinity.site;

import static dev.trinity.site.HealerTest.strategyAtLeast;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.content.SiteContent;
import dev.trinity.site.internal.PageElements;
import dev.trinity.site.internal.risk.train.BuiltInThemes;
import dev.trinity.site.internal.risk.train.ContentGenerator;
import dev.trinity.site.internal.risk.train.Labeler;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dataset labeller's climb, with the healer tests' scripted guardian instead of a browser. */
class LabelerTest {
  static final SiteContent PAGE = new ContentGenerator(1).next(0.0);
  static final ComponentRef BRAND = ComponentRef.of(Component.BRAND_NAME, 0);
  static final ComponentRef TITLE = ComponentRef.of(Component.HERO_TITLE, 0);

  @Test
  void eachElementGetsTheFirstRungAtWhichItFitsAndTheClimbStopsWhenAllFit() {
    HealerTest.ScriptedGuardian guardian =
        new HealerTest.ScriptedGuardian(
            Map.of(
                BRAND, strategyAtLeast(BRAND, HealingStrategy.BREAK_WORD),
                TITLE, strategyAtLeast(TITLE, HealingStrategy.FONT_SHRINK)));
    Labeler labeler = new Labeler(SiteRenderer.create(), guardian, Viewport.DEFAULTS);

    Labeler.Labelled l = labeler.label(PAGE, BuiltInThemes.of("hacker"));

    assertThat(l.labels()).containsEntry(BRAND, "BREAK_WORD").containsEntry(TITLE, "FONT_SHRINK");
    assertThat(l.labels().keySet())
        .containsExactlyInAnyOrderElementsOf(
            PageElements.of(PAGE).stream().map(PageElements.Element::ref).toList());
    assertThat(l.labels().entrySet())
        .filteredOn(e -> !e.getKey().equals(BRAND) && !e.getKey().equals(TITLE))
        .allMatch(e -> e.getValue().equals("NONE"));
    assertThat(l.renders()).as("NONE, BREAK_WORD, FONT_SHRINK").isEqualTo(3);
    assertThat(guardian.seen)
        .containsExactly(
            Labeler.everywhere(HealingStrategy.NONE),
            Labeler.everywhere(HealingStrategy.BREAK_WORD),
            Labeler.everywhere(HealingStrategy.FONT_SHRINK));
  }

  @Test
  void aCleanPageCostsOneRender() {
    Labeler labeler =
        new Labeler(
            SiteRenderer.create(), new HealerTest.ScriptedGuardian(Map.of()), Viewport.DEFAULTS);

    assertThat(labeler.label(PAGE, BuiltInThemes.of("editorial")).renders()).isEqualTo(1);
  }

  @Test
  void anElementThatNoRungFixesIsMarkedUnfixed() {
    Labeler labeler =
        new Labeler(
            SiteRenderer.create(),
            new HealerTest.ScriptedGuardian(Map.of(BRAND, page -> false)),
            Viewport.DEFAULTS);

    Labeler.Labelled l = labeler.label(PAGE, BuiltInThemes.of("brutalist"));

    assertThat(l.labels()).containsEntry(BRAND, Labeler.UNFIXED);
    assertThat(l.renders()).isEqualTo(HealingStrategy.values().length);
  }
}
