package dev.trinity.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trinity.api.content.SiteContent;
import dev.trinity.test.LogCapture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The healer's escalation, with a guardian whose verdicts the test controls. */
class HealerTest {
  @RegisterExtension final LogCapture events = LogCapture.of("dev.trinity.site");

  /** Flags an element until a condition on the rendered page holds for it. */
  static final class ScriptedGuardian implements LayoutGuardian {
    final Map<ComponentRef, Predicate<RenderedSite>> fixedWhen;
    final List<LayoutFixes> seen = new ArrayList<>();

    ScriptedGuardian(Map<ComponentRef, Predicate<RenderedSite>> fixedWhen) {
      this.fixedWhen = fixedWhen;
    }

    @Override
    public LayoutReport check(RenderedSite page, List<Viewport> viewports) {
      seen.add(page.fixes());
      List<Overflow> overflows = new ArrayList<>();
      fixedWhen.forEach(
          (ref, fixed) -> {
            if (!fixed.test(page)) {
              overflows.add(
                  new Overflow(
                      ref.component(),
                      ref.index(),
                      viewports.get(0),
                      40,
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

  static Predicate<RenderedSite> strategyAtLeast(ComponentRef ref, HealingStrategy s) {
    return page -> page.fixes().strategyFor(ref.component(), ref.index()).compareTo(s) >= 0;
  }

  @Test
  void climbsOneRungPerRenderForEachOverflowingElementOnly() {
    ComponentRef title = ComponentRef.of(Component.HERO_TITLE, 0);
    ComponentRef tag = ComponentRef.of(Component.TAG, 3);
    ScriptedGuardian guardian =
        new ScriptedGuardian(
            Map.of(
                title, strategyAtLeast(title, HealingStrategy.FONT_SHRINK),
                tag, strategyAtLeast(tag, HealingStrategy.BREAK_WORD)));

    HealResult result =
        Healer.builder()
            .guardian(guardian)
            .build()
            .heal(SamplePages.breaking(), SamplePages.theme("hacker"));

    assertThat(result.isClean()).isTrue();
    assertThat(result.renders()).isEqualTo(3);
    assertThat(result.overflowsPerRender()).containsExactly(2, 1, 0);
    assertThat(result.fixedBy())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(title, HealingStrategy.FONT_SHRINK, tag, HealingStrategy.BREAK_WORD));
    assertThat(result.fixes().asMap()).hasSize(2);
    assertThat(result.strongest()).isEqualTo(HealingStrategy.FONT_SHRINK);
    assertThat(guardian.seen.get(1).strategyFor(Component.TAG, 2)).isEqualTo(HealingStrategy.NONE);
    List<String> healed =
        events.events().stream()
            .filter(e -> e.getFormattedMessage().equals("layout_healed"))
            .map(
                e ->
                    e.getKeyValuePairs().stream()
                        .map(kv -> kv.key + "=" + kv.value)
                        .collect(Collectors.joining(" ")))
            .toList();
    assertThat(healed)
        .containsExactlyInAnyOrder(
            "theme=hacker component=hero_title[0] strategy=font_shrink renders=3",
            "theme=hacker component=tag[3] strategy=break_word renders=3");
  }

  @Test
  void contentCutIsTheLastRungAndCutsTheTextAtAWordBoundaryAboveTheFloor() {
    ComponentRef description = ComponentRef.of(Component.CARD_DESCRIPTION, 0);
    ScriptedGuardian guardian =
        new ScriptedGuardian(
            Map.of(
                description, page -> page.content().repos().get(0).description().length() <= 120));

    HealResult result =
        Healer.builder()
            .guardian(guardian)
            .build()
            .heal(SamplePages.breaking(), SamplePages.theme("editorial"));

    assertThat(result.isClean()).isTrue();
    assertThat(result.renders()).isEqualTo(5);
    assertThat(result.fixedBy()).containsEntry(description, HealingStrategy.CONTENT_CUT);
    String cut = result.site().content().repos().get(0).description();
    String original = SamplePages.breaking().repos().get(0).description();
    assertThat(cut).endsWith("…").hasSizeLessThanOrEqualTo(120).hasSizeGreaterThan(40);
    assertThat(original).startsWith(cut.substring(0, cut.length() - 1));
    assertThat(Character.isWhitespace(original.charAt(cut.length() - 1))).isTrue();
    assertThat(result.site().content().repos().get(1).description())
        .isEqualTo(SamplePages.breaking().repos().get(1).description());
  }

  @Test
  void stopsWhenNothingCanBeEscalatedAndSaysThePageIsNotClean() {
    ComponentRef brand = ComponentRef.of(Component.BRAND_NAME, 0);
    ScriptedGuardian guardian = new ScriptedGuardian(Map.of(brand, page -> false));

    HealResult result =
        Healer.builder()
            .guardian(guardian)
            .build()
            .heal(SamplePages.breaking(), SamplePages.theme("brutalist"));

    assertThat(result.isClean()).isFalse();
    assertThat(result.renders()).isEqualTo(5);
    assertThat(result.fixedBy()).containsEntry(brand, HealingStrategy.CONTENT_CUT);
    assertThat(result.report().overflows()).hasSize(1);
    assertThat(events.events()).noneMatch(e -> e.getFormattedMessage().equals("layout_healed"));
  }

  @Test
  void theRenderBoundIsKept() {
    ComponentRef brand = ComponentRef.of(Component.BRAND_NAME, 0);
    ScriptedGuardian guardian = new ScriptedGuardian(Map.of(brand, page -> false));

    HealResult result =
        Healer.builder()
            .guardian(guardian)
            .maxRenders(2)
            .build()
            .heal(SamplePages.breaking(), SamplePages.theme("brutalist"));

    assertThat(result.renders()).isEqualTo(2);
    assertThat(result.isClean()).isFalse();
    assertThatThrownBy(() -> Healer.builder().maxRenders(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxRenders");
  }

  @Test
  void aStartStrategyIsAppliedEverywhereFirstAndEscalatesFromThere() {
    ComponentRef title = ComponentRef.of(Component.CARD_TITLE, 1);
    ScriptedGuardian guardian =
        new ScriptedGuardian(Map.of(title, strategyAtLeast(title, HealingStrategy.TRUNCATE)));

    HealResult result =
        Healer.builder()
            .guardian(guardian)
            .build()
            .heal(
                SamplePages.breaking(),
                SamplePages.theme("minimalist"),
                HealingStrategy.FONT_SHRINK);

    assertThat(guardian.seen.get(0).strategyFor(Component.HERO_TITLE, 0))
        .isEqualTo(HealingStrategy.FONT_SHRINK);
    assertThat(result.renders()).isEqualTo(2);
    assertThat(result.fixedBy()).containsExactlyEntriesOf(Map.of(title, HealingStrategy.TRUNCATE));
  }

  @Test
  void aCleanPageTakesOneRender() {
    SiteContent ordinary = SamplePages.ordinary();
    HealResult result =
        Healer.builder()
            .guardian(new ScriptedGuardian(Map.of()))
            .build()
            .heal(ordinary, SamplePages.theme("enterprise"));

    assertThat(result.renders()).isEqualTo(1);
    assertThat(result.isClean()).isTrue();
    assertThat(result.fixedBy()).isEmpty();
    assertThat(result.strongest()).isEqualTo(HealingStrategy.NONE);
    assertThat(result.site().content()).isEqualTo(ordinary);
  }
}
