package dev.trinity.examples;

import dev.trinity.api.content.ContentEngine;
import dev.trinity.api.content.ContentRequest;
import dev.trinity.api.content.GeneratedContent;
import dev.trinity.api.content.Theme;
import dev.trinity.cache.CacheConfig;
import dev.trinity.cache.TierType;
import dev.trinity.core.LlmConfig;
import dev.trinity.core.Trinity;
import dev.trinity.core.content.ContentEngines;
import dev.trinity.site.ChromiumGuardian;
import dev.trinity.site.PageWriter;
import dev.trinity.site.SiteRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;

/**
 * Writes the README's screenshots: a bundled sample, generated offline, rendered and healed in each
 * built-in theme, captured in Chromium at 1280 px, full page, as {@code <dir>/<theme>.png}.
 *
 * <pre>
 * java -cp … dev.trinity.examples.SiteScreenshots docs/screenshots layout-breaker.md
 * </pre>
 *
 * <p>Arguments: the output directory ({@code docs/screenshots}) and the sample ({@code
 * layout-breaker.md}). Needs Chromium.
 */
public final class SiteScreenshots {
  private SiteScreenshots() {}

  /**
   * Writes the screenshots.
   *
   * @param args output directory and sample name, both optional
   * @throws IOException when a file cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
    String sample = args.length > 1 ? args[1] : SitePages.BREAKER;
    if (!ChromiumGuardian.isInstalled()) {
      System.err.println("error: screenshots need Chromium at " + ChromiumGuardian.DEFAULT_BROWSER);
      System.exit(1);
    }
    Files.createDirectories(dir);
    String portfolio = Samples.read(sample);
    Path pages = Files.createTempDirectory("trinity-screenshots-");
    try {
      capture(dir, sample, portfolio, pages);
    } finally {
      deleteTree(pages);
    }
  }

  /** Generates the sample once per theme and writes each page under {@code work}. */
  private static void capture(Path dir, String sample, String portfolio, Path work)
      throws IOException {
    try (Trinity trinity =
            Trinity.builder()
                .llm(LlmConfig.builder().provider("offline").build())
                .cache(CacheConfig.builder().tiers(TierType.MEMORY).build())
                .build();
        SitePages pages = new SitePages(ChromiumGuardian.create())) {
      ContentEngine engine = ContentEngines.builder(trinity).build();
      for (String name : SiteRenderer.BUILT_IN_THEMES) {
        Theme theme = engine.theme(name);
        GeneratedContent g =
            engine.generate(
                ContentRequest.builder()
                    .portfolioText(portfolio, "samples/" + sample)
                    .theme(theme.name())
                    .build());
        PageWriter.Written page = pages.write(work.resolve(name), g.content(), theme);
        Path png = dir.resolve(name + ".png");
        Files.copy(
            page.screenshot()
                .orElseThrow(() -> new IllegalStateException("Chromium took no screenshot")),
            png,
            StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("%-10s %s -> %s%n", name, SitePages.describe(page.heal()), png);
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
