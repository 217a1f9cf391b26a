package dev.trinity.cli.internal;

import dev.trinity.api.content.GeneratedContent;
import dev.trinity.api.content.Theme;
import dev.trinity.site.ChromiumGuardian;
import dev.trinity.site.ComponentRef;
import dev.trinity.site.HealResult;
import dev.trinity.site.Healer;
import dev.trinity.site.HealingStrategy;
import dev.trinity.site.LayoutGuardian;
import dev.trinity.site.LayoutGuardians;
import dev.trinity.site.SiteRenderer;
import dev.trinity.site.TextMetricsGuardian;
import dev.trinity.site.Viewport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns generated content into a page: renders it in its theme, checks the layout at the default
 * viewports, heals what overflows (break-word, font shrink, truncate, cut), writes {@code
 * index.html} with its assets and, with Chromium, a full-page {@code screenshot.png} at desktop
 * width. One guardian (one browser) serves every page of a run.
 */
final class PageBuilder implements AutoCloseable {
  static final String SCREENSHOT = "screenshot.png";

  /** What building one page gave. */
  record Page(Path index, String fixes, boolean clean, boolean screenshot) {}

  private final LayoutGuardian guardian;
  private final Healer healer;

  private PageBuilder(LayoutGuardian guardian) {
    this.guardian = guardian;
    this.healer = Healer.builder().renderer(SiteRenderer.create()).guardian(guardian).build();
  }

  /**
   * Starts the layout check.
   *
   * @throws IllegalArgumentException when Chromium is asked for and not installed
   */
  static PageBuilder start(GuardianChoice choice) {
    return new PageBuilder(
        switch (choice) {
          case TEXT -> TextMetricsGuardian.create();
          case CHROMIUM -> {
            if (!ChromiumGuardian.isInstalled()) {
              throw new IllegalArgumentException(
                  "--guardian chromium: Chromium is not installed at "
                      + ChromiumGuardian.DEFAULT_BROWSER
                      + " with "
                      + ChromiumGuardian.DEFAULT_DRIVER
                      + " (see 'trinity doctor')");
            }
            yield ChromiumGuardian.create();
          }
          case AUTO -> LayoutGuardians.bestAvailable();
        });
  }

  String guardianName() {
    return guardian.name();
  }

  Page build(GeneratedContent generated, Theme theme, Path dir) {
    HealResult healed = healer.heal(generated.content(), theme);
    Path index = healed.site().writeTo(dir);
    boolean shot = false;
    if (guardian instanceof ChromiumGuardian chromium) {
      byte[] png = chromium.screenshot(healed.site(), Viewport.DESKTOP, true);
      try {
        Files.write(dir.resolve(SCREENSHOT), png);
      } catch (IOException e) {
        throw new UncheckedIOException("could not write " + dir.resolve(SCREENSHOT), e);
      }
      shot = true;
    }
    return new Page(index, describe(healed), healed.isClean(), shot);
  }

  /** {@code none}, or each healed element with the strategy that fixed it; unhealed overflows. */
  static String describe(HealResult healed) {
    Map<ComponentRef, HealingStrategy> fixed = healed.fixedBy();
    String text =
        fixed.isEmpty()
            ? "none"
            : fixed.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().name().toLowerCase(java.util.Locale.ROOT))
                .sorted()
                .collect(Collectors.joining(", "));
    if (!healed.isClean()) {
      text += " (still overflows: " + healed.report().overflows().size() + ")";
    }
    return text;
  }

  @Override
  public void close() {
    guardian.close();
  }
}
