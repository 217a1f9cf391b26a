package dev.trinity.examples;

import dev.trinity.api.content.SiteContent;
import dev.trinity.api.content.Theme;
import dev.trinity.site.ComponentRef;
import dev.trinity.site.HealResult;
import dev.trinity.site.Healer;
import dev.trinity.site.HealingStrategy;
import dev.trinity.site.LayoutGuardian;
import dev.trinity.site.LayoutGuardians;
import dev.trinity.site.LayoutRiskPredictor;
import dev.trinity.site.SiteRenderer;
import dev.trinity.site.Viewport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Turns generated content into a page on disk: renders it with the theme's template, heals what
 * overflows starting from the layout-risk predictor's plan (checked in Chromium when it is
 * installed, else with font metrics), writes {@code index.html} with its assets and, with Chromium,
 * a full-page {@code screenshot.png} at 1280 px.
 */
final class SitePages implements AutoCloseable {
  /** The sample portfolio built to break layouts. */
  static final String BREAKER = "layout-breaker.md";

  /** A page written to disk. */
  record Written(Path index, @Nullable Path screenshot, HealResult heal) {}

  private final SiteRenderer renderer = SiteRenderer.create();
  private final LayoutGuardian guardian;
  private final Healer healer;

  SitePages(LayoutGuardian guardian) {
    this.guardian = guardian;
    this.healer =
        Healer.builder()
            .renderer(renderer)
            .guardian(guardian)
            .predictor(LayoutRiskPredictor.shipped())
            .build();
  }

  /** Pages checked by the best guardian installed. */
  static SitePages open() {
    return new SitePages(LayoutGuardians.bestAvailable());
  }

  /** The guardian's name: {@code chromium} or {@code text-metrics}. */
  String guardian() {
    return guardian.name();
  }

  /**
   * Heals and writes one page.
   *
   * @param dir the page's directory ({@code output/<portfolio>/<theme>})
   * @param content the content
   * @param theme the theme
   * @return what was written
   */
  Written write(Path dir, SiteContent content, Theme theme) {
    HealResult result = healer.heal(content, theme);
    Path index = result.site().writeTo(dir);
    Path screenshot = null;
    Optional<byte[]> png = guardian.fullPageScreenshot(result.site(), Viewport.DESKTOP);
    if (png.isPresent()) {
      screenshot = dir.resolve("screenshot.png");
      try {
        Files.write(screenshot, png.get());
      } catch (IOException e) {
        throw new UncheckedIOException("could not write " + screenshot, e);
      }
    }
    return new Written(index, screenshot, result);
  }

  /**
   * "clean after 1 render (chromium): hero_title[0] break_word, tag[4] font_shrink": the fixes the
   * final page was rendered with, predicted or found by escalation.
   */
  static String describe(HealResult r) {
    String state =
        (r.isClean() ? "clean" : r.report().overflows().size() + " overflows left")
            + " after "
            + r.renders()
            + (r.renders() == 1 ? " render" : " renders")
            + " ("
            + r.report().guardian()
            + ")";
    if (r.fixes().isEmpty()) {
      return state + ", nothing to fix";
    }
    return state + ": " + fixes(r.fixes().asMap());
  }

  private static String fixes(Map<ComponentRef, HealingStrategy> fixes) {
    return fixes.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue().name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
  }

  @Override
  public void close() {
    guardian.close();
  }
}
