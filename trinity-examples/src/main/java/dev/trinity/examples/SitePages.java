package dev.trinity.examples;

import dev.trinity.api.content.SiteContent;
import dev.trinity.api.content.Theme;
import dev.trinity.site.ComponentRef;
import dev.trinity.site.HealResult;
import dev.trinity.site.HealingStrategy;
import dev.trinity.site.LayoutGuardian;
import dev.trinity.site.LayoutGuardians;
import dev.trinity.site.LayoutRiskPredictor;
import dev.trinity.site.PageWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns generated content into a page on disk: renders it with the theme's template, heals what
 * overflows starting from the layout-risk predictor's plan (checked in Chromium when it is
 * installed, else with font metrics), writes {@code index.html} with its assets and, with Chromium,
 * a full-page {@code screenshot.png} at 1280 px.
 */
final class SitePages implements AutoCloseable {
  /** The sample portfolio built to break layouts. */
  static final String BREAKER = "layout-breaker.md";

  private final LayoutGuardian guardian;
  private final PageWriter pages;

  SitePages(LayoutGuardian guardian) {
    this.guardian = guardian;
    this.pages = PageWriter.create(guardian, LayoutRiskPredictor.shipped());
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
  PageWriter.Written write(Path dir, SiteContent content, Theme theme) {
    return pages.write(content, theme, dir);
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
