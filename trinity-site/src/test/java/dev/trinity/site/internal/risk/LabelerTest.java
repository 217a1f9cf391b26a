package dev.trinity.site.internal.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.content.SiteContent;
import dev.trinity.site.Component;
import dev.trinity.site.ComponentRef;
import dev.trinity.site.HealingStrategy;
import dev.trinity.site.LayoutGuardian;
import dev.trinity.site.LayoutReport;
import dev.trinity.site.Overflow;
import dev.trinity.site.RenderedSite;
import dev.trinity.site.SiteRenderer;
import dev.trinity.site.Viewport;
import dev.trinity.site.internal.risk.train.BuiltInThemes;
import dev.trinity.site.internal.risk.train.ContentGenerator;
import dev.trinity.site.internal.risk.train.Labeler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelerTest {
  /** Reports an element as overflowing while its applied strategy is below what it needs. */
  static class ScriptedGuardian implements LayoutGuardian {
    final Map<ComponentRef, HealingStrategy> needs;
    int checks;

    ScriptedGuardian(Map<ComponentRef, HealingStrategy> needs) {
      this.needs = needs;
    }

    @Override
    public LayoutReport check(RenderedSite page, List<Viewport> viewports) {
      checks++;
      List<Overflow> overflows = new ArrayList<>();
      needs.forEach(
          (ref, needed) -> {
            if (page.fixes().strategyFor(ref.component(), ref.index()).compareTo(needed) < 0) {
              overflows.add(
                  new Overflow(
                      ref.component(),
                      ref.index(),
                      viewports.get(0),
                      20,
                      Overflow.Axis.HORIZONTAL));
            }
          });
      return new LayoutReport("scripted", viewports, overflows, 10);
    }

    @Override
    public String name() {
      return "scripted";
    }

    @Override
    public void close() {}
  }

  static final SiteContent PAGE = new ContentGenerator(1).next(0.0);

  @Test
  void eachElementGetsTheFirstRungAtWhichItFitsAndTheClimbStopsWhenAllFit() {
    ComponentRef brand = ComponentRef.of(Component.BRAND_NAME, 0);
    ComponentRef title = ComponentRef.of(Component.HERO_TITLE, 0);
    ScriptedGuardian guardian =
        new ScriptedGuardian(
            Map.of(brand, HealingStrategy.BREAK_WORD, title, HealingStrategy.FONT_SHRINK));
    Labeler labeler = new Labeler(SiteRenderer.create(), guardian, Viewport.DEFAULTS);

    Labeler.Labelled l = labeler.label(PAGE, BuiltInThemes.of("hacker"));

    assertThat(l.labels()).containsEntry(brand, "BREAK_WORD").containsEntry(title, "FONT_SHRINK");
    assertThat(l.labels().keySet())
        .containsExactlyInAnyOrderElementsOf(
            PageElements.of(PAGE).stream().map(e -> e.ref()).toList());
    assertThat(l.labels().entrySet())
        .filteredOn(e -> !e.getKey().equals(brand) && !e.getKey().equals(title))
        .allMatch(e -> e.getValue().equals("NONE"));
    assertThat(l.renders()).as("NONE, BREAK_WORD, FONT_SHRINK").isEqualTo(3);
    assertThat(guardian.checks).isEqualTo(3);
  }

  @Test
  void aCleanPageCostsOneRender() {
    Labeler labeler =
        new Labeler(SiteRenderer.create(), new ScriptedGuardian(Map.of()), Viewport.DEFAULTS);

    assertThat(labeler.label(PAGE, BuiltInThemes.of("editorial")).renders()).isEqualTo(1);
  }

  @Test
  void anElementThatNoRungFixesIsMarkedUnfixed() {
    ComponentRef brand = ComponentRef.of(Component.BRAND_NAME, 0);
    LayoutGuardian never =
        new ScriptedGuardian(Map.of(brand, HealingStrategy.CONTENT_CUT)) {
          @Override
          public LayoutReport check(RenderedSite page, List<Viewport> viewports) {
            checks++;
            return new LayoutReport(
                "scripted",
                viewports,
                List.of(
                    new Overflow(
                        Component.BRAND_NAME, 0, viewports.get(0), 9, Overflow.Axis.HORIZONTAL)),
                10);
          }
        };
    Labeler labeler = new Labeler(SiteRenderer.create(), never, Viewport.DEFAULTS);

    Labeler.Labelled l = labeler.label(PAGE, BuiltInThemes.of("brutalist"));

    assertThat(l.labels()).containsEntry(brand, Labeler.UNFIXED);
    assertThat(l.renders()).isEqualTo(HealingStrategy.values().length);
  }
}
