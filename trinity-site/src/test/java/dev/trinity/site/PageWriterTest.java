package dev.trinity.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trinity.api.content.Theme;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Heal, then write: the page, its assets and, when the guardian takes one, the screenshot. */
class PageWriterTest {
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

  @TempDir Path dir;

  /** Flags the hero title until it breaks words, and takes a fixed "screenshot" when asked to. */
  static final class ShootingGuardian implements LayoutGuardian {
    final HealerTest.ScriptedGuardian checks;
    final boolean shoots;
    final List<Viewport> shotAt = new ArrayList<>();

    ShootingGuardian(boolean shoots) {
      ComponentRef title = ComponentRef.of(Component.HERO_TITLE, 0);
      this.checks =
          new HealerTest.ScriptedGuardian(
              Map.of(title, HealerTest.strategyAtLeast(title, HealingStrategy.BREAK_WORD)));
      this.shoots = shoots;
    }

    @Override
    public LayoutReport check(RenderedSite page, List<Viewport> viewports) {
      return checks.check(page, viewports);
    }

    @Override
    public Optional<byte[]> fullPageScreenshot(RenderedSite page, Viewport viewport) {
      shotAt.add(viewport);
      return shoots ? Optional.of(PNG) : Optional.empty();
    }

    @Override
    public String name() {
      return "shooting";
    }

    @Override
    public void close() {}
  }

  @Test
  void writesTheHealedPageAndTheScreenshotAtDesktopWidth() throws Exception {
    ShootingGuardian guardian = new ShootingGuardian(true);
    Theme hacker = SamplePages.theme("hacker");

    PageWriter.Written page =
        PageWriter.create(guardian).write(SamplePages.ordinary(), hacker, dir.resolve("a/hacker"));

    assertThat(page.index()).isEqualTo(dir.resolve("a/hacker/index.html")).exists();
    assertThat(page.heal().isClean()).isTrue();
    assertThat(page.heal().fixes().asMap())
        .containsEntry(ComponentRef.of(Component.HERO_TITLE, 0), HealingStrategy.BREAK_WORD);
    // the page on disk is the healed one
    assertThat(Files.readString(page.index(), StandardCharsets.UTF_8))
        .isEqualTo(page.heal().site().html());
    assertThat(page.screenshot()).contains(dir.resolve("a/hacker/" + PageWriter.SCREENSHOT));
    assertThat(Files.readAllBytes(page.screenshot().orElseThrow())).isEqualTo(PNG);
    assertThat(guardian.shotAt).containsExactly(Viewport.DESKTOP);
    assertThat(PageWriter.create(guardian).guardianName()).isEqualTo("shooting");
  }

  @Test
  void aGuardianWithoutABrowserWritesNoScreenshot() {
    PageWriter.Written page =
        PageWriter.create(new ShootingGuardian(false))
            .write(SamplePages.ordinary(), SamplePages.theme("minimalist"), dir);

    assertThat(page.index()).exists();
    assertThat(page.screenshot()).isEmpty();
    assertThat(dir.resolve(PageWriter.SCREENSHOT)).doesNotExist();
  }

  @Test
  void healingStartsFromThePredictorsPlanWhenOneIsGiven() {
    HealerTest.ScriptedGuardian clean = new HealerTest.ScriptedGuardian(Map.of());

    PageWriter.Written predicted =
        PageWriter.create(clean, LayoutRiskPredictor.shipped())
            .write(SamplePages.breaking(), SamplePages.theme("brutalist"), dir.resolve("p"));
    PageWriter.Written escalated =
        PageWriter.create(clean)
            .write(SamplePages.breaking(), SamplePages.theme("brutalist"), dir.resolve("e"));

    assertThat(escalated.heal().fixes().isEmpty()).isTrue();
    assertThat(predicted.heal().fixes().isEmpty()).isFalse();
  }

  @Test
  void aDirectoryThatCannotBeWrittenIsASiteExceptionNamingIt() throws Exception {
    Path file = Files.writeString(dir.resolve("taken"), "a file, not a directory");

    assertThatThrownBy(
            () ->
                PageWriter.create(new ShootingGuardian(true))
                    .write(SamplePages.ordinary(), SamplePages.theme("hacker"), file))
        .isInstanceOf(SiteException.class)
        .hasMessageContaining(file.toString());
  }
}
