package dev.trinity.site;

import dev.trinity.api.content.SiteContent;
import dev.trinity.api.content.Theme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Heals content into a page and writes it to disk: renders it with the theme's template, heals what
 * overflows ({@link Healer}, from the layout-risk predictor's plan when one is given), writes
 * {@code index.html} with its assets and, when the guardian can take one (Chromium), a full-page
 * {@value #SCREENSHOT} at {@link Viewport#DESKTOP} width.
 *
 * <pre>{@code
 * try (LayoutGuardian guardian = LayoutGuardians.bestAvailable()) {
 *   PageWriter pages = PageWriter.create(guardian, LayoutRiskPredictor.shipped());
 *   PageWriter.Written page = pages.write(generated.content(), theme, Path.of("out/ada/hacker"));
 * }
 * }</pre>
 *
 * <p>Thread-safe when its guardian is (both bundled guardians are). It does not own the guardian:
 * close that when done.
 */
public final class PageWriter {
  /** The screenshot's file name: {@value}. */
  public static final String SCREENSHOT = "screenshot.png";

  /**
   * A page written to disk.
   *
   * @param index the page's {@code index.html}
   * @param screenshot the screenshot, when the guardian took one
   * @param heal how the page was healed: the fixes, the renders, what still overflows
   */
  public record Written(Path index, Optional<Path> screenshot, HealResult heal) {
    /**
     * Checks the arguments.
     *
     * @throws NullPointerException when one is null
     */
    public Written {
      Objects.requireNonNull(index, "index");
      Objects.requireNonNull(screenshot, "screenshot");
      Objects.requireNonNull(heal, "heal");
    }
  }

  private final LayoutGuardian guardian;
  private final Healer healer;

  private PageWriter(LayoutGuardian guardian, @Nullable LayoutRiskPredictor predictor) {
    this.guardian = guardian;
    Healer.Builder b = Healer.builder().renderer(SiteRenderer.create()).guardian(guardian);
    if (predictor != null) {
      b.predictor(predictor);
    }
    this.healer = b.build();
  }

  /**
   * Pages healed by escalation only: each starts with no fixes.
   *
   * @param guardian checks the layout and takes the screenshots
   * @return the writer
   */
  public static PageWriter create(LayoutGuardian guardian) {
    return new PageWriter(Objects.requireNonNull(guardian, "guardian"), null);
  }

  /**
   * Pages healed from the predictor's plan, then by escalation.
   *
   * @param guardian checks the layout and takes the screenshots
   * @param predictor chooses the fixes each page starts with
   * @return the writer
   */
  public static PageWriter create(LayoutGuardian guardian, LayoutRiskPredictor predictor) {
    return new PageWriter(
        Objects.requireNonNull(guardian, "guardian"),
        Objects.requireNonNull(predictor, "predictor"));
  }

  /**
   * The guardian's name, as reports carry it.
   *
   * @return {@code chromium}, {@code text-metrics} or a host's own
   */
  public String guardianName() {
    return guardian.name();
  }

  /**
   * Heals one page and writes it into a directory, creating the directory when needed.
   *
   * @param content the content
   * @param theme the theme to render it in
   * @param dir the page's directory
   * @return what was written
   * @throws SiteException when a file cannot be written, or the guardian cannot check the page or
   *     take its screenshot
   */
  public Written write(SiteContent content, Theme theme, Path dir) {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(theme, "theme");
    Objects.requireNonNull(dir, "dir");
    HealResult healed = healer.heal(content, theme);
    Path index = healed.site().writeTo(dir);
    Optional<byte[]> png = guardian.fullPageScreenshot(healed.site(), Viewport.DESKTOP);
    Optional<Path> screenshot = Optional.empty();
    if (png.isPresent()) {
      Path file = dir.resolve(SCREENSHOT);
      try {
        Files.write(file, png.get());
      } catch (IOException e) {
        throw new SiteException("could not write the screenshot " + file, e);
      }
      screenshot = Optional.of(file);
    }
    return new Written(index, screenshot, healed);
  }
}
